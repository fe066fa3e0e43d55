using EdgeNet.Inference;

namespace EdgeNet.Tests.Fast;

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

    internal static (Network<T> Network, T[] Image) Setup<T>(int width, int height, uint seed)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new NumpyRandom(seed);
        var network = Network<T>.Create(25, [8], 2);
        network.InitializeLikeTutorial(random, 0.5);
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

    private static T[] Expected<T>(Network<T> network, T[] image, int width, int height, int size, int classIndex)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        network.UseReferenceKernels = true;
        int r = size / 2;
        var result = new T[width * height];
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
                result[(y * width) + x] = network.Forward(patch, 1)[classIndex];
            }
        }
        network.UseReferenceKernels = false;
        return result;
    }
}
