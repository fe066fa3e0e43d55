using EdgeNet.Models;
using Microsoft.ML.OnnxRuntime;

namespace EdgeNet.Onnx.Tests;

/// <summary>Every exported model runs in ONNX Runtime and gives EdgeNet's probabilities.</summary>
public sealed class OnnxRuntimeAgreementTests
{
    private const int PatchCount = 4000;

    [Theory]
    [MemberData(nameof(TestModels.Names), MemberType = typeof(TestModels))]
    public void Float64_export_gives_EdgeNets_probabilities_within_1e_12(string name)
    {
        // Given a model and a few thousand patches
        Model model = TestModels.ByName(name);
        double[] x = TestModels.Patches(PatchCount, model.Network.Inputs, seed: 14);
        double[] expected = TestModels.Probabilities(model, x);

        // When ONNX Runtime runs the f64 export on them
        double[] actual = OnnxRuntimeRun.Double(OnnxExport.ToBytes(model, OnnxPrecision.Float64), x, model.Network.Inputs);

        // Then
        AssertClose(expected, actual, 1e-12);
    }

    [Theory]
    [MemberData(nameof(TestModels.Names), MemberType = typeof(TestModels))]
    public void Float32_export_gives_EdgeNets_probabilities_within_1e_6(string name)
    {
        // Given a model and a few thousand patches (EdgeNet computes in double)
        Model model = TestModels.ByName(name);
        double[] x = TestModels.Patches(PatchCount, model.Network.Inputs, seed: 15);
        double[] expected = TestModels.Probabilities(model, x);

        // When ONNX Runtime runs the f32 export on the same patches as floats
        double[] actual = OnnxRuntimeRun.Float(OnnxExport.ToBytes(model, OnnxPrecision.Float32), x, model.Network.Inputs);

        // Then
        AssertClose(expected, actual, 1e-6);
    }

    [Fact]
    public void The_batch_is_dynamic_and_the_metadata_names_the_classes()
    {
        // Given the tutorial's model exported
        Model model = TestModels.Tutorial;
        using var session = new InferenceSession(OnnxExport.ToBytes(model));

        // Then ONNX Runtime sees a dynamic batch, the patch width, the class count and EdgeNet's metadata
        NodeMetadata input = session.InputMetadata[OnnxExport.InputName];
        NodeMetadata output = session.OutputMetadata[OnnxExport.OutputName];
        Assert.Equal([-1, model.Network.Inputs], input.Dimensions);
        Assert.Equal([-1, model.Network.Classes], output.Dimensions);
        Assert.Equal(typeof(float), input.ElementType);
        Dictionary<string, string> metadata = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal("[\"Edge\",\"No Edge\"]", metadata[OnnxMetadata.ClassNames]);
        Assert.Equal(model.PatchSize.ToString(), metadata[OnnxMetadata.PatchSize]);
        Assert.Equal("edge", metadata[OnnxMetadata.Task]);
        Assert.Equal(OnnxMetadata.EdgeNetVersion, metadata[OnnxMetadata.Version]);
        Assert.Equal("EdgeNet", session.ModelMetadata.ProducerName);

        // And one patch runs as well as thousands
        double[] one = TestModels.Patches(1, model.Network.Inputs, seed: 1);
        AssertClose(TestModels.Probabilities(model, one), OnnxRuntimeRun.Float(OnnxExport.ToBytes(model), one, model.Network.Inputs), 1e-6);
    }

    internal static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        int at = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double difference = Math.Abs(expected[i] - actual[i]);
            if (!(difference <= worst))
            {
                (worst, at) = (difference, i);
            }
        }
        Assert.True(worst <= tolerance, $"largest difference {worst:E3} at {at} (expected {expected[at]:R}, got {actual[at]:R}) exceeds {tolerance:E0}");
    }
}
