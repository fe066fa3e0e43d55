namespace EdgeNet.Data;

/// <summary>
/// Harder patches than the tutorial's: random dark and bright levels at least <see cref="VariedOptions.MinContrast"/>
/// apart, soft edges at any position, Gaussian noise, and negatives that look like the world (other edges, ramps,
/// textures, flat patches). Half the samples are edges, half are not; every number comes from the seeded
/// <see cref="NumpyRandom"/>, so a seed always gives the same data.
/// </summary>
/// <remarks>
/// Edge task: "Edge" is a vertical dark→bright step (axis-aligned, as the tutorial's); bright→dark and horizontal
/// steps, diagonals near 45°, gradients, textures and flat patches are "No Edge".
/// Orientation task: a step is labelled by its axis and direction, and may be tilted up to
/// <see cref="MaxTiltDegrees"/> so that curved outlines are found too; gradients, textures and flat patches are "None".
/// </remarks>
public static class VariedPatches
{
    /// <summary>Largest tilt from the axis of an orientation-task step, in degrees.</summary>
    public const double MaxTiltDegrees = 35;

    /// <summary>Largest departure from 45° of a diagonal step (an edge-task negative), in degrees.</summary>
    public const double MaxDiagonalWobbleDegrees = 10;

    /// <summary>Draws <paramref name="count"/> labelled patches.</summary>
    public static Dataset Generate(NumpyRandom random, int count, VariedOptions options) =>
        Generate(random, count, options, drawings: null);

