using System.Numerics;
using System.Runtime.CompilerServices;

namespace EdgeNet.Kernels;

/// <summary>
/// tanh, <c>h = (e^z − e^−z) / (e^z + e^−z)</c>, and its derivative <c>1 − h²</c> read from the output (PyTorch's
/// <c>tanh_backward</c>). The vector f is within a few ulps of <see cref="Math.Tanh"/> / <see cref="MathF.Tanh"/> (<c>ScanActivationTests</c> measures
/// it), odd exactly: with a = |z|, below 0.625 Cephes' approximation (double: a + a³·P(a²)/Q(a²); float: a + a³·P(a²)),
/// from 0.625 on 1 − 2 / (e^(2a) + 1), whose subtraction loses at most a bit there (the result is ≥ 0.55); a is capped at
/// 20, past which tanh is 1 in float and double alike (it keeps e^(2a) far from overflow); then z's sign. NaN stays NaN.
/// </summary>
internal readonly struct Tanh : IActivation
{
    public static bool VectorIsExact => false;

    public static bool InRegisters => false;

    public static T Invoke<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T> => T.Tanh(z);                       // tanh z

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Gradient<T>(T z, T h, T dh)
        where T : unmanaged, IFloatingPointIeee754<T> => dh * (T.One - h * h);            // f′(z) = 1 − tanh² z

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Gradient<T, TVector, TSimd>(TVector z, TVector h, TVector dh)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector> =>
        TSimd.Multiply(dh, TSimd.Subtract(TSimd.Broadcast(T.One), TSimd.Multiply(h, h)));     // dL/dh · (1 − h²)

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Invoke<T, TVector, TSimd>(TVector z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        TVector a = TSimd.Min(TSimd.Abs(z), VectorConstant.Of<T, TVector, TSimd>(20.0));     // a = |z|, at most 20
        TVector one = TSimd.Broadcast(T.One);
        TVector e = TSimd.Exp(TSimd.Add(a, a));                                               // e^(2a)
        TVector large = TSimd.Subtract(one, TSimd.Divide(VectorConstant.Of<T, TVector, TSimd>(2.0), TSimd.Add(e, one))); // 1 − 2 / (e^(2a) + 1)
        TVector s = TSimd.Multiply(a, a);
        TVector small;
        if (typeof(T) == typeof(double))
        {
            TVector p = TSimd.MultiplyAdd(VectorConstant.Of<T, TVector, TSimd>(-9.64399179425052238628E-1), s, VectorConstant.Of<T, TVector, TSimd>(-9.92877231001918586564E1));
            p = TSimd.MultiplyAdd(p, s, VectorConstant.Of<T, TVector, TSimd>(-1.61468768441708447952E3));
            TVector q = TSimd.Add(s, VectorConstant.Of<T, TVector, TSimd>(1.12811678491632931402E2));
            q = TSimd.MultiplyAdd(q, s, VectorConstant.Of<T, TVector, TSimd>(2.23548839060100448583E3));
            q = TSimd.MultiplyAdd(q, s, VectorConstant.Of<T, TVector, TSimd>(4.84406305325125486048E3));
            small = TSimd.MultiplyAdd(TSimd.Multiply(a, s), TSimd.Divide(p, q), a);             // a + a³·P(a²)/Q(a²)
        }
        else
        {
            TVector p = TSimd.MultiplyAdd(VectorConstant.Of<T, TVector, TSimd>(-5.70498872745E-3), s, VectorConstant.Of<T, TVector, TSimd>(2.06390887954E-2));
            p = TSimd.MultiplyAdd(p, s, VectorConstant.Of<T, TVector, TSimd>(-5.37397155531E-2));
            p = TSimd.MultiplyAdd(p, s, VectorConstant.Of<T, TVector, TSimd>(1.33314422036E-1));
            p = TSimd.MultiplyAdd(p, s, VectorConstant.Of<T, TVector, TSimd>(-3.33332819422E-1));
            small = TSimd.MultiplyAdd(TSimd.Multiply(a, s), p, a);                              // a + a³·P(a²)
        }
        TVector magnitude = TSimd.SelectWhereLess(a, VectorConstant.Of<T, TVector, TSimd>(0.625), small, large);
        return TSimd.CopySign(magnitude, z);                                                    // tanh(−z) = −tanh z
    }
}
