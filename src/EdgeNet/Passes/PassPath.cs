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
}
