using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// Softmax of two classes from the difference of their logits, a vector of pixels at a time:
/// p_c = e^z_c / (e^z_c + e^z_other) = 1 / (1 + e^d) with d = z_other − z_c. One exponential per pixel and class and
/// no max needed: e^d = ∞ gives p_c = 0 exactly, e^d = 0 gives 1. Within a few ulps of
/// <see cref="SoftmaxCrossEntropy.Softmax{T}"/>: the vectorised exponentials (<see cref="VectorMath.Exp{T}(Vector512{T})"/>:
/// <see cref="FloatMath512"/> for float with AVX-512, <see cref="FloatMath256"/> with AVX2, the same bits; the BCL's otherwise) may round differently from <see cref="Math.Exp(double)"/>.
/// </summary>
internal static class TwoClassSoftmax
{
    /// <summary>p_c = 1 / (1 + e^d), lane by lane, for Vector512/256/128 of float or double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Probability<T, TVector>(TVector d)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
    {
        if (typeof(TVector) == typeof(Vector512<T>))
        {
            Vector512<T> e = VectorMath.Exp(Unsafe.BitCast<TVector, Vector512<T>>(d));
            return Unsafe.BitCast<Vector512<T>, TVector>(Vector512<T>.One / (Vector512<T>.One + e));
        }
        if (typeof(TVector) == typeof(Vector256<T>))
        {
            Vector256<T> e = VectorMath.Exp(Unsafe.BitCast<TVector, Vector256<T>>(d));
            return Unsafe.BitCast<Vector256<T>, TVector>(Vector256<T>.One / (Vector256<T>.One + e));
        }
        if (typeof(TVector) == typeof(Vector128<float>))
        {
            Vector128<float> e = Vector128.Exp(Unsafe.BitCast<TVector, Vector128<float>>(d));
            return Unsafe.BitCast<Vector128<float>, TVector>(Vector128<float>.One / (Vector128<float>.One + e));
        }
        if (typeof(TVector) == typeof(Vector128<double>))
        {
            Vector128<double> e = Vector128.Exp(Unsafe.BitCast<TVector, Vector128<double>>(d));
            return Unsafe.BitCast<Vector128<double>, TVector>(Vector128<double>.One / (Vector128<double>.One + e));
        }
        throw new NotSupportedException($"{typeof(TVector)} is not a vector of float or double.");
    }

    /// <summary>
    /// A row of pixels: p_c = 1 / (1 + e^d) into <paramref name="pc"/> and, if not empty, p_other = 1 / (1 + e^−d) into
    /// <paramref name="pOther"/>, a vector at a time. <paramref name="d"/> holds whole vectors past the row's end: the
    /// last, partial vector is computed whole and goes out through d.
    /// </summary>
    public static void Apply<T, TVector, TSimd>(Span<T> d, Span<T> pc, Span<T> pOther)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        int n = TSimd.Count, width = pc.Length;
        bool both = !pOther.IsEmpty;
        if (d.Length < (width + n - 1) / n * n || (both && pOther.Length != width))
        {
            throw new ArgumentException("Two-class softmax: shapes do not fit.");
        }
        ref T rd = ref MemoryMarshal.GetReference(d);
        ref T rc = ref MemoryMarshal.GetReference(pc);
        ref T ro = ref MemoryMarshal.GetReference(pOther);
        TVector zero = TSimd.Broadcast(T.Zero);
        int x = 0;
        for (; x + n <= width; x += n)
        {
            TVector dx = TSimd.Load(in Unsafe.Add(ref rd, x));
            TSimd.Store(Probability<T, TVector>(dx), ref Unsafe.Add(ref rc, x));                                 // p_c = 1 / (1 + e^d)
            if (both)
            {
                TSimd.Store(Probability<T, TVector>(TSimd.Subtract(zero, dx)), ref Unsafe.Add(ref ro, x));       // p_other = 1 / (1 + e^−d)
            }
        }
        if (x < width)
        {
            TVector dx = TSimd.Load(in Unsafe.Add(ref rd, x));
            TVector other = Probability<T, TVector>(TSimd.Subtract(zero, dx));
            TSimd.Store(Probability<T, TVector>(dx), ref Unsafe.Add(ref rd, x));
            d.Slice(x, width - x).CopyTo(pc[x..]);
            if (both)
            {
                TSimd.Store(other, ref Unsafe.Add(ref rd, x));
                d.Slice(x, width - x).CopyTo(pOther[x..]);
            }
        }
    }
}
