using EdgeNet.Data;

namespace EdgeNet.Tests.Data;

public sealed class VariedPatchesTests
{
    private static readonly VariedOptions Clean = new() { Noise = 0 };

    [Theory]
    [InlineData(EdgeTask.Edge)]
    [InlineData(EdgeTask.Orientation)]
    public void Same_seed_gives_the_same_patches_and_another_seed_does_not(EdgeTask task)
    {
        // Given
        var options = new VariedOptions { Task = task };

        // When
        Dataset first = VariedPatches.Generate(new NumpyRandom(7), 300, options);
        Dataset again = VariedPatches.Generate(new NumpyRandom(7), 300, options);
        Dataset other = VariedPatches.Generate(new NumpyRandom(8), 300, options);

        // Then
        Assert.Equal(first.Features.ToArray(), again.Features.ToArray());
        Assert.Equal(first.Labels.ToArray(), again.Labels.ToArray());
        Assert.NotEqual(first.Features.ToArray(), other.Features.ToArray());
    }

    [Fact]
    public void Edge_task_labels_Edge_exactly_the_vertical_dark_to_bright_steps()
    {
        // Given noise-free patches and what was painted into each
        var drawings = new List<PatchDrawing>();

        // When
        Dataset data = VariedPatches.Generate(new NumpyRandom(1), 2000, Clean, drawings);

        // Then
        for (int n = 0; n < data.Count; n++)
        {
            bool edge = drawings[n].Kind == PatchKind.AxisStep && drawings[n].Degrees == 0;
            Assert.Equal(edge ? 0 : 1, data.Labels[n]);
        }
        Assert.Contains(drawings, d => d.Kind == PatchKind.DiagonalStep);
        Assert.Contains(drawings, d => d.Kind == PatchKind.AxisStep && d.Degrees == 180);
        Assert.Contains(drawings, d => d.Kind == PatchKind.AxisStep && d.Degrees == 90);
    }

    [Fact]
    public void Every_Edge_patch_rises_from_left_to_right_and_is_the_same_in_every_row()
    {
        // Given
        Dataset data = VariedPatches.Generate(new NumpyRandom(2), 1000, Clean);
        int size = Clean.PatchSize;

        for (int n = 0; n < data.Count; n++)
        {
            if (data.Labels[n] != 0)
            {
                continue;
            }
            ReadOnlySpan<double> patch = data.Sample(n);

            // Then every row is the first row, which never falls and rises by at least half the minimum contrast
            for (int row = 1; row < size; row++)
            {
                Assert.Equal(patch[..size].ToArray(), patch.Slice(row * size, size).ToArray());
            }
            for (int x = 1; x < size; x++)
            {
                Assert.True(patch[x] >= patch[x - 1], $"sample {n} falls at column {x}");
            }
            Assert.True(patch[size - 1] - patch[0] >= Clean.MinContrast / 2, $"sample {n} rises only {patch[size - 1] - patch[0]}");
        }
    }

    [Fact]
    public void Orientation_labels_agree_with_the_direction_of_the_brightness_change()
    {
        // Given noise-free orientation patches
        var options = Clean with { Task = EdgeTask.Orientation };

        // When
        Dataset data = VariedPatches.Generate(new NumpyRandom(3), 2000, options);

        // Then the least-squares slope (bx, by) of each edge patch points along its class
        for (int n = 0; n < data.Count; n++)
        {
            int label = data.Labels[n];
            if (label == EdgeTasks.None)
            {
                continue;
            }
            (double bx, double by) = Slope(data.Sample(n), options.PatchSize);
            (double along, double across) = label is EdgeTasks.VerticalDarkToBright or EdgeTasks.VerticalBrightToDark ? (bx, by) : (by, bx);
            double sign = label is EdgeTasks.VerticalDarkToBright or EdgeTasks.HorizontalDarkToBright ? 1 : -1;
            Assert.True(sign * along > 0, $"sample {n} (label {label}): slope ({bx:F3}, {by:F3}) points the wrong way");
            Assert.True(Math.Abs(along) > Math.Abs(across), $"sample {n} (label {label}): slope ({bx:F3}, {by:F3}) is not along its axis");
        }
    }

