using System.Numerics;
using System.Runtime.CompilerServices;

namespace EdgeNet.Kernels;

/// <summary>
/// Leaky ReLU with PyTorch's default slope 0.01: <c>h = z</c> for z &gt; 0, <c>h = 0.01·z</c> otherwise, the slope
/// rounded to T once (one correctly rounded product, NaN kept). Units below 0 still pass a small gradient, so none can
/// die for good. At z = 0 exactly (the kink) the slope is 0.01, as PyTorch's <c>leaky_relu_backward</c> takes it.
/// </summary>
internal readonly struct LeakyRelu : IActivation
{
    /// <summary>The slope below 0 (torch.nn.functional.leaky_relu's default negative_slope).</summary>
    public const double Slope = 0.01;

    public static bool VectorIsExact => true;

    public static bool InRegisters => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Invoke<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T> => z > T.Zero ? z : z * T.CreateTruncating(Slope);    // z or 0.01·z

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Gradient<T>(T z, T h, T dh)
        where T : unmanaged, IFloatingPointIeee754<T> => z > T.Zero ? dh : dh * T.CreateTruncating(Slope);  // f′(z) = 1 or 0.01

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Invoke<T, TVector, TSimd>(TVector z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector> =>
        TSimd.SelectWherePositive(z, z, TSimd.Multiply(z, VectorConstant.Of<T, TVector, TSimd>(Slope)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Gradient<T, TVector, TSimd>(TVector z, TVector h, TVector dh)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector> =>
        TSimd.SelectWherePositive(z, dh, TSimd.Multiply(dh, VectorConstant.Of<T, TVector, TSimd>(Slope)));
}
