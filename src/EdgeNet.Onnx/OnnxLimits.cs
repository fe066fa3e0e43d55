namespace EdgeNet.Onnx;

/// <summary>Caps on an imported ONNX file, checked before anything of that size is allocated.</summary>
public static class OnnxLimits
{
    /// <summary>Largest ONNX file read: 256 MiB.</summary>
    public const long MaxFileBytes = 256L << 20;

    /// <summary>Most numbers in one weight or bias tensor, and in the whole network: 2^24 (16,777,216).</summary>
    public const long MaxParameters = 1L << 24;

    /// <summary>Most nodes in the graph.</summary>
    public const int MaxNodes = 10_000;

    /// <summary>Widest layer (inputs or outputs).</summary>
    public const long MaxWidth = 1L << 20;
}
