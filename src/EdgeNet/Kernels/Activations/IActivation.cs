using System.Numerics;

namespace EdgeNet.Kernels;

/// <summary>
/// One hidden activation, defined once: h = f(z) and dL/dz = dL/dh · f′ for a number (<see cref="Invoke{T}(T)"/>,
/// <see cref="Gradient{T}(T, T, T)"/>) and for a vector of any width (the same names over
/// <see cref="ISimd{T, TVector}"/>: one body serves 128-, 256- and 512-bit vectors), in TensorPrimitives'
/// operator-struct shape. Implemented by structs, so the JIT compiles each kernel once per activation with f inlined:
/// <see cref="Relu"/>, <see cref="LeakyRelu"/>, <see cref="Tanh"/>, <see cref="Sigmoid"/>. The reference pass, the
/// matrix-product pass and the scanner all take f from here.
/// </summary>
internal interface IActivation
{
    /// <summary>
    /// Whether the vector f gives the number f's bits (ReLU, leaky ReLU: a compare and a select); tanh and sigmoid are
    /// vector approximations within a few ulps (<c>ScanActivationTests</c>), used by the scanner only.
    /// </summary>
    static abstract bool VectorIsExact { get; }

    /// <summary>
    /// Whether f is a few instructions, applied where each sum is finished, in registers (ReLU, leaky ReLU); otherwise
    /// (tanh, sigmoid) the scanner's kernels store z and run f over it in one loop (<see cref="VectorActivation.ApplyInPlace"/>):
    /// inlined 24 times into the window kernel it would exhaust the JIT's inlining budget and stay calls.
    /// </summary>
    static abstract bool InRegisters { get; }

    /// <summary>h = f(z).</summary>
    static abstract T Invoke<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>dL/dz = dL/dh · f′, from z and h = f(z) (ReLU and leaky ReLU read z, tanh and sigmoid h, as PyTorch does).</summary>
    static abstract T Gradient<T>(T z, T h, T dh)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>h = f(z), lane by lane.</summary>
    static abstract TVector Invoke<T, TVector, TSimd>(TVector z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>;

    /// <summary>dL/dz = dL/dh · f′, lane by lane: the bits of <see cref="Gradient{T}(T, T, T)"/> in every lane.</summary>
    static abstract TVector Gradient<T, TVector, TSimd>(TVector z, TVector h, TVector dh)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>;
}
