using EdgeNet.Models;
using Onnx;

namespace EdgeNet.Onnx;

/// <summary>The hidden activations EdgeNet has and the ONNX operator each one is, in both directions.</summary>
internal static class OnnxActivations
{
    /// <summary>The ONNX operators the importer recognises as a hidden activation.</summary>
    public static readonly string[] OpTypes = ["Relu", "LeakyRelu", "Tanh", "Sigmoid"];

    /// <summary>The model file's name of <paramref name="model"/>'s hidden activation.</summary>
    public static string Name(Model model) => "relu";

    /// <summary>The activation node after hidden layer <paramref name="layer"/> (0-based).</summary>
    public static NodeProto Node(Model model, int layer, string input, string output, string prefix) =>
        new() { Name = prefix + "Relu", OpType = "Relu", Input = { input }, Output = { output } };

    /// <summary>Why the engine cannot run <paramref name="node"/> as its hidden activation; null when it can.</summary>
    public static string? Unsupported(NodeProto node) => node.OpType switch
    {
        "Relu" => null,
        _ => $"is an activation this EdgeNet does not have yet (it has ReLU only)",
    };
}
