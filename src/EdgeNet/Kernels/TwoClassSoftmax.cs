using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// Softmax of two classes for many pixels from the difference of their logits: p0 = e^z0 / (e^z0 + e^z1) =
/// 1 / (1 + e^(z1 − z0)), one exponential per pixel and class, no max needed (e^(z1 − z0) = ∞ gives p0 = 0 exactly).
/// Within a few ulps of <see cref="SoftmaxCrossEntropy.Softmax{T}"/>: the vectorised exponentials
/// (<see cref="FloatExp"/> for float with AVX-512) may round differently from <see cref="Math.Exp(double)"/>.
/// </summary>
internal static class TwoClassSoftmax
{
    /// <summary>
    /// p = 1 / (1 + e^d) for each d (d = z_other − z_c gives p_c), or 1 / (1 + e^−d) with <paramref name="negate"/>
    /// (the other class).
    /// </summary>
    public static void FromDifference<T>(ReadOnlySpan<T> d, Span<T> p, bool negate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (p.Length > d.Length)
        {
            throw new ArgumentException("Two-class softmax: shapes do not fit.");
        }
        ref T rd = ref MemoryMarshal.GetReference(d);
        ref T rp = ref MemoryMarshal.GetReference(p);
        int i = 0, count = p.Length;
        if (typeof(T) == typeof(float) && FloatExp.IsSupported)
        {
            Vector512<float> sign = negate ? Vector512.Create(-1f) : Vector512<float>.One;
            for (; i + 16 <= count; i += 16)
            {
                Vector512<float> e = FloatExp.Exp(Vector512.LoadUnsafe(ref Unsafe.As<T, float>(ref rd), (nuint)i) * sign); // e^(z_other − z_c)
                (Vector512<float>.One / (Vector512<float>.One + e)).StoreUnsafe(ref Unsafe.As<T, float>(ref rp), (nuint)i);  // p_c = 1 / (1 + e^(z_other − z_c))
            }
        }
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<T> sign = negate ? -Vector512<T>.One : Vector512<T>.One;
            for (; i + Vector512<T>.Count <= count; i += Vector512<T>.Count)
            {
                Vector512<T> e = VectorMath.Exp(Vector512.LoadUnsafe(ref rd, (nuint)i) * sign);
                (Vector512<T>.One / (Vector512<T>.One + e)).StoreUnsafe(ref rp, (nuint)i);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<T> sign = negate ? -Vector256<T>.One : Vector256<T>.One;
            for (; i + Vector256<T>.Count <= count; i += Vector256<T>.Count)
            {
                Vector256<T> e = VectorMath.Exp(Vector256.LoadUnsafe(ref rd, (nuint)i) * sign);
                (Vector256<T>.One / (Vector256<T>.One + e)).StoreUnsafe(ref rp, (nuint)i);
            }
        }
        for (; i < count; i++)
        {
            T di = Unsafe.Add(ref rd, i);
            Unsafe.Add(ref rp, i) = T.One / (T.One + T.Exp(negate ? -di : di));
        }
    }
}
