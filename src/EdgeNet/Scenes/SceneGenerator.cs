using EdgeNet.Boundaries;

namespace EdgeNet.Scenes;

/// <summary>
/// Draws photo-like scenes with exactly known boundaries, never downloaded: a background and 5–14 occluding
/// shapes (rotated rectangles, triangles and other polygons, stars, ellipses, blobs, thin bars, a horizon), each
/// with a base level, smooth shading (a ramp, or a dome on round shapes) and often a texture (a sine grating, square
/// stripes, or grain), averaged down from <see cref="Supersample"/>² samples a pixel so edges fall between pixels;
/// then an illumination ramp over everything, a defocus blur, sensor noise and, for some, JPEG.
/// </summary>
/// <remarks>
/// The truth marks pixel p when the shape owning p's centre differs from the one owning its right or lower
/// neighbour's centre, and the two regions' shaded levels (textures left out) differ at p by at least
/// <see cref="MinContrast"/>: a boundary nobody could see is not in the truth. The marks are then thinned
/// (<see cref="BoundaryThinning"/>), so the truth is one pixel wide and a thinned map can match all of it. Textures, gratings, shading, the
/// illumination ramp, noise and JPEG blocks are never boundaries. Seeded: scene <c>i</c> of seed <c>S</c> is drawn
/// from its own stream (<see cref="SceneSeed"/>), the same whatever the count, on every machine.
/// </remarks>
public static class SceneGenerator
{
    /// <summary>Samples per pixel along each axis.</summary>
    public const int Supersample = 4;

    /// <summary>The smallest difference of shaded levels that makes a boundary visible (about 13 gray levels of 255).</summary>
    public const double MinContrast = 0.05;

    /// <summary>BSDS500's image size across.</summary>
    public const int DefaultWidth = 481;

    /// <summary>BSDS500's image size down.</summary>
    public const int DefaultHeight = 321;

    /// <summary>The smallest side allowed.</summary>
    public const int MinSide = 32;

    /// <summary>The largest side allowed.</summary>
    public const int MaxSide = 4096;

    /// <summary>The seed of scene <paramref name="index"/> of a set drawn with <paramref name="seed"/> (a SplitMix-style hash).</summary>
    public static uint SceneSeed(uint seed, int index)
    {
        ulong z = ((ulong)seed << 32) + (uint)index + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (uint)((z ^ (z >> 31)) & 0xFFFFFFFF);
    }

