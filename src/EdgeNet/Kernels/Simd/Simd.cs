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
