using EdgeNet.Layers;
using EdgeNet.Models;
using Onnx;

namespace EdgeNet.Onnx;

/// <summary>The hidden activations EdgeNet has and the ONNX operator each one is, in both directions.</summary>
/// <remarks>
/// Leaky ReLU's slope is 0.01 in EdgeNet. ONNX's LeakyRelu keeps its slope in a float attribute (0.01f, which is
/// 0.01 + 2.2e-10), so a float64 export writes PRelu with the slope as a double tensor instead: ONNX Runtime then
/// multiplies by EdgeNet's own 0.01. Import takes either, with the slope 0.01 (as a float or a double) only.
/// </remarks>
internal static class OnnxActivations
{
    /// <summary>The ONNX operators the importer recognises as a hidden activation.</summary>
    public static readonly string[] OpTypes = ["Relu", "LeakyRelu", "PRelu", "Tanh", "Sigmoid"];

    /// <summary>The model file's name of <paramref name="model"/>'s hidden activation.</summary>
    public static string Name(Model model) => HiddenActivations.Name(model.Network.HiddenActivation);

    /// <summary>
    /// The activation node after hidden layer <paramref name="layer"/> ("layer1"), reading <paramref name="input"/> and writing <paramref name="output"/>;
    /// for leaky ReLU in double also the slope tensor the node reads (null otherwise).
    /// </summary>
    public static (NodeProto Node, TensorProto? Slope) Node(HiddenActivation activation, TensorProto.Types.DataType type, string input, string output, string layer)
    {
        string op = activation switch
        {
            HiddenActivation.Relu => "Relu",
            HiddenActivation.LeakyRelu when type == TensorProto.Types.DataType.Double => "PRelu",
            HiddenActivation.LeakyRelu => "LeakyRelu",
            HiddenActivation.Tanh => "Tanh",
            HiddenActivation.Sigmoid => "Sigmoid",
            var other => throw new ArgumentOutOfRangeException(nameof(activation), other, "Unknown hidden activation."),
        };
        var node = new NodeProto { Name = $"{layer}/{op}", OpType = op, Input = { input }, Output = { output } };
        if (op == "LeakyRelu")
        {
            node.Attribute.Add(new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, F = (float)HiddenActivations.LeakyReluSlope });
            return (node, null);
        }
        if (op != "PRelu")
        {
            return (node, null);
        }
        // PRelu(z, slope) = z for z ≥ 0, slope·z below: with slope = 0.01 in double, EdgeNet's z or 0.01·z exactly.
        var slope = new TensorProto { Name = $"{layer}.slope", DataType = (int)TensorProto.Types.DataType.Double, Dims = { 1 } };
        slope.DoubleData.Add(HiddenActivations.LeakyReluSlope);
        node.Input.Add(slope.Name);
        return (node, slope);
    }

    /// <summary>
    /// The engine's activation for <paramref name="node"/> (one of <see cref="OpTypes"/>), or null with
    /// <paramref name="why"/> saying in words why the engine cannot run it. <paramref name="slope"/> gives the
    /// numbers of PRelu's slope tensor.
    /// </summary>
    public static HiddenActivation? Read(NodeProto node, Func<double[]> slope, out string why)
    {
        why = string.Empty;
        switch (node.OpType)
        {
            case "Relu":
                return HiddenActivation.Relu;
            case "Tanh":
                return HiddenActivation.Tanh;
            case "Sigmoid":
                return HiddenActivation.Sigmoid;
            case "LeakyRelu":
                // ONNX's default alpha is 0.01 (as a float), PyTorch's LeakyReLU() writes it explicitly.
                AttributeProto? alpha = node.Attribute.FirstOrDefault(a => a.Name == "alpha");
                if (alpha is null || alpha.F == (float)HiddenActivations.LeakyReluSlope)
                {
                    return HiddenActivation.LeakyRelu;
                }
                why = $"has alpha = {alpha.F.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}; EdgeNet's leaky ReLU has the slope 0.01 only";
                return null;
            case "PRelu":
                double[] values = slope();
                if (values.Length == 1 && (values[0] == HiddenActivations.LeakyReluSlope || values[0] == (float)HiddenActivations.LeakyReluSlope))
                {
                    return HiddenActivation.LeakyRelu;
                }
                why = values.Length == 1
                    ? $"has the slope {values[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture)}; EdgeNet's leaky ReLU has the slope 0.01 only"
                    : $"has {values.Length} slopes (one per unit); EdgeNet's leaky ReLU has one slope, 0.01";
                return null;
            default:
                why = "is not one of EdgeNet's activations";
                return null;
        }
    }
}
