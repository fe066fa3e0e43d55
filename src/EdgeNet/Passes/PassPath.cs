namespace EdgeNet.Passes;

/// <summary>Which code runs a network's forward and backward pass (chosen by the planner, see <see cref="PassPlan"/>).</summary>
public enum PassPath
{
    /// <summary>The plain loops of the reference pass (<c>Reference/ReferencePass.cs</c>): the oracle.</summary>
    Reference,

    /// <summary>One row through narrow layers, the output row in registers (<c>Kernels/OneRow</c>).</summary>
    OneRow,

    /// <summary>A float32 batch across the lanes of 512-bit vectors, feature-major (<c>Kernels/FeatureMajor</c>).</summary>
    FeatureMajor,

    /// <summary>Register-tiled matrix products, row-major (<c>Kernels/Gemm</c>).</summary>
    Gemm,

    /// <summary>
    /// Row-major, 128-bit vectors with a plain multiply and add (<c>Kernels/NoFma</c>): where there is no fused
    /// multiply-add in hardware (WebAssembly, x86 without FMA), so that no step runs one in software.
    /// </summary>
    NoFma,
}
