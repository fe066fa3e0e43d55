using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// Softmax, cross-entropy and dL/dz = (p − y)/batch for a feature-major batch (see <see cref="FeatureMajor"/>): the
/// steps of <see cref="SoftmaxCrossEntropy"/> with the batch across the lanes, vector exponentials and logarithms
/// (which may round the last bit differently from <see cref="Math.Exp(double)"/> and <see cref="Math.Log(double)"/>),
/// and the loss added lane by lane before across the lanes. Terms e^(z_j − max) below e^−64 ≈ 1.6e−28 count as 0: an
/// overconfident float network would otherwise carry subnormal numbers (a microcode assist each, ~100 cycles) through
/// dL/dz and every gradient, and the exponential takes its slow path far from 0; p moves by less than 1e−27.
/// </summary>
internal static class FeatureMajorSoftmax
{
    /// <summary>
    /// pᵀ = softmax of each column of zᵀ [classes × stride]; returns the summed loss of the columns
    /// that are not padding and counts those whose most probable class (the first, on ties) is the label.
    /// <paramref name="labelsT"/> holds each column's label as a number, −1 in the padding.
    /// </summary>
    public static T Forward<T>(ReadOnlySpan<T> zT, Span<T> pT, ReadOnlySpan<T> labelsT, int classes, int stride, out int correct)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (zT.Length < classes * stride || pT.Length < classes * stride || labelsT.Length < stride || stride % Vector512<T>.Count != 0)
        {
            throw new ArgumentException("Feature-major softmax: shapes do not fit.");
        }
        ref T rz = ref MemoryMarshal.GetReference(zT);
        ref T rp = ref MemoryMarshal.GetReference(pT);
        ref T rl = ref MemoryMarshal.GetReference(labelsT);
        int v = Vector512<T>.Count;
        Vector512<T> loss = Vector512<T>.Zero;
        Vector512<T> negligible = Vector512.Create(T.CreateTruncating(-64));
        correct = 0;
        for (int n = 0; n < stride; n += v)
        {
            ref T z = ref Unsafe.Add(ref rz, n);
            ref T p = ref Unsafe.Add(ref rp, n);
            Vector512<T> label = Vector512.LoadUnsafe(ref rl, (nuint)n);
            Vector512<T> max = Vector512.LoadUnsafe(ref z);
            for (int c = 1; c < classes; c++)
            {
                max = Vector512.Max(max, Vector512.LoadUnsafe(ref z, (nuint)(c * stride)));    // subtract the max: no overflow
            }
            Vector512<T> other = classes == 2                                                          // two classes: one exponential,
                ? VectorMath.Exp(Vector512.Max(Vector512.Min(Vector512.LoadUnsafe(ref z), Vector512.LoadUnsafe(ref z, (nuint)stride)) - max, negligible)) // e^(z_min − max)
                : default;
            Vector512<T> sum = Vector512<T>.Zero;
            Vector512<T> zLabel = max;
            for (int c = 0; c < classes; c++)
            {
                Vector512<T> zc = Vector512.LoadUnsafe(ref z, (nuint)(c * stride));
                Vector512<T> shifted = zc - max;
                Vector512<T> e = Vector512.ConditionalSelect(Vector512.Equals(shifted, Vector512<T>.Zero), Vector512<T>.One, classes == 2 ? other : VectorMath.Exp(Vector512.Max(shifted, negligible))); // e^(z_j − max); the max's own is 1
                e = Vector512.ConditionalSelect(Vector512.LessThan(shifted, negligible), Vector512<T>.Zero, e);             // below e^−64: 0
                e.StoreUnsafe(ref p, (nuint)(c * stride));
                sum += e;
                zLabel = Vector512.ConditionalSelect(Vector512.Equals(label, Vector512.Create(T.CreateTruncating(c))), zc, zLabel);
            }
            Vector512<T> best = Vector512<T>.Zero, bestClass = Vector512<T>.Zero;
            for (int c = 0; c < classes; c++)
            {
                Vector512<T> pc = Vector512.LoadUnsafe(ref p, (nuint)(c * stride)) / sum;             // p_j = e^z_j / Σ e^z_k
                pc.StoreUnsafe(ref p, (nuint)(c * stride));
                Vector512<T> better = c == 0 ? Vector512<T>.AllBitsSet : Vector512.GreaterThan(pc, best); // argmax: the first of equals
                best = Vector512.ConditionalSelect(better, pc, best);
                bestClass = Vector512.ConditionalSelect(better, Vector512.Create(T.CreateTruncating(c)), bestClass);
            }
            Vector512<T> real = Vector512.GreaterThanOrEqual(label, Vector512<T>.Zero);                // not padding
            loss += Vector512.ConditionalSelect(real, VectorMath.Log(sum) - (zLabel - max), Vector512<T>.Zero);   // L = −log p_correct, stably
            correct += BitOperations.PopCount(Vector512.Equals(bestClass, label).ExtractMostSignificantBits());
        }
        return Vector512.Sum(loss);
    }

    /// <summary>Each label as a number of type T, −1 in the padding after the batch.</summary>
    public static void Labels<T>(ReadOnlySpan<int> labels, Span<T> labelsT, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (labelsT.Length < stride || labels.Length > stride)
        {
            throw new ArgumentException("Feature-major labels: shapes do not fit.");
        }
        int n = 0;
        if (typeof(T) == typeof(float))
        {
            Span<float> asFloat = MemoryMarshal.Cast<T, float>(labelsT);
            for (; n + Vector512<int>.Count <= labels.Length; n += Vector512<int>.Count)
            {
                Vector512.ConvertToSingle(Vector512.Create(labels.Slice(n, Vector512<int>.Count))).CopyTo(asFloat.Slice(n));
            }
        }
        for (; n < stride; n++)
        {
            labelsT[n] = n < labels.Length ? T.CreateTruncating(labels[n]) : -T.One;
        }
    }

    /// <summary>dL/dzᵀ = (pᵀ − yᵀ)/batch, zero in the padding columns (labels −1).</summary>
    public static void Backward<T>(ReadOnlySpan<T> pT, ReadOnlySpan<T> labelsT, int batch, int classes, int stride, Span<T> dzT)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (pT.Length < classes * stride || labelsT.Length < stride || dzT.Length < classes * stride || stride % Vector512<T>.Count != 0)
        {
            throw new ArgumentException("Feature-major softmax backward: shapes do not fit.");
        }
        ref T rp = ref MemoryMarshal.GetReference(pT);
        ref T rl = ref MemoryMarshal.GetReference(labelsT);
        ref T rd = ref MemoryMarshal.GetReference(dzT);
        Vector512<T> scale = Vector512.Create(T.One / T.CreateChecked(batch));
        int v = Vector512<T>.Count;
        for (int c = 0; c < classes; c++)
        {
            Vector512<T> cls = Vector512.Create(T.CreateTruncating(c));
            for (int n = 0; n < stride; n += v)
            {
                Vector512<T> label = Vector512.LoadUnsafe(ref rl, (nuint)n);
                Vector512<T> y = Vector512.ConditionalSelect(Vector512.Equals(label, cls), Vector512<T>.One, Vector512<T>.Zero); // one-hot y
                Vector512<T> dz = (Vector512.LoadUnsafe(ref rp, (nuint)((c * stride) + n)) - y) * scale;      // dL/dz = (p − y)/B
                Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(label, Vector512<T>.Zero), dz, Vector512<T>.Zero)
                    .StoreUnsafe(ref rd, (nuint)((c * stride) + n));
            }
        }
    }
}
