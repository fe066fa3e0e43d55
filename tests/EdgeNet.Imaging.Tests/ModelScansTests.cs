using EdgeNet.Data;
using EdgeNet.Imaging;
using EdgeNet.Inference;
using EdgeNet.Models;

namespace EdgeNet.Imaging.Tests;

/// <summary>Several models scanning one image: each result is that model's own scan, in the models' order.</summary>
public sealed class ModelScansTests
{
    [Fact]
    public void Each_result_is_the_models_own_scan_in_order()
    {
        // Given: two differently seeded 5×5 networks and a drawn scene
        GrayImage scene = ImageDecoder.Decode(SyntheticScene.Png(48, 32), "scene");
        Model first = Fresh(1), second = Fresh(2);

        // When
        var scans = ModelScans.Run([("first", first), ("second", second)], scene, threads: 2);

        // Then
        Assert.Equal(["first", "second"], scans.Select(s => s.Name));
        Assert.Equal(EdgeScan.Run(first.Network, first.ClassNames, scene, 5).Map.Values.ToArray(), scans[0].Result.Map.Values.ToArray());
        Assert.Equal(EdgeScan.Run(second.Network, second.ClassNames, scene, 5).Map.Values.ToArray(), scans[1].Result.Map.Values.ToArray());
        Assert.NotEqual(scans[0].Result.Map.Values.ToArray(), scans[1].Result.Map.Values.ToArray());
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(5, 5)]
    [InlineData(7, 3)]
    public void EdgeScan_runs_in_float32_within_its_tolerance_of_the_float64_scan(int patch, int classes)
    {
        // Given a seeded network of this shape and a drawn scene
        var network = Network<double>.Create(patch * patch, [8], classes);
        network.InitializeLikeTutorial(new NumpyRandom(5), scale: 1.0);
        string[] names = [.. Enumerable.Range(0, classes).Select(k => k == classes - 1 ? "None" : $"class {k}")];
        GrayImage scene = ImageDecoder.Decode(SyntheticScene.Png(64, 40), "scene");

        // When compare's, the guide's and the playground's scan runs, and the engine's float64 scan
        EdgeScanResult scan = EdgeScan.Run(network, names, scene, patch, threads: 2);
        ProbabilityMap reference = ProbabilityMap.Scan(network, names, scene.Pixels, 64, 40, patch);

        // Then every probability agrees within the stated tolerance, yet the two are not the same numbers (float32)
        double[] got = scan.Map.Values.ToArray(), expected = reference.Values.ToArray();
        double worst = got.Zip(expected, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= EdgeScan.Tolerance, $"largest difference {worst:E2}");
        Assert.True(worst > 0, "the scan should run in float32, not float64");
        Assert.True(expected.Max() - expected.Min() > 0.1, "the reference map is not flat");
    }

    [Fact]
    public void A_model_that_does_not_read_a_square_patch_is_refused_by_name()
    {
        // Given: 24 inputs are no square
        var network = Network<double>.Create(24, [4], 2);
        network.InitializeLikeTutorial(new NumpyRandom(1), 0.3);
        GrayImage scene = ImageDecoder.Decode(SyntheticScene.Png(16, 16), "scene");

        // Then
        var error = Assert.Throws<ArgumentException>(() => ModelScans.Run([("odd one", new Model(network, Dataset.EdgeClasses, null))], scene));
        Assert.Contains("odd one", error.Message, StringComparison.Ordinal);
    }

    private static Model Fresh(uint seed)
    {
        var network = Network<double>.Create(25, [8], 2);
        network.InitializeLikeTutorial(new NumpyRandom(seed), 0.3);
        return new Model(network, Dataset.EdgeClasses, null);
    }
}
