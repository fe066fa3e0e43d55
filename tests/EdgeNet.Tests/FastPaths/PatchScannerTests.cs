using EdgeNet.Inference;
using EdgeNet.Layers;
using EdgeNet.Reference;

namespace EdgeNet.Tests.FastPaths;

public sealed class PatchScannerTests
{
    [Theory]
    [InlineData(37, 11, 1)]
    [InlineData(300, 7, 3)]                                         // wider than one block of 256 pixels
    public void Scan_matches_the_network_on_each_edge_replicated_patch_double(int width, int height, int threads)
    {
        // Given a random image and network
        var (network, image) = Setup<double>(width, height, seed: 3);

        // When
        var map = new double[width * height];
        PatchScanner.Scan(network, image, width, height, 5, classIndex: 0, map, threads);

        // Then every pixel is p(Edge) of its 5×5 window with clamped coordinates (only exp may differ by an ulp)
        double[] expected = Expected(network, image, width, height, 5, 0);
        for (int i = 0; i < map.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - map[i]) <= 1e-14, $"pixel {i}: {map[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void Scan_matches_the_network_in_float_within_a_few_ulps()
    {
        var (network, image) = Setup<float>(41, 9, seed: 5);

        var map = new float[41 * 9];
        PatchScanner.Scan(network, image, 41, 9, 5, classIndex: 1, map);

        // Then within 1e-6: the vectorised exp may round its last bit differently from MathF.Exp
        float[] expected = Expected(network, image, 41, 9, 5, 1);
        for (int i = 0; i < map.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - map[i]) <= 1e-6f, $"pixel {i}: {map[i]} vs {expected[i]}");
        }
    }

    // Shapes: width 1, below/above one vector (16 floats) and one tile (48), wide enough for windows read straight
    // from the image between the edge strips, patch 3/5/7, hidden < 8 (padded), 8 (in registers), 12 (two groups),
    // two hidden layers, none, 5 classes and 1; classIndex −1 = ScanAll.
    public static TheoryData<int, int, int, string, int, int> Shapes => new()
    {
        { 1, 1, 5, "8", 2, 0 },
        { 3, 7, 5, "8", 2, 1 },
        { 47, 5, 5, "8", 2, -1 },
        { 49, 3, 3, "8", 2, 0 },
        { 50, 4, 7, "8", 2, -1 },
        { 97, 6, 5, "3", 2, 0 },
        { 33, 5, 5, "12", 2, 1 },
        { 20, 4, 5, "8,6", 2, 1 },
        { 37, 5, 5, "8", 5, 3 },
        { 37, 5, 5, "8", 5, -1 },
        { 16, 2, 5, "", 2, 0 },
        { 5, 5, 3, "4", 1, 0 },
        { 2, 9, 7, "9,3,5", 3, -1 },
        { 150, 4, 5, "8", 2, -1 },                                  // wide: left strip, image, right strip
        { 145, 3, 3, "8", 2, 1 },
        { 200, 3, 7, "12", 5, 2 },
        { 800, 3, 5, "8", 2, -1 },                                  // more than one column block of 16 tiles
        { 801, 2, 3, "12", 5, 1 },
        { 60, 4, 51, "8", 2, -1 },                                  // r = 25: more than one tile of doubles (24) each side
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Float_scan_matches_the_plain_network_within_1e_minus_6_for_every_shape(int width, int height, int patch, string hidden, int classes, int classIndex)
    {
        // Given a random image and network of this shape
        var (network, image) = Setup<float>(width, height, seed: 11, patch, Hidden(hidden), classes);

        // When the image is scanned
        float[] map = Scanned(network, image, width, height, patch, classIndex);

        // Then every probability is that of the plain network on the edge-replicated window: the logits are the same
        // bits (the same fused sums in the same order), only the vectorised exponentials may differ by a few ulps
        float[] expected = Expected(network, image, width, height, patch, classIndex);
        Assert.Equal(expected.Length, map.Length);
        for (int i = 0; i < map.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - map[i]) <= 1e-6f, $"value {i}: {map[i]} vs {expected[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Double_scan_matches_the_plain_network_within_1e_minus_14_for_every_shape(int width, int height, int patch, string hidden, int classes, int classIndex)
    {
        // Given
        var (network, image) = Setup<double>(width, height, seed: 12, patch, Hidden(hidden), classes);

        // When
        double[] map = Scanned(network, image, width, height, patch, classIndex);

        // Then
        double[] expected = Expected(network, image, width, height, patch, classIndex);
        for (int i = 0; i < map.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - map[i]) <= 1e-14, $"value {i}: {map[i]} vs {expected[i]}");
        }
    }

    // Every hidden activation through both kernels (in registers; layer by layer, deep), tails of every width (1 pixel,
    // 47 and 49 around a float tile, 97, 801 past a column block), patch 3/5/7, and weights large enough (scale 4) to
    // saturate tanh and sigmoid and send leaky ReLU far below 0.
    public static TheoryData<HiddenActivation, int, int, int, string, int, int, double> ActivationShapes()
    {
        var data = new TheoryData<HiddenActivation, int, int, int, string, int, int, double>();
        foreach (HiddenActivation activation in Enum.GetValues<HiddenActivation>())
        {
            data.Add(activation, 1, 1, 5, "8", 2, 0, 0.5);
            data.Add(activation, 47, 5, 5, "8", 2, -1, 0.5);
            data.Add(activation, 49, 3, 3, "6", 2, 1, 0.5);
            data.Add(activation, 97, 6, 5, "8", 2, 0, 4);
            data.Add(activation, 33, 5, 5, "12", 2, 1, 0.5);
            data.Add(activation, 20, 4, 5, "8,6", 2, 1, 0.5);
            data.Add(activation, 37, 5, 5, "8", 5, -1, 0.5);
            data.Add(activation, 2, 9, 7, "9,3,5", 3, -1, 0.5);
            data.Add(activation, 61, 4, 5, "16,16,8", 2, 0, 4);
            data.Add(activation, 801, 2, 3, "12", 5, 1, 0.5);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ActivationShapes))]
    public void Float_scan_matches_the_reference_rows_for_every_activation(HiddenActivation activation, int width, int height, int patch, string hidden, int classes, int classIndex, double scale)
    {
        // Given a random image and a network with this hidden activation
        var (network, image) = Setup<float>(width, height, seed: 31, patch, Hidden(hidden), classes, activation, scale);

        // When the fast path scans it
        float[] map = Scanned(network, image, width, height, patch, classIndex);

        // Then every probability is the reference rows' within the activation's tolerance (docs/numerics.md)
        AssertWithin(ReferenceRows(network, image, width, height, patch, classIndex), map, ScanTolerances.Probability<float>(activation));
    }

    [Theory]
    [MemberData(nameof(ActivationShapes))]
    public void Double_scan_matches_the_reference_rows_for_every_activation(HiddenActivation activation, int width, int height, int patch, string hidden, int classes, int classIndex, double scale)
    {
        // Given
        var (network, image) = Setup<double>(width, height, seed: 32, patch, Hidden(hidden), classes, activation, scale);

        // When
        double[] map = Scanned(network, image, width, height, patch, classIndex);

        // Then
        AssertWithin(ReferenceRows(network, image, width, height, patch, classIndex), map, ScanTolerances.Probability<double>(activation));
    }

    [Theory]
    [InlineData(1, 1, 5, "8", 2, -1)]
    [InlineData(41, 6, 7, "8,6", 5, -1)]
    [InlineData(23, 4, 3, "", 2, 1)]
    public void The_plain_loop_gives_the_networks_bits(int width, int height, int patch, string hidden, int classes, int classIndex)
    {
        // Given a double network and image
        var (network, image) = Setup<double>(width, height, seed: 13, patch, Hidden(hidden), classes);
        var plan = new ScanPlan<double>(network, width, height, patch, classIndex, tile: 1);
        var map = new double[classIndex < 0 ? width * height * classes : width * height];

        // When the fallback for machines without vectors scans it
        ReferenceScan.Rows(plan, image, map, 0, height);

        // Then it gives exactly Network.Forward's numbers on each window
        Assert.Equal(Expected(network, image, width, height, patch, classIndex), map);
    }

    [Theory]
    [InlineData(37, "8", 2, 0)]                                     // in registers
    [InlineData(37, "8", 5, -1)]                                    // layer by layer
    public void Double_result_does_not_depend_on_the_thread_count(int width, string hidden, int classes, int classIndex)
    {
        var (network, image) = Setup<double>(width, 19, seed: 14, 5, Hidden(hidden), classes);

        double[] one = Scanned(network, image, width, 19, 5, classIndex, threads: 1);
        double[] three = Scanned(network, image, width, 19, 5, classIndex, threads: 3);

        Assert.Equal(one, three);
    }

    [Theory]
    [InlineData("8", 2)]
    [InlineData("12,4", 3)]
    public void A_scan_allocates_only_its_setup_whatever_the_height(string hidden, int classes)
    {
        // Given a network and two images of the same width, one three times taller (warmed up)
        var (network, tall) = Setup<float>(100, 60, seed: 15, 5, Hidden(hidden), classes);
        float[] shortImage = tall[..(100 * 20)];
        var map = new float[100 * 60];
        PatchScanner.Scan(network, tall, 100, 60, 5, 0, map);
        PatchScanner.Scan(network, shortImage, 100, 20, 5, 0, map.AsSpan(0, 100 * 20));

        // When each is scanned again, three times (the fewest bytes of the three: the runtime itself may allocate on
        // this thread now and then, while methods are recompiled, but not in every scan)
        long shortBytes = long.MaxValue, tallBytes = long.MaxValue;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            PatchScanner.Scan(network, shortImage, 100, 20, 5, 0, map.AsSpan(0, 100 * 20));
            shortBytes = Math.Min(shortBytes, GC.GetAllocatedBytesForCurrentThread() - before);
            before = GC.GetAllocatedBytesForCurrentThread();
            PatchScanner.Scan(network, tall, 100, 60, 5, 0, map);
            tallBytes = Math.Min(tallBytes, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        // Then both allocate the same setup (packed weights, row ring, one tile of scratch): nothing per row or tile
        Assert.Equal(shortBytes, tallBytes);
    }

    [Fact]
    public void Result_does_not_depend_on_the_thread_count()
    {
        var (network, image) = Setup<float>(290, 23, seed: 9);
        var one = new float[290 * 23 * 2];
        var two = new float[290 * 23 * 2];

        PatchScanner.ScanAll(network, image, 290, 23, 5, one, threads: 1);
        PatchScanner.ScanAll(network, image, 290, 23, 5, two, threads: 2);

        Assert.Equal(one, two);
    }

    [Fact]
    public void ScanAll_gives_one_plane_per_class_summing_to_one()
    {
        var (network, image) = Setup<double>(20, 10, seed: 1);
        var planes = new double[2 * 200];

        PatchScanner.ScanAll(network, image, 20, 10, 5, planes);

        var edge = new double[200];
        PatchScanner.Scan(network, image, 20, 10, 5, 0, edge);
        Assert.Equal(edge, planes.AsSpan(0, 200).ToArray());
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal(1.0, planes[i] + planes[200 + i], 12);
        }
    }

    [Theory]
    [InlineData(4)]                                                 // even
    [InlineData(3)]                                                 // 9 ≠ 25 inputs
    public void Wrong_patch_size_is_refused(int patchSize)
    {
        var (network, image) = Setup<double>(8, 8, seed: 1);
        Assert.Throws<ArgumentException>(() => PatchScanner.Scan(network, image, 8, 8, patchSize, 0, new double[64]));
    }

    [Fact]
    public void Wrong_sizes_and_class_are_refused()
    {
        var (network, image) = Setup<double>(8, 8, seed: 1);
        Assert.Throws<ArgumentException>(() => PatchScanner.Scan(network, image, 8, 7, 5, 0, new double[56]));
        Assert.Throws<ArgumentException>(() => PatchScanner.Scan(network, image, 8, 8, 5, 0, new double[63]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PatchScanner.Scan(network, image, 8, 8, 5, 2, new double[64]));
    }

    internal static (Network<T> Network, T[] Image) Setup<T>(int width, int height, uint seed, int patchSize = 5, int[]? hidden = null, int classes = 2, HiddenActivation activation = HiddenActivation.Relu, double scale = 0.5)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new NumpyRandom(seed);
        var network = Network<T>.Create(patchSize * patchSize, hidden ?? [8], classes, activation);
        network.InitializeLikeTutorial(random, scale);
        foreach (var layer in network.Layers)
        {
            for (int i = 0; i < layer.Bias.Length; i++)
            {
                layer.Bias[i] = T.CreateChecked(random.Randn() * 0.1);
            }
        }
        T[] image = [.. Enumerable.Range(0, width * height).Select(_ => T.CreateChecked(random.Rand()))];
        return (network, image);
    }

    /// <summary>The plain reference: Network.Forward (reference kernels) on each window, clamped coordinates; classIndex −1: all planes.</summary>
    private static T[] Expected<T>(Network<T> network, T[] image, int width, int height, int size, int classIndex)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        network.UseReferenceKernels = true;
        int r = size / 2, plane = width * height, classes = network.Classes;
        var result = new T[classIndex < 0 ? plane * classes : plane];
        var patch = new T[size * size];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                for (int dy = 0; dy < size; dy++)
                {
                    for (int dx = 0; dx < size; dx++)
                    {
                        int sy = Math.Clamp(y + dy - r, 0, height - 1), sx = Math.Clamp(x + dx - r, 0, width - 1);
                        patch[(dy * size) + dx] = image[(sy * width) + sx];
                    }
                }
                ReadOnlySpan<T> p = network.Forward(patch, 1);
                for (int c = 0; c < classes; c++)
                {
                    if (classIndex < 0)
                    {
                        result[(c * plane) + (y * width) + x] = p[c];
                    }
                    else if (c == classIndex)
                    {
                        result[(y * width) + x] = p[c];
                    }
                }
            }
        }
        network.UseReferenceKernels = false;
        return result;
    }

    /// <summary>The reference rows (<see cref="ReferenceScan"/>), what machines without vector FMA run.</summary>
    private static T[] ReferenceRows<T>(Network<T> network, T[] image, int width, int height, int size, int classIndex)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var plan = new ScanPlan<T>(network, width, height, size, classIndex, tile: 1);
        var map = new T[classIndex < 0 ? width * height * network.Classes : width * height];
        ReferenceScan.Rows(plan, image, map, 0, height);
        return map;
    }

    private static void AssertWithin<T>(T[] expected, T[] got, double tolerance)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, got.Length);
        double worst = 0;
        int at = 0;
        for (int i = 0; i < got.Length; i++)
        {
            double difference = double.CreateChecked(T.Abs(expected[i] - got[i]));
            if (double.IsNaN(difference) || difference > worst)
            {
                worst = double.IsNaN(difference) ? double.PositiveInfinity : difference;
                at = i;
            }
        }
        Assert.True(worst <= tolerance, $"value {at}: {got[at]} vs {expected[at]}, {worst:E2} apart (at most {tolerance:E0})");
    }

    private static T[] Scanned<T>(Network<T> network, T[] image, int width, int height, int size, int classIndex, int threads = 1)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        if (classIndex < 0)
        {
            var planes = new T[width * height * network.Classes];
            PatchScanner.ScanAll(network, image, width, height, size, planes, threads);
            return planes;
        }
        var map = new T[width * height];
        PatchScanner.Scan(network, image, width, height, size, classIndex, map, threads);
        return map;
    }

    private static int[] Hidden(string sizes) => sizes.Length == 0 ? [] : [.. sizes.Split(',').Select(int.Parse)];
}