    /// <summary>Draws <paramref name="count"/> labelled patches and appends to <paramref name="drawings"/> what each one shows.</summary>
    public static Dataset Generate(NumpyRandom random, int count, VariedOptions options, List<PatchDrawing>? drawings)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        options.Validate();
        int pixels = options.PatchSize * options.PatchSize;
        var features = new double[count * pixels];
        var labels = new int[count];
        for (int n = 0; n < count; n++)
        {
            Span<double> patch = features.AsSpan(n * pixels, pixels);
            (PatchDrawing drawing, labels[n]) = options.Task == EdgeTask.Edge
                ? DrawForEdgeTask(random, patch, options)
                : DrawForOrientationTask(random, patch, options);
            AddNoise(random, patch, options.Noise);
            drawings?.Add(drawing);
        }
        return new Dataset(features, labels, pixels, EdgeTasks.ClassNames(options.Task));
    }

    private static (PatchDrawing, int) DrawForEdgeTask(NumpyRandom random, Span<double> patch, VariedOptions options)
    {
        const int edge = 0, noEdge = 1;
        if (random.Rand() < 0.5)
        {
            return (AxisStep(random, patch, options, 0), edge);                 // dark left, bright right
        }
        PatchDrawing negative = random.RandInt(0, 7) switch
        {
            0 => AxisStep(random, patch, options, 180),                         // bright→dark
            1 => AxisStep(random, patch, options, 90),                          // horizontal, dark above
            2 => AxisStep(random, patch, options, 270),                         // horizontal, bright above
            3 => DiagonalStep(random, patch, options),
            4 => Gradient(random, patch, options),
            5 => Texture(random, patch, options),
            _ => Uniform(random, patch),
        };
        return (negative, noEdge);
    }

    private static (PatchDrawing, int) DrawForOrientationTask(NumpyRandom random, Span<double> patch, VariedOptions options)
    {
        int label = (int)random.RandInt(0, 8);                                   // 0–3: an edge class, 4–7: none
        if (label < EdgeTasks.None)
        {
            double axis = label switch
            {
                EdgeTasks.VerticalDarkToBright => 0,
                EdgeTasks.VerticalBrightToDark => 180,
                EdgeTasks.HorizontalDarkToBright => 90,
                _ => 270,
            };
            PatchDrawing step = random.Rand() < 0.5
                ? AxisStep(random, patch, options, axis)
                : TiltedStep(random, patch, options, axis);
            return (step, label);
        }
        PatchDrawing none = random.RandInt(0, 3) switch
        {
            0 => Gradient(random, patch, options),
            1 => Texture(random, patch, options),
            _ => Uniform(random, patch),
        };
        return (none, EdgeTasks.None);
    }

    // A step along an axis at a pixel boundary b ∈ {0.5, 1.5, …, n−1.5}: "the edge at any column" (or row).
    private static PatchDrawing AxisStep(NumpyRandom random, Span<double> patch, VariedOptions options, double degrees)
    {
        int size = options.PatchSize;
        (double dark, double bright) = Levels(random, options.MinContrast);
        double boundary = random.RandInt(1, size) - 0.5;
        double softness = random.Uniform(0, options.MaxSoftness);
        (double ux, double uy) = PatchPainter.Direction(degrees);
        double offset = (boundary - (size - 1) / 2.0) * (ux + uy);             // the line passes through the boundary
        PatchPainter.Step(patch, size, ux, uy, offset, dark, bright, softness);
        return new PatchDrawing(PatchKind.AxisStep, degrees, dark, bright);
    }

    private static PatchDrawing TiltedStep(NumpyRandom random, Span<double> patch, VariedOptions options, double axis)
    {
        double degrees = axis + random.Uniform(-MaxTiltDegrees, MaxTiltDegrees);
        return Line(random, patch, options, degrees, PatchKind.TiltedStep);
    }

    private static PatchDrawing DiagonalStep(NumpyRandom random, Span<double> patch, VariedOptions options)
    {
        double degrees = 45 + 90 * random.RandInt(0, 4) + random.Uniform(-MaxDiagonalWobbleDegrees, MaxDiagonalWobbleDegrees);
        return Line(random, patch, options, degrees, PatchKind.DiagonalStep);
    }

    // A step at any angle whose line passes within (n−2)/2 pixels of the centre, so both sides show.
    private static PatchDrawing Line(NumpyRandom random, Span<double> patch, VariedOptions options, double degrees, PatchKind kind)
    {
        int size = options.PatchSize;
        (double dark, double bright) = Levels(random, options.MinContrast);
        double reach = (size - 2) / 2.0;
        double offset = random.Uniform(-reach, reach);
        double softness = random.Uniform(0, options.MaxSoftness);
        (double ux, double uy) = PatchPainter.Direction(degrees);
        PatchPainter.Step(patch, size, ux, uy, offset, dark, bright, softness);
        return new PatchDrawing(kind, degrees, dark, bright);
    }

    // A ramp in any direction whose whole change across the patch stays below the minimum contrast.
    private static PatchDrawing Gradient(NumpyRandom random, Span<double> patch, VariedOptions options)
    {
        double degrees = random.Uniform(0, 360);
        double change = random.Uniform(0, 0.7 * options.MinContrast);         // corner to corner ≤ 0.7·√2 < 1 of it
        double reach = change / Math.Sqrt(2);                                  // farthest a pixel gets from the level
        double level = random.Uniform(reach, 1 - reach);
        (double ux, double uy) = PatchPainter.Direction(degrees);
        PatchPainter.Gradient(patch, options.PatchSize, ux, uy, level, change);
        return new PatchDrawing(PatchKind.Gradient, degrees, level - reach, level + reach);
    }

    // Speckle or waves whose peak-to-peak stays below 0.8 of the minimum contrast.
    private static PatchDrawing Texture(NumpyRandom random, Span<double> patch, VariedOptions options)
    {
        int size = options.PatchSize;
        double amplitude = random.Uniform(0, 0.4 * options.MinContrast);
        double level = random.Uniform(amplitude, 1 - amplitude);
        if (random.Rand() < 0.5)
        {
            for (int i = 0; i < patch.Length; i++)
            {
                patch[i] = level + random.Uniform(-amplitude, amplitude);      // speckle
            }
        }
        else
        {
            (double ux, double uy) = PatchPainter.Direction(random.Uniform(0, 360));
            double period = random.Uniform(2, size);
            double phase = random.Uniform(0, 2 * Math.PI);
            PatchPainter.Waves(patch, size, ux, uy, level, amplitude, period, phase);
        }
        return new PatchDrawing(PatchKind.Texture, 0, level - amplitude, level + amplitude);
    }

    private static PatchDrawing Uniform(NumpyRandom random, Span<double> patch)
    {
        double level = random.Rand();
        patch.Fill(level);
        return new PatchDrawing(PatchKind.Uniform, 0, level, level);
    }

    // Two levels at least minContrast apart, each uniform in [0, 1) (drawn again until they are).
    private static (double Dark, double Bright) Levels(NumpyRandom random, double minContrast)
    {
        double a, b;
        do
        {
            a = random.Rand();
            b = random.Rand();
        }
        while (Math.Abs(a - b) < minContrast);
        return (Math.Min(a, b), Math.Max(a, b));
    }

    private static void AddNoise(NumpyRandom random, Span<double> patch, double sigma)
    {
        for (int i = 0; i < patch.Length; i++)
        {
            double noisy = sigma > 0 ? patch[i] + sigma * random.Randn() : patch[i]; // x + N(0, σ²)
            patch[i] = Math.Clamp(noisy, 0, 1);                                      // pixels stay in [0, 1]
        }
    }
}
