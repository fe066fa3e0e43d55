using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// Softmax of two classes for many pixels, z [2 × stride] in place: p0 = e^z0 / (e^z0 + e^z1) = 1 / (1 + e^(z1 − z0)),
/// one exponential per pixel and class, no max needed (e^(z1 − z0) = ∞ gives p0 = 0 exactly). Within a few ulps of
/// <see cref="SoftmaxCrossEntropy.Softmax{T}"/>; the vectorised exponential may round differently from
/// <see cref="Math.Exp(double)"/>.
/// </summary>
internal static class TwoClassSoftmax
{
    /// <summary>Replaces row <paramref name="c"/> of z by p_c for the first <paramref name="count"/> pixels (c = 0 or 1).</summary>
    public static void Apply<T>(Span<T> z, int stride, int count, int c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if ((uint)c > 1 || count > stride || z.Length < stride + count)
        {
            throw new ArgumentException("Two-class softmax: shapes do not fit.");
        }
        ref T mine = ref Unsafe.Add(ref MemoryMarshal.GetReference(z), c * stride);
        ref T other = ref Unsafe.Add(ref MemoryMarshal.GetReference(z), (1 - c) * stride);
        int p = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; p + Vector512<T>.Count <= count; p += Vector512<T>.Count)
            {
                Vector512<T> e = VectorMath.Exp(Vector512.LoadUnsafe(ref other, (nuint)p) - Vector512.LoadUnsafe(ref mine, (nuint)p)); // e^(z_other − z_c)
                (Vector512<T>.One / (Vector512<T>.One + e)).StoreUnsafe(ref mine, (nuint)p);                                           // p_c = 1 / (1 + e^(z_other − z_c))
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; p + Vector256<T>.Count <= count; p += Vector256<T>.Count)
            {
                Vector256<T> e = VectorMath.Exp(Vector256.LoadUnsafe(ref other, (nuint)p) - Vector256.LoadUnsafe(ref mine, (nuint)p));
                (Vector256<T>.One / (Vector256<T>.One + e)).StoreUnsafe(ref mine, (nuint)p);
            }
        }
        for (; p < count; p++)
        {
            Unsafe.Add(ref mine, p) = T.One / (T.One + T.Exp(Unsafe.Add(ref other, p) - Unsafe.Add(ref mine, p)));
        }
    }

    /// <summary>Replaces both rows of z by p0 and p1 for the first <paramref name="count"/> pixels.</summary>
    public static void ApplyBoth<T>(Span<T> z, int stride, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (count > stride || z.Length < stride + count)
        {
            throw new ArgumentException("Two-class softmax: shapes do not fit.");
        }
        ref T z0 = ref MemoryMarshal.GetReference(z);
        ref T z1 = ref Unsafe.Add(ref z0, stride);
        int p = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; p + Vector512<T>.Count <= count; p += Vector512<T>.Count)
            {
                Vector512<T> a = Vector512.LoadUnsafe(ref z0, (nuint)p), b = Vector512.LoadUnsafe(ref z1, (nuint)p);
                (Vector512<T>.One / (Vector512<T>.One + VectorMath.Exp(b - a))).StoreUnsafe(ref z0, (nuint)p);    // p0 = 1 / (1 + e^(z1 − z0))
                (Vector512<T>.One / (Vector512<T>.One + VectorMath.Exp(a - b))).StoreUnsafe(ref z1, (nuint)p);    // p1 = 1 / (1 + e^(z0 − z1))
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; p + Vector256<T>.Count <= count; p += Vector256<T>.Count)
            {
                Vector256<T> a = Vector256.LoadUnsafe(ref z0, (nuint)p), b = Vector256.LoadUnsafe(ref z1, (nuint)p);
                (Vector256<T>.One / (Vector256<T>.One + VectorMath.Exp(b - a))).StoreUnsafe(ref z0, (nuint)p);
                (Vector256<T>.One / (Vector256<T>.One + VectorMath.Exp(a - b))).StoreUnsafe(ref z1, (nuint)p);
            }
        }
        for (; p < count; p++)
        {
            T a = Unsafe.Add(ref z0, p), b = Unsafe.Add(ref z1, p);
            Unsafe.Add(ref z0, p) = T.One / (T.One + T.Exp(b - a));
            Unsafe.Add(ref z1, p) = T.One / (T.One + T.Exp(a - b));
        }
    }
}
