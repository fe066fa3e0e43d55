using System.Numerics;
using System.Runtime.CompilerServices;

namespace EdgeNet.Kernels;

/// <summary>
/// The logistic sigmoid, <c>h = 1 / (1 + e^−z)</c>, and its derivative <c>h·(1 − h)</c> read from the output (PyTorch's
/// <c>sigmoid_backward</c>). The vector f uses the vectorised e^x (<see cref="VectorMath"/>): within a few ulps of the
/// number f; exactly 1 where e^−z is below half an ulp of 1, 0 where it overflows.
/// </summary>
internal readonly struct Sigmoid : IActivation
{
    public static bool VectorIsExact => false;

    public static bool InRegisters => false;

    public static T Invoke<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T> => T.One / (T.One + T.Exp(-z));    // 1 / (1 + e^−z)

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Gradient<T>(T z, T h, T dh)
        where T : unmanaged, IFloatingPointIeee754<T> => dh * (T.One - h) * h;             // f′(z) = σ(z)·(1 − σ(z))

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Invoke<T, TVector, TSimd>(TVector z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        TVector one = TSimd.Broadcast(T.One);
        return TSimd.Divide(one, TSimd.Add(one, TSimd.Exp(TSimd.Subtract(TSimd.Broadcast(T.Zero), z))));  // 1 / (1 + e^−z)
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Gradient<T, TVector, TSimd>(TVector z, TVector h, TVector dh)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector> =>
        TSimd.Multiply(TSimd.Multiply(dh, TSimd.Subtract(TSimd.Broadcast(T.One), h)), h);              // dL/dh · (1 − h) · h
}
