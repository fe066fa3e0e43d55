using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EdgeNet.Kernels;

/// <summary>
/// The few vector operations the fast kernels need, so that one kernel serves 128-, 256- and 512-bit
/// vectors of float or double. Implemented by structs: the JIT compiles one specialised copy per width.
/// </summary>
internal interface ISimd<T, TVector>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TVector : struct
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Whether the hardware runs this width natively.</summary>
    static abstract bool IsAccelerated { get; }

    static abstract TVector Load(ref readonly T source);

    static abstract void Store(TVector value, ref T destination);

    static abstract TVector Broadcast(T value);

    /// <summary>a·b + c with one rounding, as <see cref="Math.FusedMultiplyAdd(double, double, double)"/>.</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary>a − b, lane by lane.</summary>
    static abstract TVector Subtract(TVector a, TVector b);

    /// <summary>a + b, lane by lane.</summary>
    static abstract TVector Add(TVector a, TVector b);

    /// <summary>a · b, lane by lane (rounded, not fused).</summary>
    static abstract TVector Multiply(TVector a, TVector b);

    /// <summary>a / b, lane by lane (correctly rounded, as the scalar division).</summary>
    static abstract TVector Divide(TVector a, TVector b);

    /// <summary>√v, lane by lane (correctly rounded, as <see cref="Math.Sqrt(double)"/>).</summary>
    static abstract TVector SquareRoot(TVector v);

    /// <summary>
    /// max(0, v) as the plain loop's <c>v &gt; 0 ? v : 0</c> (NaN and −0 give +0): on x86 one <c>max(v, 0)</c>, which
    /// returns its second operand when v is NaN or ±0; elsewhere v masked by v &gt; 0.
    /// </summary>
    static abstract TVector Relu(TVector v);

    /// <summary>The ReLU gate, <c>z &gt; 0 ? g : 0</c> lane by lane (+0 where z is not above 0, NaN included).</summary>
    static abstract TVector Gate(TVector g, TVector z);

    /// <summary>|v|, lane by lane (the sign bit cleared).</summary>
    static abstract TVector Abs(TVector v);

    /// <summary>min(a, b), lane by lane (NaN if either is NaN).</summary>
    static abstract TVector Min(TVector a, TVector b);

    /// <summary>The magnitude of <paramref name="magnitude"/> with the sign bit of <paramref name="sign"/>.</summary>
    static abstract TVector CopySign(TVector magnitude, TVector sign);

    /// <summary><c>a &lt; b ? x : y</c>, lane by lane (y where either is NaN).</summary>
    static abstract TVector SelectWhereLess(TVector a, TVector b, TVector x, TVector y);

    /// <summary><c>z &gt; 0 ? x : y</c>, lane by lane (y where z is NaN or ±0).</summary>
    static abstract TVector SelectWherePositive(TVector z, TVector x, TVector y);

    /// <summary>
    /// e^v, lane by lane, vectorised (<see cref="VectorMath"/>: within a few ulps of <see cref="Math.Exp(double)"/>;
    /// ∞ above the range, 0 below it, NaN for NaN).
    /// </summary>
    static abstract TVector Exp(TVector v);
}

