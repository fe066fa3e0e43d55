namespace EdgeNet.Onnx;

/// <summary>The number type of an exported ONNX file's weights, input and output.</summary>
public enum OnnxPrecision
{
    /// <summary>32-bit floats (<c>tensor(float)</c>): what most runtimes and accelerators expect; half the size.</summary>
    Float32,

    /// <summary>64-bit floats (<c>tensor(double)</c>): the engine's own numbers, exactly.</summary>
    Float64,
}
