using EdgeNet.Layers;
using EdgeNet.Models;

namespace EdgeNet.Onnx.Tests;

/// <summary>Models with a hidden activation other than ReLU export as that ONNX operator and run in ONNX Runtime.</summary>
public sealed class ActivationExportTests
{
    [Theory]
    [InlineData(HiddenActivation.Tanh, "Tanh")]
    [InlineData(HiddenActivation.Sigmoid, "Sigmoid")]
    [InlineData(HiddenActivation.LeakyRelu, "LeakyRelu")]
    public void The_export_uses_the_models_activation_and_ONNX_Runtime_agrees(HiddenActivation activation, string op)
    {
        // Given a random two-hidden-layer model with that activation and a thousand patches
        Model model = TestModels.RandomModel(seed: 5, inputs: 9, hidden: [7, 5], classes: 3, activation);
        double[] x = TestModels.Patches(1000, model.Network.Inputs, seed: 16);
        double[] expected = TestModels.Probabilities(model, x);

        // When it is exported in float32 and float64
        byte[] f32 = OnnxExport.ToBytes(model, OnnxPrecision.Float32);
        byte[] f64 = OnnxExport.ToBytes(model, OnnxPrecision.Float64);

        // Then each hidden layer is followed by that operator
        Assert.Equal(2, OnnxExport.ToProto(model, OnnxPrecision.Float32).Graph.Node.Count(n => n.OpType == op));

        // And ONNX Runtime gives EdgeNet's probabilities: within 1e-5 in float (these weights are large, scale 1.5,
        // and ONNX Runtime's float tanh is an approximation) and 1e-9 in double (1e-7 for LeakyRelu: its slope is
        // a float attribute in ONNX, 0.01f, not EdgeNet's double 0.01)
        OnnxRuntimeAgreementTests.AssertClose(expected, OnnxRuntimeRun.Double(f64, x, model.Network.Inputs),
            activation == HiddenActivation.LeakyRelu ? 1e-7 : 1e-9);
        OnnxRuntimeAgreementTests.AssertClose(expected, OnnxRuntimeRun.Float(f32, x, model.Network.Inputs), 1e-5);
    }
}
