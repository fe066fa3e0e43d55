using System.Buffers.Binary;
using EdgeNet.Data;
using EdgeNet.Inference;
using SkiaSharp;

namespace EdgeNet.Imaging.Tests;

/// <summary>
/// The product scan (float32, bands of rows, every processor) against the float64 scan of the engine, and the
/// pictures it draws: thinned lines, black and white, and which buffers it keeps.
/// </summary>
public sealed class PhotoScannerTests
{
    /// <summary>Largest |p_float32 − p_float64| allowed for any class of any pixel.</summary>
    private const double Tolerance = 1e-5;

    private static readonly SKRectI Box = new(20, 15, 60, 45);

    [Theory]
    [InlineData(5, new int[] { 8 }, 2, 1 << 19, 1)]          // the tutorial's shape, one band
    [InlineData(5, new int[] { 8 }, 2, 80 * 7, 2)]           // many bands of 7 rows, two threads
    [InlineData(5, new int[] { 8 }, 5, 80 * 3, 2)]           // five classes
    [InlineData(7, new int[] { 12, 6 }, 3, 80 * 5, 2)]       // another patch size, two hidden layers
    [InlineData(3, new int[] { 20 }, 4, 80, 1)]              // more than eight hidden units, one row a band
    public void Float32_bands_agree_with_the_float64_scan_within_the_tolerance(int patch, int[] hidden, int classes, int bandPixels, int threads)
    {
        // Given a seeded random network of this shape and a noisy drawn photo, 80×60
        var network = Network<double>.Create(patch * patch, hidden, classes);
        network.InitializeLikeTutorial(new NumpyRandom(7), scale: 1.0);
        string[] names = [.. Enumerable.Range(0, classes).Select(k => k == classes - 1 ? "None" : $"class {k}")];
        GrayBytes photo = ImageDecoder.DecodeBytes(DrawnImages.Rectangle(80, 60, Box, inside: 0.25, outside: 0.75, noise: 0.1), "photo.png");

        // When the photo scanner writes every probability, and the engine scans the same gray levels in double
        double[] scanned = ScanRaw(network, names, patch, photo, new ScanSettings { BandPixels = bandPixels, Threads = threads });
        ProbabilityMap reference = ProbabilityMap.Scan(network, names, photo.ToGrayImage().Pixels, 80, 60, patch);

        // Then every probability agrees within the tolerance, and not by accident (the maps are not flat)
        double worst = 0;
        for (int i = 0; i < scanned.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(scanned[i] - reference.Values[i]));
        }
        Assert.True(worst <= Tolerance, $"largest difference {worst:E2}");
        Assert.True(reference.Values.ToArray().Max() - reference.Values.ToArray().Min() > 0.1, "the reference map is not flat");
    }

    [Fact]
    public void Map_is_255_times_the_edge_probability_of_the_float64_scan()
    {
        (Network<double> network, IReadOnlyList<string> names) = TrainedModels.Edge;
        GrayBytes photo = ImageDecoder.DecodeBytes(DrawnImages.Rectangle(80, 60, Box, inside: 0.25, outside: 0.75, noise: 0.02), "photo.png");

        ScanPictures pictures = new PhotoScanner(network, names, 5, new ScanSettings { Threads = 2 }).Scan(photo);

        ProbabilityMap reference = ProbabilityMap.Scan(network, names, photo.ToGrayImage().Pixels, 80, 60, 5);
        double[] edges = reference.EdgeProbabilities();
        for (int i = 0; i < edges.Length; i++)
        {
            Assert.InRange(pictures.Map[i], Math.Floor((255 * edges[i]) - 0.5 - 0.03), Math.Ceiling((255 * edges[i]) + 0.5 + 0.03));
        }
        Assert.Equal(edges.Count(e => e > 0.5) / (double)edges.Length, pictures.EdgeFraction, 3);
    }

    [Fact]
    public void Thinning_a_drawn_rectangle_gives_lines_one_pixel_wide_at_its_sides_and_nothing_in_flat_regions()
    {
        // Given the orientation model and a drawn rectangle without noise
        (Network<double> network, IReadOnlyList<string> names) = TrainedModels.Orientation;
        GrayBytes photo = ImageDecoder.DecodeBytes(DrawnImages.Rectangle(80, 60, Box, inside: 0.25, outside: 0.75), "rectangle.png");

        // When scanned with thinning, in bands of 4 rows (so the ridge test crosses band borders)
        ScanPictures thin = new PhotoScanner(network, names, 5, new ScanSettings { Thin = true, BandPixels = 80 * 4, Threads = 2 }).Scan(photo);
        ScanPictures wide = new PhotoScanner(network, names, 5, new ScanSettings()).Scan(photo);

        // Then across each side, along its middle, exactly one pixel is lit — where the unthinned map lights several
        for (int y = Box.Top + 4; y < Box.Bottom - 4; y++)
        {
            foreach (int side in new[] { Box.Left, Box.Right })
            {
                Assert.Equal(1, Lit(thin, side - 4, side + 4, y, y));
                Assert.True(Lit(wide, side - 4, side + 4, y, y) >= 2, "the unthinned edge is wider");
            }
        }
        for (int x = Box.Left + 4; x < Box.Right - 4; x++)
        {
            foreach (int side in new[] { Box.Top, Box.Bottom })
            {
                Assert.Equal(1, Lit(thin, x, x, side - 4, side + 4));
            }
        }
        // and every pixel more than 3 pixels from the outline is black
        for (int y = 0; y < 60; y++)
        {
            for (int x = 0; x < 80; x++)
            {
                if (DistanceToOutline(x, y) > 3)
                {
                    Assert.True(thin.Map[(y * 80) + x] == 0, $"({x}, {y}) is lit in a flat region");
                }
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Colour_pictures_encoded_band_by_band_are_the_pictures_kept_whole(bool thin)
    {
        // Given the orientation model and a noisy drawn photo, scanned in bands of 7 rows
        (Network<double> network, IReadOnlyList<string> names) = TrainedModels.Orientation;
        GrayBytes photo = ImageDecoder.DecodeBytes(DrawnImages.Rectangle(80, 60, Box, inside: 0.25, outside: 0.75, noise: 0.05), "photo.png");
        var settings = new ScanSettings { Overlay = true, Thin = thin, BandPixels = 80 * 7, Threads = 2 };

        // When the colour pictures are kept whole, and when they are encoded band by band
        ScanPictures whole = new PhotoScanner(network, names, 5, settings).Scan(photo);
        ScanPictures banded = new PhotoScanner(network, names, 5, settings with { EncodePictures = true }).Scan(photo);

        // Then the encoded PNGs hold exactly the kept pictures' colours, and nothing is kept whole
        Assert.Null(banded.Colours);
        Assert.Null(banded.Overlay);
        Assert.Equal(whole.Map, banded.Map);
        Assert.Equal(Rgb(whole.Colours!), Decoded(banded.ColoursPng!));
        Assert.Equal(Rgb(whole.Overlay!), Decoded(banded.OverlayPng!));
        Assert.True(Rgb(whole.Overlay!).Distinct().Count() > 10, "the overlay is not flat");
    }

    [Fact]
    public void Timed_scan_draws_the_same_pictures_and_counts_cpu_in_every_stage_it_ran()
    {
        // Given the orientation model and a drawn photo, encoded as a PNG file's bytes
        (Network<double> network, IReadOnlyList<string> names) = TrainedModels.Orientation;
        byte[] file = DrawnImages.Rectangle(80, 60, Box, inside: 0.25, outside: 0.75, noise: 0.05);
        var settings = new ScanSettings { Overlay = true, Thin = true, BandPixels = 80 * 7, Threads = 2, EncodePictures = true };
        var timings = new ScanTimings();

        // When it is decoded and scanned with timings, and without
        ScanPictures timed;
        using (GrayDecoding decoding = ImageDecoder.StartBytes(file, "photo.png", timings: timings))
        {
            timed = new PhotoScanner(network, names, 5, settings with { Timings = timings }).Scan(decoding);
        }
        ScanPictures plain = new PhotoScanner(network, names, 5, settings).Scan(ImageDecoder.DecodeBytes(file, "photo.png"));

        // Then the pictures are the same, and each stage that ran took wall and CPU time (writing did not run)
        Assert.Equal(plain.Map, timed.Map);
        Assert.Equal(plain.OverlayPng, timed.OverlayPng);
        Assert.Equal(plain.ColoursPng, timed.ColoursPng);
        foreach (ScanStage stage in new[] { ScanStage.Decode, ScanStage.Gray, ScanStage.Network, ScanStage.Paint, ScanStage.Encode })
        {
            Assert.True(timings.Wall(stage) > TimeSpan.Zero, $"{stage}: no wall time");
            Assert.True(!ScanTimings.ThreadCpuAvailable || timings.Cpu(stage) > TimeSpan.Zero, $"{stage}: no CPU time");
        }
        Assert.Equal(TimeSpan.Zero, timings.Cpu(ScanStage.Write));
    }

    private static byte[] Rgb(byte[] rgba) => [.. rgba.Where((_, i) => i % 4 != 3)];

    private static byte[] Decoded(byte[] png)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png);
        return [.. bitmap.Pixels.SelectMany(c => new[] { c.Red, c.Green, c.Blue })];
    }

    [Fact]
    public void Threshold_draws_black_and_white_where_the_probability_is_above_it()
    {
        (Network<double> network, IReadOnlyList<string> names) = TrainedModels.Edge;
        GrayBytes photo = ImageDecoder.DecodeBytes(DrawnImages.Rectangle(80, 60, Box, inside: 0.25, outside: 0.75, noise: 0.02), "photo.png");

        ScanPictures gray = new PhotoScanner(network, names, 5, new ScanSettings()).Scan(photo);
        ScanPictures black = new PhotoScanner(network, names, 5, new ScanSettings { Threshold = 0.5 }).Scan(photo);

        Assert.All(black.Map, v => Assert.True(v is 0 or 255));
        for (int i = 0; i < gray.Map.Length; i++)
        {
            if (Math.Abs(gray.Map[i] - 127.5) > 1)                              // away from the rounding of 0.5
            {
                Assert.Equal(gray.Map[i] > 127.5 ? 255 : 0, black.Map[i]);
            }
        }
        Assert.Contains(black.Map, v => v == 255);
    }

    [Fact]
    public void Two_class_model_keeps_one_plane_and_no_colour_pictures_unless_asked()
    {
        (Network<double> network, IReadOnlyList<string> names) = TrainedModels.Edge;
        GrayBytes photo = ImageDecoder.DecodeBytes(DrawnImages.Rectangle(80, 60, Box, inside: 0.25, outside: 0.75), "photo.png");

        ScanPictures plain = new PhotoScanner(network, names, 5, new ScanSettings()).Scan(photo);
        ScanPictures all = new PhotoScanner(network, names, 5, new ScanSettings { Overlay = true, Sobel = true }).Scan(photo);

        Assert.Null(plain.Colours);
        Assert.Null(plain.Overlay);
        Assert.Null(plain.Sobel);
        Assert.Equal(4 * 80 * 60, all.Overlay!.Length);
        Assert.InRange(all.Sobel!.Correlation, 0.1, 1);
    }

    // The scanner's raw numbers, written to a temporary .npy and read back: [classes × height × width].
    private static double[] ScanRaw(Network<double> network, IReadOnlyList<string> names, int patch, GrayBytes photo, ScanSettings settings)
    {
        string path = Path.Combine(Path.GetTempPath(), $"edgenet-raw-{Guid.NewGuid():N}.npy");
        try
        {
            using (RawMapStream raw = RawMapStream.Create(path, photo.Width, photo.Height, names))
            {
                new PhotoScanner(network, names, patch, settings).Scan(photo, raw);
                raw.Commit();
            }
            byte[] bytes = File.ReadAllBytes(path);
            int start = 10 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
            var values = new double[(bytes.Length - start) / 8];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(start + (8 * i)));
            }
            return values;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int Lit(ScanPictures pictures, int x0, int x1, int y0, int y1)
    {
        int lit = 0;
        for (int y = y0; y <= y1; y++)
        {
            for (int x = x0; x <= x1; x++)
            {
                lit += pictures.Map[(y * pictures.Width) + x] > 0 ? 1 : 0;
            }
        }
        return lit;
    }

    // Distance from a pixel centre to the rectangle's outline, [19.5, 59.5] × [14.5, 44.5].
    private static double DistanceToOutline(int x, int y)
    {
        double left = Box.Left - 0.5, right = Box.Right - 0.5, top = Box.Top - 0.5, bottom = Box.Bottom - 0.5;
        double dx = Math.Max(Math.Max(left - x, x - right), 0), dy = Math.Max(Math.Max(top - y, y - bottom), 0);
        if (dx > 0 || dy > 0)
        {
            return Math.Sqrt((dx * dx) + (dy * dy));
        }
        return Math.Min(Math.Min(x - left, right - x), Math.Min(y - top, bottom - y));
    }
}