    /// <summary>Scene <paramref name="index"/> of the set drawn with <paramref name="seed"/>.</summary>
    public static Scene Draw(uint seed, int index, int width = DefaultWidth, int height = DefaultHeight)
    {
        if (width is < MinSide or > MaxSide || height is < MinSide or > MaxSide)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A scene's sides must be from {MinSide} to {MaxSide} pixels (got {width}×{height}).");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new NumpyRandom(SceneSeed(seed, index));
        double diagonal = Math.Sqrt(((double)width * width) + ((double)height * height));
        var shapes = new List<SceneShape?> { null };                      // label 0: the background
        var looks = new List<SceneAppearance> { new(random, random.Uniform(0.15, 0.85), diagonal, null) };
        if (random.Rand() < 0.4)
        {
            AddHorizon(random, width, height, diagonal, shapes, looks);
        }
        int count = (int)random.RandInt(5, 15);
        for (int s = 0; s < count; s++)
        {
            (SceneShape shape, (double X, double Y, double R)? round) = NewShape(random, width, height);
            double level = random.Uniform(0.08, 0.92);
            if (random.Rand() < 0.1)
            {
                // An invisible boundary: nearly the level of what lies beneath the shape's middle.
                (double mx, double my) = ((shape.Box.Left + shape.Box.Right) / 2, (shape.Box.Top + shape.Box.Bottom) / 2);
                level = looks[Owner(shapes, mx, my)].Smooth(mx, my) + random.Uniform(-0.015, 0.015);
            }
            shapes.Add(shape);
            looks.Add(new SceneAppearance(random, level, diagonal, round));
        }
        Func<double, double, double> illumination = Illumination(random, width, height, diagonal);
        double blur = random.Rand() < 0.3 ? 0 : random.Uniform(0.3, 1.5);
        double noise = random.Uniform(0.002, 0.03);
        int jpeg = random.Rand() < 0.3 ? (int)random.RandInt(40, 91) : 0;

        double[] pixels = Render(shapes, looks, illumination, width, height);
        if (blur > 0)
        {
            GaussianBlur(pixels, width, height, blur);
        }
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = Math.Clamp(pixels[i] + (noise * random.Randn()), 0, 1);
        }
        byte[] truth = Truth(shapes, looks, illumination, width, height);
        return new Scene(width, height, pixels, truth, jpeg);
    }

    private static void AddHorizon(NumpyRandom random, int width, int height, double diagonal, List<SceneShape?> shapes, List<SceneAppearance> looks)
    {
        double left = random.Uniform(0.3, 0.8) * height, right = random.Uniform(0.3, 0.8) * height;
        shapes.Add(new PolygonShape([(-1, left), (width + 1, right), (width + 1, height + 1), (-1, height + 1)]));
        looks.Add(new SceneAppearance(random, random.Uniform(0.1, 0.9), diagonal, null));
    }

    private static (SceneShape Shape, (double X, double Y, double R)? Round) NewShape(NumpyRandom random, int width, int height)
    {
        double side = Math.Min(width, height);
        double cx = random.Uniform(-0.05, 1.05) * width, cy = random.Uniform(-0.05, 1.05) * height;
        double size = side * Math.Exp(random.Uniform(Math.Log(0.04), Math.Log(0.35)));
        double angle = random.Uniform(0, Math.PI);
        double kind = random.Rand();
        if (kind < 0.22)
        {
            double aspect = random.Uniform(0.3, 1);
            return (new PolygonShape(Rotated(cx, cy, angle, [(-size, -size * aspect), (size, -size * aspect), (size, size * aspect), (-size, size * aspect)])), null);
        }
        if (kind < 0.42)
        {
            double b = size * random.Uniform(0.35, 1);
            return (new EllipseShape(cx, cy, size, b, angle), (cx, cy, size));
        }
        if (kind < 0.57)
        {
            int corners = (int)random.RandInt(3, 8);
            var points = new List<(double, double)>();
            double start = random.Uniform(0, 2 * Math.PI);
            for (int k = 0; k < corners; k++)
            {
                double a = start + (2 * Math.PI * (k + random.Uniform(-0.3, 0.3)) / corners), r = size * random.Uniform(0.6, 1.1);
                points.Add((cx + (r * Math.Cos(a)), cy + (r * Math.Sin(a))));
            }
            return (new PolygonShape(points), null);
        }
        if (kind < 0.67)
        {
            int tips = (int)random.RandInt(4, 8);
            double inner = random.Uniform(0.35, 0.7);
            var points = new List<(double, double)>();
            for (int k = 0; k < 2 * tips; k++)
            {
                double a = angle + (Math.PI * k / tips), r = size * (k % 2 == 0 ? 1 : inner);
                points.Add((cx + (r * Math.Cos(a)), cy + (r * Math.Sin(a))));
            }
            return (new PolygonShape(points), null);
        }
        if (kind < 0.85)
        {
            double[] amplitude = [random.Uniform(0, 0.25), random.Uniform(0, 0.15), random.Uniform(0, 0.1)];
            double[] phase = [random.Uniform(0, 2 * Math.PI), random.Uniform(0, 2 * Math.PI), random.Uniform(0, 2 * Math.PI)];
            return (new BlobShape(cx, cy, size, amplitude, phase), (cx, cy, size));
        }
        double thickness = random.Uniform(1, 3.5), length = size * random.Uniform(1.5, 3);
        return (new PolygonShape(Rotated(cx, cy, angle, [(-length, -thickness), (length, -thickness), (length, thickness), (-length, thickness)])), null);
    }

    private static List<(double X, double Y)> Rotated(double cx, double cy, double angle, IEnumerable<(double X, double Y)> corners)
    {
        double c = Math.Cos(angle), s = Math.Sin(angle);
        return [.. corners.Select(p => (cx + (p.X * c) - (p.Y * s), cy + (p.X * s) + (p.Y * c)))];
    }

    private static Func<double, double, double> Illumination(NumpyRandom random, int width, int height, double diagonal)
    {
        if (random.Rand() < 0.5)
        {
            return (_, _) => 1;
        }
        double strength = random.Uniform(-0.4, 0.4), angle = random.Uniform(0, 2 * Math.PI);
        double ux = Math.Cos(angle) / diagonal, uy = Math.Sin(angle) / diagonal, cx = width / 2.0, cy = height / 2.0;
        return (x, y) => 1 + (strength * (((x - cx) * ux) + ((y - cy) * uy)));
    }

    /// <summary>The index of the topmost shape holding (x, y); 0 for the background.</summary>
    private static int Owner(List<SceneShape?> shapes, double x, double y)
    {
        for (int s = shapes.Count - 1; s > 0; s--)
        {
            if (shapes[s]!.Covers(x, y))
            {
                return s;
            }
        }
        return 0;
    }

    private static double[] Render(List<SceneShape?> shapes, List<SceneAppearance> looks, Func<double, double, double> illumination, int width, int height)
    {
        var pixels = new double[width * height];
        const int n = Supersample;
        var onRow = new List<SceneShape?>();
        var rowLabels = new List<int>();
        for (int y = 0; y < height; y++)
        {
            onRow.Clear();
            rowLabels.Clear();
            onRow.Add(null);
            rowLabels.Add(0);
            for (int s = 1; s < shapes.Count; s++)
            {
                if (shapes[s]!.Box.Top <= y + 1 && shapes[s]!.Box.Bottom >= y)
                {
                    onRow.Add(shapes[s]);
                    rowLabels.Add(s);
                }
            }
            for (int x = 0; x < width; x++)
            {
                double sum = 0;
                for (int sy = 0; sy < n; sy++)
                {
                    double py = y + ((sy + 0.5) / n);
                    for (int sx = 0; sx < n; sx++)
                    {
                        double px = x + ((sx + 0.5) / n);
                        int label = 0;
                        for (int k = onRow.Count - 1; k > 0; k--)
                        {
                            if (onRow[k]!.Covers(px, py))
                            {
                                label = rowLabels[k];
                                break;
                            }
                        }
                        sum += looks[label].Value(px, py);
                    }
                }
                pixels[(y * width) + x] = sum / (n * n) * illumination(x + 0.5, y + 0.5);
            }
        }
        return pixels;
    }

    private static byte[] Truth(List<SceneShape?> shapes, List<SceneAppearance> looks, Func<double, double, double> illumination, int width, int height)
    {
        var labels = new int[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                labels[(y * width) + x] = Owner(shapes, x + 0.5, y + 0.5);
            }
        }
        var truth = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int here = labels[(y * width) + x];
                double cx = x + 0.5, cy = y + 0.5;
                bool Visible(int other) =>
                    other != here && Math.Abs(looks[here].Smooth(cx, cy) - looks[other].Smooth(cx, cy)) * illumination(cx, cy) >= MinContrast;
                if ((x + 1 < width && Visible(labels[(y * width) + x + 1])) || (y + 1 < height && Visible(labels[((y + 1) * width) + x])))
                {
                    truth[(y * width) + x] = 1;
                }
            }
        }
        BoundaryThinning.Thin(truth, width, height);                        // one pixel wide, 8-connected, as a thinned map
        for (int i = 0; i < truth.Length; i++)
        {
            truth[i] = truth[i] != 0 ? (byte)255 : (byte)0;
        }
        return truth;
    }

    /// <summary>A separable Gaussian blur of σ <paramref name="sigma"/> pixels, borders replicated.</summary>
    private static void GaussianBlur(double[] pixels, int width, int height, double sigma)
    {
        int radius = (int)Math.Ceiling(3 * sigma);
        double[] kernel = [.. Enumerable.Range(-radius, (2 * radius) + 1).Select(d => Math.Exp(-d * d / (2 * sigma * sigma)))];
        double total = kernel.Sum();
        for (int k = 0; k < kernel.Length; k++)
        {
            kernel[k] /= total;
        }
        var temp = new double[pixels.Length];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                double sum = 0;
                for (int d = -radius; d <= radius; d++)
                {
                    sum += kernel[d + radius] * pixels[(y * width) + Math.Clamp(x + d, 0, width - 1)];
                }
                temp[(y * width) + x] = sum;
            }
        }
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                double sum = 0;
                for (int d = -radius; d <= radius; d++)
                {
                    sum += kernel[d + radius] * temp[(Math.Clamp(y + d, 0, height - 1) * width) + x];
                }
                pixels[(y * width) + x] = sum;
            }
        }
    }
}
