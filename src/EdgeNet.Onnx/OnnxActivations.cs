using EdgeNet.Layers;
using EdgeNet.Models;
using Onnx;

namespace EdgeNet.Onnx;

/// <summary>The hidden activations EdgeNet has and the ONNX operator each one is, in both directions.</summary>
internal static class OnnxActivations
{
    /// <summary>The ONNX operators the importer recognises as a hidden activation.</summary>
    public static readonly string[] OpTypes = ["Relu", "LeakyRelu", "Tanh", "Sigmoid"];

    /// <summary>The model file's name of <paramref name="model"/>'s hidden activation.</summary>
    public static string Name(Model model) => HiddenActivations.Name(model.Network.HiddenActivation);

    /// <summary>The activation node after hidden layer <paramref name="layer"/> (0-based).</summary>
    /// <remarks>LeakyRelu's slope is an ONNX float attribute: 0.01 as a float, so a float64 export with it differs
    /// from EdgeNet's double slope by up to |z|·2.2e-10.</remarks>
    public static NodeProto Node(Model model, int layer, string input, string output, string prefix)
    {
        string op = model.Network.HiddenActivation switch
        {
            HiddenActivation.Relu => "Relu",
            HiddenActivation.LeakyRelu => "LeakyRelu",
            HiddenActivation.Tanh => "Tanh",
            HiddenActivation.Sigmoid => "Sigmoid",
            var other => throw new ArgumentOutOfRangeException(nameof(model), other, "Unknown hidden activation."),
        };
        var node = new NodeProto { Name = prefix + op, OpType = op, Input = { input }, Output = { output } };
        if (op == "LeakyRelu")
        {
            node.Attribute.Add(new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, F = (float)LeakyRelu.Slope });
        }
        return node;
    }

    /// <summary>Why the engine cannot run <paramref name="node"/> as its hidden activation; null when it can.</summary>
    public static string? Unsupported(NodeProto node) => node.OpType switch
    {
        "Relu" => null,
        _ => $"is an activation this EdgeNet does not have yet (it has ReLU only)",
    };
}
