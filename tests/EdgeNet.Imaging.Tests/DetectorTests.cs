using EdgeNet.Data;
using EdgeNet.Inference;
using EdgeNet.Training;
using SkiaSharp;

namespace EdgeNet.Imaging.Tests;

/// <summary>
/// A model trained here on varied patches (small, seeded) scans a rectangle the test draws: dark 0.25 on a 0.75
/// background, x from 20 to 59 and y from 15 to 44, with a little noise. Its outline runs along x = 19.5 and 59.5,
/// y = 14.5 and 44.5, so a 5×5 window touches it only within 2.5 pixels.
/// </summary>
public sealed class DetectorTests
{
    private const int Width = 80, Height = 60;
    private static readonly SKRectI Box = new(20, 15, 60, 45);
    private static readonly Lazy<GrayImage> Picture = new(() =>
        ImageDecoder.Decode(DrawnImages.Rectangle(Width, Height, Box, inside: 0.25, outside: 0.75, noise: 0.02), "rectangle.png"));

    private static readonly Lazy<ProbabilityMap> OrientationScan = new(() => Scan(EdgeTask.Orientation));
    private static readonly Lazy<ProbabilityMap> EdgeScan = new(() => Scan(EdgeTask.Edge));

    [Theory]
    [InlineData("left", EdgeTasks.VerticalBrightToDark)]                 // bright background, then the dark box
    [InlineData("right", EdgeTasks.VerticalDarkToBright)]
    [InlineData("top", EdgeTasks.HorizontalBrightToDark)]
    [InlineData("bottom", EdgeTasks.HorizontalDarkToBright)]
    public void Orientation_model_finds_each_side_where_it_is_with_its_orientation(string side, int expected)
    {
        // Given the scan of the drawn rectangle by the orientation model
        ProbabilityMap map = OrientationScan.Value;

        // Then on both pixels beside the side, all along its middle, the side's class wins with p(edge) > 0.9
        foreach ((int x, int y) in Beside(side))
        {
            Assert.True(map.MostProbableClass(x, y) == expected, $"{side} ({x}, {y}): class {map.ClassNames[map.MostProbableClass(x, y)]}");
            Assert.True(map.EdgeProbability(x, y) > 0.9, $"{side} ({x}, {y}): p(edge) {map.EdgeProbability(x, y):F3}");
        }
    }

    [Fact]
    public void Orientation_model_sees_no_edge_in_flat_regions_and_none_far_from_the_outline()
    {
        ProbabilityMap map = OrientationScan.Value;

        AssertOnlyNearTheOutline(map);
    }

    [Fact]
    public void Edge_model_finds_only_the_dark_to_bright_side()
    {
        // Given the two-class varied model (the tutorial's question: dark on the left, bright on the right?)
        ProbabilityMap map = EdgeScan.Value;

        // Then the right side is an edge, the other three are not
        Assert.All(Beside("right"), p => Assert.True(map.EdgeProbability(p.X, p.Y) > 0.9, $"right ({p.X}, {p.Y}): {map.EdgeProbability(p.X, p.Y):F3}"));
        foreach (string side in new[] { "left", "top", "bottom" })
        {
            Assert.All(Beside(side), p => Assert.True(map.EdgeProbability(p.X, p.Y) < 0.1, $"{side} ({p.X}, {p.Y}): {map.EdgeProbability(p.X, p.Y):F3}"));
        }
        AssertOnlyNearTheOutline(map);
    }

    // Every pixel more than 3.5 pixels from the outline (its window misses the outline by a pixel) has p(edge) < 0.2,
    // and on average < 0.02; every pixel with p(edge) > 0.5 is within 3.5 pixels of the outline.
    private static void AssertOnlyNearTheOutline(ProbabilityMap map)
    {
        double sum = 0;
        int flat = 0;
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                double p = map.EdgeProbability(x, y);
                bool near = DistanceToOutline(x, y) <= 3.5;
                if (!near)
                {
                    Assert.True(p < 0.2, $"flat pixel ({x}, {y}) has p(edge) {p:F3}");
                    sum += p;
                    flat++;
                }
                Assert.True(p <= 0.5 || near, $"({x}, {y}) is {DistanceToOutline(x, y):F1} px from the outline but p(edge) {p:F3}");
            }
        }
        Assert.True(flat > Width * Height / 2, "most of the picture is flat");
        Assert.True(sum / flat < 0.02, $"mean p(edge) in flat regions {sum / flat:F4}");
    }

    // The two pixels either side of a side's line, along its middle (away from the corners).
    private static IEnumerable<(int X, int Y)> Beside(string side)
    {
        for (int t = 0; t < 2; t++)
        {
            switch (side)
            {
                case "left":
                    for (int y = Box.Top + 4; y < Box.Bottom - 4; y++) { yield return (Box.Left - 1 + t, y); }
                    break;
                case "right":
                    for (int y = Box.Top + 4; y < Box.Bottom - 4; y++) { yield return (Box.Right - 1 + t, y); }
                    break;
                case "top":
                    for (int x = Box.Left + 4; x < Box.Right - 4; x++) { yield return (x, Box.Top - 1 + t); }
                    break;
                default:
                    for (int x = Box.Left + 4; x < Box.Right - 4; x++) { yield return (x, Box.Bottom - 1 + t); }
                    break;
            }
        }
    }

    // Distance from a pixel centre to the rectangle's outline, [19.5, 59.5] × [14.5, 44.5].
    private static double DistanceToOutline(int x, int y)
    {
        double left = Box.Left - 0.5, right = Box.Right - 0.5, top = Box.Top - 0.5, bottom = Box.Bottom - 0.5;
        double dx = Math.Max(Math.Max(left - x, x - right), 0), dy = Math.Max(Math.Max(top - y, y - bottom), 0);
        if (dx > 0 || dy > 0)
        {
            return Math.Sqrt(dx * dx + dy * dy);                                // outside the box
        }
        return Math.Min(Math.Min(x - left, right - x), Math.Min(y - top, bottom - y)); // inside the box
    }

    private static ProbabilityMap Scan(EdgeTask task)
    {
        // A small seeded run: 3000 varied patches, 10 epochs of the tutorial's SGD
        var options = new TrainingOptions { Seed = 1, TrainSamples = 3000, TestSamples = 0, Epochs = 10 };
        GeneratedData data = GeneratedData.VariedWith(new VariedOptions { Task = task });
        var setup = SeededSetup<double>.Create(options, data);
        Trainer.Train(setup.Network, setup.Train, null, options, setup.Random);
        GrayImage image = Picture.Value;
        return ProbabilityMap.Scan(setup.Network, data.ClassNames, image.Pixels, image.Width, image.Height, data.PatchSize);
    }
}