/// <summary>512-bit vectors (AVX-512).</summary>
internal readonly struct Simd512<T> : ISimd<T, Vector512<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector512<T>.Count;

    public static bool IsAccelerated => Vector512.IsHardwareAccelerated && Fma.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(ref readonly T source) => Vector512.LoadUnsafe(in source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<T> value, ref T destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Subtract(Vector512<T> a, Vector512<T> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Add(Vector512<T> a, Vector512<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Multiply(Vector512<T> a, Vector512<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Divide(Vector512<T> a, Vector512<T> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> SquareRoot(Vector512<T> v) => Vector512.Sqrt(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Relu(Vector512<T> v)
    {
        if (typeof(T) == typeof(float) && Avx512F.IsSupported)
        {
            return Avx512F.Max(v.AsSingle(), Vector512<float>.Zero).As<float, T>();         // one vmaxps
        }
        if (typeof(T) == typeof(double) && Avx512F.IsSupported)
        {
            return Avx512F.Max(v.AsDouble(), Vector512<double>.Zero).As<double, T>();
        }
        return Vector512.BitwiseAnd(v, Vector512.GreaterThan(v, Vector512<T>.Zero));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Gate(Vector512<T> g, Vector512<T> z) => Vector512.BitwiseAnd(g, Vector512.GreaterThan(z, Vector512<T>.Zero));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Abs(Vector512<T> v) => Vector512.Abs(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Min(Vector512<T> a, Vector512<T> b) => Vector512.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> CopySign(Vector512<T> magnitude, Vector512<T> sign) => Vector512.CopySign(magnitude, sign);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> SelectWhereLess(Vector512<T> a, Vector512<T> b, Vector512<T> x, Vector512<T> y) => Vector512.ConditionalSelect(Vector512.LessThan(a, b), x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> SelectWherePositive(Vector512<T> z, Vector512<T> x, Vector512<T> y) => Vector512.ConditionalSelect(Vector512.GreaterThan(z, Vector512<T>.Zero), x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Exp(Vector512<T> v) => VectorMath.Exp(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }
        if (typeof(T) == typeof(double))
        {
            return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }
        throw new NotSupportedException($"{typeof(T)} is not float or double.");
    }
}

/// <summary>256-bit vectors (AVX2).</summary>
internal readonly struct Simd256<T> : ISimd<T, Vector256<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector256<T>.Count;

    public static bool IsAccelerated => Vector256.IsHardwareAccelerated && Fma.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(ref readonly T source) => Vector256.LoadUnsafe(in source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<T> value, ref T destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Subtract(Vector256<T> a, Vector256<T> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Add(Vector256<T> a, Vector256<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Multiply(Vector256<T> a, Vector256<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Divide(Vector256<T> a, Vector256<T> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> SquareRoot(Vector256<T> v) => Vector256.Sqrt(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Relu(Vector256<T> v)
    {
        if (typeof(T) == typeof(float) && Avx.IsSupported)
        {
            return Avx.Max(v.AsSingle(), Vector256<float>.Zero).As<float, T>();                 // one vmaxps
        }
        if (typeof(T) == typeof(double) && Avx.IsSupported)
        {
            return Avx.Max(v.AsDouble(), Vector256<double>.Zero).As<double, T>();
        }
        return Vector256.BitwiseAnd(v, Vector256.GreaterThan(v, Vector256<T>.Zero));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Gate(Vector256<T> g, Vector256<T> z) => Vector256.BitwiseAnd(g, Vector256.GreaterThan(z, Vector256<T>.Zero));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Abs(Vector256<T> v) => Vector256.Abs(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Min(Vector256<T> a, Vector256<T> b) => Vector256.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> CopySign(Vector256<T> magnitude, Vector256<T> sign) => Vector256.CopySign(magnitude, sign);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> SelectWhereLess(Vector256<T> a, Vector256<T> b, Vector256<T> x, Vector256<T> y) => Vector256.ConditionalSelect(Vector256.LessThan(a, b), x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> SelectWherePositive(Vector256<T> z, Vector256<T> x, Vector256<T> y) => Vector256.ConditionalSelect(Vector256.GreaterThan(z, Vector256<T>.Zero), x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Exp(Vector256<T> v) => VectorMath.Exp(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }
        if (typeof(T) == typeof(double))
        {
            return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }
        throw new NotSupportedException($"{typeof(T)} is not float or double.");
    }
}

/// <summary>128-bit vectors (SSE, NEON): the tails of narrow layers (2 classes in double).</summary>
internal readonly struct Simd128<T> : ISimd<T, Vector128<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector128<T>.Count;

    public static bool IsAccelerated => Vector128.IsHardwareAccelerated && Fma.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(ref readonly T source) => Vector128.LoadUnsafe(in source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<T> value, ref T destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Broadcast(T value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Subtract(Vector128<T> a, Vector128<T> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Add(Vector128<T> a, Vector128<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Multiply(Vector128<T> a, Vector128<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Divide(Vector128<T> a, Vector128<T> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> SquareRoot(Vector128<T> v) => Vector128.Sqrt(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Relu(Vector128<T> v)
    {
        if (typeof(T) == typeof(float) && Sse.IsSupported)
        {
            return Sse.Max(v.AsSingle(), Vector128<float>.Zero).As<float, T>();                 // one maxps
        }
        if (typeof(T) == typeof(double) && Sse2.IsSupported)
        {
            return Sse2.Max(v.AsDouble(), Vector128<double>.Zero).As<double, T>();
        }
        return Vector128.BitwiseAnd(v, Vector128.GreaterThan(v, Vector128<T>.Zero));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Gate(Vector128<T> g, Vector128<T> z) => Vector128.BitwiseAnd(g, Vector128.GreaterThan(z, Vector128<T>.Zero));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Abs(Vector128<T> v) => Vector128.Abs(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Min(Vector128<T> a, Vector128<T> b) => Vector128.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> CopySign(Vector128<T> magnitude, Vector128<T> sign) => Vector128.CopySign(magnitude, sign);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> SelectWhereLess(Vector128<T> a, Vector128<T> b, Vector128<T> x, Vector128<T> y) => Vector128.ConditionalSelect(Vector128.LessThan(a, b), x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> SelectWherePositive(Vector128<T> z, Vector128<T> x, Vector128<T> y) => Vector128.ConditionalSelect(Vector128.GreaterThan(z, Vector128<T>.Zero), x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Exp(Vector128<T> v) => VectorMath.Exp(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAdd(Vector128<T> a, Vector128<T> b, Vector128<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector128.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }
        if (typeof(T) == typeof(double))
        {
            return Vector128.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }
        throw new NotSupportedException($"{typeof(T)} is not float or double.");
    }
}

/// <summary>Whether the CPU has fused multiply-add (x86 FMA3 or Arm64 AdvSimd).</summary>
internal static class Fma
{
    public static bool IsSupported =>
        System.Runtime.Intrinsics.X86.Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported;
}
