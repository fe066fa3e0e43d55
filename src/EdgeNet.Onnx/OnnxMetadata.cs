using System.Reflection;
using EdgeNet.Models;

namespace EdgeNet.Onnx;

/// <summary>The keys EdgeNet writes in an ONNX file's <c>metadata_props</c>, and the version it writes there.</summary>
public static class OnnxMetadata
{
    /// <summary>The class names in label order, as a JSON array of strings.</summary>
    public const string ClassNames = "edgenet.class_names";

    /// <summary>Side of the square patch the network reads (absent when the inputs are not a square).</summary>
    public const string PatchSize = "edgenet.patch_size";

    /// <summary>"edge" or "orientation" when the class names are a task's (absent otherwise).</summary>
    public const string Task = "edgenet.task";

    /// <summary>The EdgeNet version that wrote the file.</summary>
    public const string Version = "edgenet.version";

    /// <summary>The hidden activation's name in EdgeNet's model files ("relu").</summary>
    public const string Activation = "edgenet.activation";

    /// <summary>EdgeNet's version: the engine assembly's informational version without the source revision.</summary>
    public static string EdgeNetVersion { get; } =
        (typeof(Model).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
            .Split('+')[0];
}
