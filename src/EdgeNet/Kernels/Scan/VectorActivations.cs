using System.Numerics;
using System.Runtime.CompilerServices;

namespace EdgeNet.Kernels;

/// <summary>
/// A hidden activation h = f(z) on a whole vector of pixels, for the scanner's kernels. Implemented by structs, so the
/// JIT compiles one kernel per activation (and width) with f inlined: <see cref="ReluVector"/>,
/// <see cref="LeakyReluVector"/>, <see cref="TanhVector"/>, <see cref="SigmoidVector"/>.
/// </summary>
internal interface IVectorActivation
{
    /// <summary>
    /// Whether f is a few instructions, applied where each sum is finished, in registers (ReLU, leaky ReLU); otherwise
    /// (tanh, sigmoid) the kernels store z and run f over it in one loop (<see cref="VectorActivation.ApplyInPlace"/>):
    /// inlined 24 times into the window kernel it would exhaust the JIT's inlining budget and stay calls.
    /// </summary>
    static abstract bool InRegisters { get; }

    /// <summary>h = f(z), lane by lane.</summary>
    static abstract TVector Apply<T, TVector, TSimd>(TVector z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>;
}

/// <summary>ReLU, <c>z &gt; 0 ? z : +0</c>: the bits of <see cref="Layers.Relu"/>.</summary>
internal readonly struct ReluVector : IVectorActivation
{
    public static bool InRegisters => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<T, TVector, TSimd>(TVector z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector> => TSimd.Relu(z);
}

/// <summary>
/// Leaky ReLU, <c>z &gt; 0 ? z : z·0.01</c> with the slope rounded to T once: the bits of <see cref="Layers.LeakyRelu"/>
/// (one correctly rounded product, NaN kept).
/// </summary>
internal readonly struct LeakyReluVector : IVectorActivation
{
    public static bool InRegisters => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<T, TVector, TSimd>(TVector z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector> =>
        TSimd.SelectWherePositive(z, z, TSimd.Multiply(z, VectorConstant.Of<T, TVector, TSimd>(Layers.LeakyRelu.Slope)));
}

/// <summary>
/// tanh z, within a few ulps of <see cref="Math.Tanh"/> / <see cref="MathF.Tanh"/> (<c>ScanActivationTests</c> measures
/// it), odd exactly: with a = |z|, below 0.625 Cephes' approximation (double: a + a³·P(a²)/Q(a²); float: a + a³·P(a²)),
/// from 0.625 on 1 − 2 / (e^(2a) + 1), whose subtraction loses at most a bit there (the result is ≥ 0.55); a is capped at
/// 20, past which tanh is 1 in float and double alike (it keeps e^(2a) far from overflow); then z's sign. NaN stays NaN.
/// </summary>
internal readonly struct TanhVector : IVectorActivation
{
    public static bool InRegisters => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<T, TVector, TSimd>(TVector z)
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

/// <summary>
/// The logistic sigmoid 1 / (1 + e^−z), as <see cref="Layers.Sigmoid"/> computes it but with the vectorised e^x
/// (<see cref="VectorMath"/>): within a few ulps of it; exactly 1 where e^−z is below half an ulp of 1, 0 where it
/// overflows.
/// </summary>
internal readonly struct SigmoidVector : IVectorActivation
{
    public static bool InRegisters => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<T, TVector, TSimd>(TVector z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        TVector one = TSimd.Broadcast(T.One);
        return TSimd.Divide(one, TSimd.Add(one, TSimd.Exp(TSimd.Subtract(TSimd.Broadcast(T.Zero), z))));  // 1 / (1 + e^−z)
    }
}

/// <summary>Constants of the vector activations.</summary>
internal static class VectorConstant
{
    /// <summary>The constant c rounded to T once, in every lane: folded by the JIT (no conversion call in the loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Of<T, TVector, TSimd>(double c)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        if (typeof(T) == typeof(float))
        {
            float f = (float)c;
            return TSimd.Broadcast(Unsafe.As<float, T>(ref f));
        }
        return TSimd.Broadcast(Unsafe.As<double, T>(ref c));
    }
}

/// <summary>A hidden activation over stored values, a vector at a time.</summary>
internal static class VectorActivation
{
    /// <summary>h = f(z) in place for <paramref name="vectors"/> whole vectors from <paramref name="values"/> on.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ApplyInPlace<T, TVector, TSimd, TActivation>(ref T values, int vectors)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
        where TActivation : IVectorActivation
    {
        int n = TSimd.Count;
        for (int i = 0; i < vectors; i++)
        {
            ref T v = ref Unsafe.Add(ref values, i * n);
            TSimd.Store(TActivation.Apply<T, TVector, TSimd>(TSimd.Load(in v)), ref v);
        }
    }
}
