using EdgeNet.Layers;
using EdgeNet.Models;

namespace EdgeNet.Onnx.Tests;

/// <summary>
/// Models with each hidden activation export as that ONNX operator, run in ONNX Runtime with EdgeNet's
/// probabilities, and import back as the same model.
/// </summary>
public sealed class ActivationExportTests
{
    public static TheoryData<HiddenActivation> Activations => [.. Enum.GetValues<HiddenActivation>()];

    [Theory]
    [InlineData(HiddenActivation.Relu, "Relu", "Relu")]
    [InlineData(HiddenActivation.Tanh, "Tanh", "Tanh")]
    [InlineData(HiddenActivation.Sigmoid, "Sigmoid", "Sigmoid")]
    [InlineData(HiddenActivation.LeakyRelu, "LeakyRelu", "PRelu")]
    public void The_export_uses_the_models_activation_and_ONNX_Runtime_agrees(HiddenActivation activation, string f32Op, string f64Op)
    {
        // Given a random two-hidden-layer model with that activation and a thousand patches
        Model model = TestModels.RandomModel(seed: 5, inputs: 9, hidden: [7, 5], classes: 3, activation);
        double[] x = TestModels.Patches(1000, model.Network.Inputs, seed: 16);
        double[] expected = TestModels.Probabilities(model, x);

        // When it is exported in float32 and float64
        byte[] f32 = OnnxExport.ToBytes(model, OnnxPrecision.Float32);
        byte[] f64 = OnnxExport.ToBytes(model, OnnxPrecision.Float64);

        // Then each hidden layer is followed by that operator (leaky ReLU in double is PRelu: LeakyRelu's slope is
        // a float attribute, PRelu's a double tensor holding EdgeNet's 0.01)
        Assert.Equal(2, OnnxExport.ToProto(model, OnnxPrecision.Float32).Graph.Node.Count(n => n.OpType == f32Op));
        Assert.Equal(2, OnnxExport.ToProto(model, OnnxPrecision.Float64).Graph.Node.Count(n => n.OpType == f64Op));

        // And ONNX Runtime gives EdgeNet's probabilities: within 1e-12 in double and 1e-5 in float (these weights
        // are large, scale 1.5, and ONNX Runtime's float tanh is an approximation)
        OnnxRuntimeAgreementTests.AssertClose(expected, OnnxRuntimeRun.Double(f64, x, model.Network.Inputs), 1e-12);
        OnnxRuntimeAgreementTests.AssertClose(expected, OnnxRuntimeRun.Float(f32, x, model.Network.Inputs), 1e-5);
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Export_then_import_gives_the_same_model_with_its_activation(HiddenActivation activation)
    {
        // Given a model with that activation
        Model model = TestModels.RandomModel(seed: 9, inputs: 25, hidden: [8, 6], classes: 2, activation);

        // When it is exported in double and in float and imported back
        Model f64 = OnnxImport.Read(OnnxExport.ToBytes(model, OnnxPrecision.Float64), "m.onnx");
        Model f32 = OnnxImport.Read(OnnxExport.ToBytes(model, OnnxPrecision.Float32), "m.onnx");

        // Then the double round trip is the same model file, bit for bit, activation included
        Assert.Equal(activation, f64.Network.HiddenActivation);
        Assert.Equal(ModelFile.Serialize(model), ModelFile.Serialize(f64));

        // And the float one has the same activation and each weight rounded to float
        Assert.Equal(activation, f32.Network.HiddenActivation);
        Assert.Equal(model.Network.Layers[0].Weights.Select(w => (double)(float)w), f32.Network.Layers[0].Weights);
    }
}
