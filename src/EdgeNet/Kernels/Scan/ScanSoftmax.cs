using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// Softmax down the columns of z [classes × stride], in place, many columns (pixels) per vector: the same steps
/// as <see cref="SoftmaxCrossEntropy.Softmax{T}"/> (max, e^(z − max), sum in class order, divide), with a
/// vectorised exponential that may round its last bit differently from <see cref="Math.Exp(double)"/>.
/// </summary>
internal static class ScanSoftmax
{
    public static void Apply<T>(Span<T> z, int classes, int stride, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.Require(classes >= 1 && count >= 0 && count <= stride && z.Length >= ((classes - 1L) * stride) + count, "Column softmax");
        ref T rz = ref MemoryMarshal.GetReference(z);
        int p = 0;
        if (classes == 2 && Vector512.IsHardwareAccelerated)
        {
            p = TwoClasses(ref rz, stride, count);
        }
        if (Vector512.IsHardwareAccelerated)
        {
            for (; p + Vector512<T>.Count <= count; p += Vector512<T>.Count)
            {
                ref T column = ref Unsafe.Add(ref rz, p);
                Vector512<T> max = Vector512.LoadUnsafe(ref column);
                for (int c = 1; c < classes; c++)
                {
                    max = Vector512.Max(max, Vector512.LoadUnsafe(ref column, (nuint)(c * stride)));   // subtract the max
                }
                Vector512<T> sum = Vector512<T>.Zero;
                for (int c = 0; c < classes; c++)
                {
                    Vector512<T> e = VectorMath.Exp(Vector512.LoadUnsafe(ref column, (nuint)(c * stride)) - max); // e^(z_j − max)
                    e.StoreUnsafe(ref column, (nuint)(c * stride));
                    sum += e;
                }
                for (int c = 0; c < classes; c++)
                {
                    (Vector512.LoadUnsafe(ref column, (nuint)(c * stride)) / sum).StoreUnsafe(ref column, (nuint)(c * stride)); // p_j
                }
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; p + Vector256<T>.Count <= count; p += Vector256<T>.Count)
            {
                ref T column = ref Unsafe.Add(ref rz, p);
                Vector256<T> max = Vector256.LoadUnsafe(ref column);
                for (int c = 1; c < classes; c++)
                {
                    max = Vector256.Max(max, Vector256.LoadUnsafe(ref column, (nuint)(c * stride)));   // subtract the max
                }
                Vector256<T> sum = Vector256<T>.Zero;
                for (int c = 0; c < classes; c++)
                {
                    Vector256<T> e = VectorMath.Exp(Vector256.LoadUnsafe(ref column, (nuint)(c * stride)) - max); // e^(z_j − max)
                    e.StoreUnsafe(ref column, (nuint)(c * stride));
                    sum += e;
                }
                for (int c = 0; c < classes; c++)
                {
                    (Vector256.LoadUnsafe(ref column, (nuint)(c * stride)) / sum).StoreUnsafe(ref column, (nuint)(c * stride)); // p_j
                }
            }
        }
        for (; p < count; p++)
        {
            T max = Unsafe.Add(ref rz, p);
            for (int c = 1; c < classes; c++)
            {
                max = T.Max(max, Unsafe.Add(ref rz, (c * stride) + p));
            }
            T sum = T.Zero;
            for (int c = 0; c < classes; c++)
            {
                ref T e = ref Unsafe.Add(ref rz, (c * stride) + p);
                e = T.Exp(e - max);
                sum += e;
            }
            for (int c = 0; c < classes; c++)
            {
                Unsafe.Add(ref rz, (c * stride) + p) /= sum;
            }
        }
    }

    /// <summary>
    /// Two classes: the larger z's term is e^0 = 1 exactly, so one exponential a pixel instead of two (held to the
    /// plain softmax within the same tolerance as the general loop). Returns the first pixel left.
    /// </summary>
    private static int TwoClasses<T>(ref T z, int stride, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int p = 0;
        for (; p + Vector512<T>.Count <= count; p += Vector512<T>.Count)
        {
            ref T column = ref Unsafe.Add(ref z, p);
            Vector512<T> a = Vector512.LoadUnsafe(ref column), b = Vector512.LoadUnsafe(ref column, (nuint)stride);
            Vector512<T> max = Vector512.Max(a, b);                                                 // subtract the max
            Vector512<T> e = VectorMath.Exp(Vector512.Min(a, b) - max);                                        // the other term, e^(z_min − max)
            Vector512<T> ea = Vector512.ConditionalSelect(Vector512.Equals(a, max), Vector512<T>.One, e);
            Vector512<T> eb = Vector512.ConditionalSelect(Vector512.Equals(b, max), Vector512<T>.One, e);
            Vector512<T> sum = ea + eb;
            (ea / sum).StoreUnsafe(ref column);                                                     // p_j = e^z_j / Σ e^z_k
            (eb / sum).StoreUnsafe(ref column, (nuint)stride);
        }
        return p;
    }
}
