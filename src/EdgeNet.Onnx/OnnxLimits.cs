namespace EdgeNet.Onnx;

/// <summary>
/// Caps on an imported ONNX file. The counts and sizes are checked on the file's bytes as they are walked, before
/// the protobuf parser builds anything, so memory stays in proportion to the file (docs/use-elsewhere.md).
/// </summary>
public static class OnnxLimits
{
    /// <summary>Largest ONNX file read: 256 MiB.</summary>
    public const long MaxFileBytes = 256L << 20;

    /// <summary>Most numbers in one weight or bias tensor, and in the whole network: 2^24 (16,777,216).</summary>
    public const long MaxParameters = 1L << 24;

    /// <summary>Most nodes in the file (every graph).</summary>
    public const int MaxNodes = 10_000;

    /// <summary>Most tensors in the file (initializers, constants, any other).</summary>
    public const int MaxTensors = 10_000;

    /// <summary>Most protobuf messages and list strings in the file: each costs some hundred bytes once parsed.</summary>
    public const int MaxMessages = 100_000;

    /// <summary>Most numbers in lists (float_data, dims, ...) in the file: the network's cap and 2^20 for the rest.</summary>
    public const long MaxListNumbers = MaxParameters + (1L << 20);

    /// <summary>Longest name or text (a doc string, a metadata value): 1 MiB of UTF-8.</summary>
    public const int MaxStringBytes = 1 << 20;

    /// <summary>All names and texts together: 16 MiB of UTF-8.</summary>
    public const int MaxTotalStringBytes = 16 << 20;

    /// <summary>Deepest nesting of messages (a model, its graph, a node, an attribute, a subgraph, ...).</summary>
    public const int MaxNesting = 32;

    /// <summary>Widest layer (inputs or outputs).</summary>
    public const long MaxWidth = 1L << 20;
}