    [Theory]
    [InlineData(EdgeTask.Edge)]
    [InlineData(EdgeTask.Orientation)]
    public void Steps_have_at_least_the_minimum_contrast_and_other_patches_less(EdgeTask task)
    {
        // Given hard, noise-free steps
        var options = new VariedOptions { Task = task, Noise = 0, MaxSoftness = 0, MinContrast = 0.3 };
        var drawings = new List<PatchDrawing>();

        // When
        Dataset data = VariedPatches.Generate(new NumpyRandom(4), 2000, options, drawings);

        // Then
        for (int n = 0; n < data.Count; n++)
        {
            ReadOnlySpan<double> patch = data.Sample(n);
            double range = Max(patch) - Min(patch);
            switch (drawings[n].Kind)
            {
                case PatchKind.AxisStep or PatchKind.TiltedStep or PatchKind.DiagonalStep:
                    Assert.True(range >= options.MinContrast - 1e-12, $"step {n} has contrast {range}");
                    break;
                case PatchKind.Uniform:
                    Assert.Equal(0, range);
                    break;
                default:
                    Assert.True(range < options.MinContrast, $"{drawings[n].Kind} {n} spans {range}");
                    break;
            }
        }
    }

    [Fact]
    public void Noisy_pixels_stay_between_0_and_1_and_half_the_patches_are_edges()
    {
        // Given strong noise
        var options = new VariedOptions { Noise = 0.3 };

        // When
        Dataset data = VariedPatches.Generate(new NumpyRandom(5), 4000, options);

        // Then
        Assert.All(data.Features.ToArray(), v => Assert.InRange(v, 0, 1));
        int edges = data.Labels.ToArray().Count(l => l == 0);
        Assert.InRange(edges, 1800, 2200);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(9)]
    public void Patch_size_sets_the_pixels_per_sample(int size)
    {
        Dataset data = VariedPatches.Generate(new NumpyRandom(6), 50, new VariedOptions { PatchSize = size });

        Assert.Equal(size * size, data.FeatureCount);
        Assert.Equal(50, data.Count);
    }

    [Theory]
    [InlineData(4, 0.05, 0.2, 1.5)]
    [InlineData(1, 0.05, 0.2, 1.5)]
    [InlineData(33, 0.05, 0.2, 1.5)]
    [InlineData(5, -0.1, 0.2, 1.5)]
    [InlineData(5, double.NaN, 0.2, 1.5)]
    [InlineData(5, 0.05, 0, 1.5)]
    [InlineData(5, 0.05, 0.95, 1.5)]
    [InlineData(5, 0.05, 0.2, -1)]
    public void Out_of_range_options_are_refused(int size, double noise, double contrast, double softness)
    {
        var options = new VariedOptions { PatchSize = size, Noise = noise, MinContrast = contrast, MaxSoftness = softness };

        Assert.Throws<ArgumentException>(() => VariedPatches.Generate(new NumpyRandom(1), 1, options));
    }

    [Fact]
    public void Tutorial_generator_through_GeneratedData_draws_the_tutorial_patches()
    {
        Dataset direct = TutorialPatches.Generate(new NumpyRandom(42), 100);
        Dataset through = GeneratedData.Tutorial.Generate(new NumpyRandom(42), 100);

        Assert.Equal(direct.Features.ToArray(), through.Features.ToArray());
        Assert.Equal(direct.Labels.ToArray(), through.Labels.ToArray());
    }

    // Least-squares plane v ≈ a + bx·x + by·y on a centred grid: bx = Σ x·v / Σ x², by likewise.
    private static (double Bx, double By) Slope(ReadOnlySpan<double> patch, int size)
    {
        double centre = (size - 1) / 2.0, sx = 0, sy = 0, norm = 0;
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                sx += (x - centre) * patch[y * size + x];
                sy += (y - centre) * patch[y * size + x];
                norm += (x - centre) * (x - centre);
            }
        }
        return (sx / norm, sy / norm);
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values)
        {
            max = Math.Max(max, v);
        }
        return max;
    }

    private static double Min(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity;
        foreach (double v in values)
        {
            min = Math.Min(min, v);
        }
        return min;
    }
}
