using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// Softmax, cross-entropy and dL/dz = (p − y)/batch for a feature-major batch (see <see cref="FeatureMajor"/>): the
/// steps of <see cref="SoftmaxCrossEntropy"/> with the batch across the lanes, vector exponentials and logarithms
/// (<see cref="FloatMath512"/>: within about one unit in the last place of <see cref="MathF.Exp(float)"/> and <see cref="MathF.Log(float)"/>),
/// p_j = e_j · (1/Σ e) (one division a column), and the loss added lane by lane before across the lanes. Terms e^(z_j − max) below e^−64 ≈ 1.6e−28 count as 0: an
/// overconfident float network would otherwise carry subnormal numbers (a microcode assist each, ~100 cycles) through
/// dL/dz and every gradient; p moves by less than 1e−27.
/// </summary>
internal static class FeatureMajorSoftmax
{
    private const int V = 16;                                                          // floats in a 512-bit vector

    /// <summary>
    /// Over columns [<paramref name="start"/>, <paramref name="end"/>): pᵀ = softmax of each column of zᵀ [classes ×
    /// stride] and dL/dzᵀ = (pᵀ − yᵀ)/batch (zero in the padding); returns the loss of each lane, summed over the
    /// columns that are not padding, and counts in <paramref name="correct"/> those whose most probable class (the
    /// first, on ties) is the label. <paramref name="labelsT"/> holds each column's label as a number, −1 in the padding.
    /// </summary>
    public static Vector512<float> Forward(ReadOnlySpan<float> zT, Span<float> pT, Span<float> dzT, ReadOnlySpan<float> labelsT, int batch, int classes, int stride, int start, int end, ref int correct)
    {
        KernelChecks.Require(
            classes >= 1 && KernelChecks.Holds(zT.Length, classes, stride) && KernelChecks.Holds(pT.Length, classes, stride) && KernelChecks.Holds(dzT.Length, classes, stride)
            && labelsT.Length >= stride && stride % V == 0 && start % V == 0 && end % V == 0 && start >= 0 && end <= stride && batch > 0,
            "Feature-major softmax");
        if (classes == 2)
        {
            return TwoClasses(zT, pT, dzT, labelsT, batch, stride, start, end, ref correct);
        }
        ref float rl = ref MemoryMarshal.GetReference(labelsT);
        Vector512<float> loss = Vector512<float>.Zero;
        Vector512<float> negligible = Vector512.Create(-64f);
        Vector512<float> scale = Vector512.Create(1f / batch);
        for (int n = start; n < end; n += V)
        {
            ref float z = ref Unsafe.Add(ref MemoryMarshal.GetReference(zT), n);
            ref float p = ref Unsafe.Add(ref MemoryMarshal.GetReference(pT), n);
            ref float dz = ref Unsafe.Add(ref MemoryMarshal.GetReference(dzT), n);
            Vector512<float> label = Vector512.LoadUnsafe(ref rl, (nuint)n);
            Vector512<float> max = Vector512.LoadUnsafe(ref z);
            for (int c = 1; c < classes; c++)
            {
                max = Vector512.Max(max, Vector512.LoadUnsafe(ref z, (nuint)(c * stride)));    // subtract the max: no overflow
            }
            Vector512<float> sum = Vector512<float>.Zero;
            Vector512<float> zLabel = max;
            for (int c = 0; c < classes; c++)
            {
                Vector512<float> zc = Vector512.LoadUnsafe(ref z, (nuint)(c * stride));
                Vector512<float> shifted = zc - max;
                Vector512<float> e = FloatMath512.Exp(Vector512.Max(shifted, negligible));             // e^(z_j − max)
                e = Vector512.ConditionalSelect(Vector512.LessThan(shifted, negligible), Vector512<float>.Zero, e);             // below e^−64: 0
                e.StoreUnsafe(ref p, (nuint)(c * stride));
                sum += e;
                zLabel = Vector512.ConditionalSelect(Vector512.Equals(label, Vector512.Create((float)c)), zc, zLabel);
            }
            Vector512<float> share = Vector512<float>.One / sum;
            Vector512<float> real = Vector512.GreaterThanOrEqual(label, Vector512<float>.Zero);                // not padding
            Vector512<float> best = Vector512<float>.Zero, bestClass = Vector512<float>.Zero;
            for (int c = 0; c < classes; c++)
            {
                Vector512<float> pc = Vector512.LoadUnsafe(ref p, (nuint)(c * stride)) * share;           // p_j = e^z_j / Σ e^z_k
                pc.StoreUnsafe(ref p, (nuint)(c * stride));
                Vector512<float> better = c == 0 ? Vector512<float>.AllBitsSet : Vector512.GreaterThan(pc, best); // argmax: the first of equals
                best = Vector512.ConditionalSelect(better, pc, best);
                bestClass = Vector512.ConditionalSelect(better, Vector512.Create((float)c), bestClass);
                Vector512<float> y = Vector512.ConditionalSelect(Vector512.Equals(label, Vector512.Create((float)c)), Vector512<float>.One, Vector512<float>.Zero); // one-hot y
                Vector512.BitwiseAnd((pc - y) * scale, real).StoreUnsafe(ref dz, (nuint)(c * stride));  // dL/dz = (p − y)/B
            }
            loss += Vector512.BitwiseAnd(FloatMath512.Log(sum) - (zLabel - max), real);                 // L = −log p_correct, stably
            correct += BitOperations.PopCount(Vector512.Equals(bestClass, label).ExtractMostSignificantBits());
        }
        return loss;
    }

    /// <summary>
    /// <see cref="Forward"/> for two classes: the larger z's term is e^0 = 1, so one exponential and one division a
    /// column, p_larger = 1/(1 + e) and p_smaller = e/(1 + e) (the same numbers as the general loop).
    /// </summary>
    private static Vector512<float> TwoClasses(ReadOnlySpan<float> zT, Span<float> pT, Span<float> dzT, ReadOnlySpan<float> labelsT, int batch, int stride, int start, int end, ref int correct)
    {
        ref float rz = ref MemoryMarshal.GetReference(zT);
        ref float rp = ref MemoryMarshal.GetReference(pT);
        ref float rd = ref MemoryMarshal.GetReference(dzT);
        ref float rl = ref MemoryMarshal.GetReference(labelsT);
        Vector512<float> loss = Vector512<float>.Zero;
        Vector512<float> negligible = Vector512.Create(-64f);
        Vector512<float> scale = Vector512.Create(1f / batch);
        for (int n = start; n < end; n += V)
        {
            Vector512<float> z0 = Vector512.LoadUnsafe(ref rz, (nuint)n), z1 = Vector512.LoadUnsafe(ref rz, (nuint)(stride + n));
            Vector512<float> label = Vector512.LoadUnsafe(ref rl, (nuint)n);
            Vector512<float> max = Vector512.Max(z0, z1);                                      // subtract the max: no overflow
            Vector512<float> gap = Vector512.Min(z0, z1) - max;
            Vector512<float> e = FloatMath512.Exp(Vector512.Max(gap, negligible));            // e^(z_min − max)
            e = Vector512.ConditionalSelect(Vector512.LessThan(gap, negligible), Vector512<float>.Zero, e); // below e^−64: 0
            Vector512<float> sum = Vector512<float>.One + e;
            Vector512<float> share = Vector512<float>.One / sum;                               // p_j = e^z_j / Σ e^z_k
            Vector512<float> smaller = e * share;
            Vector512<float> firstLarger = Vector512.GreaterThanOrEqual(z0, z1);
            Vector512<float> p0 = Vector512.ConditionalSelect(firstLarger, share, smaller);
            Vector512<float> p1 = Vector512.ConditionalSelect(firstLarger, smaller, share);
            p0.StoreUnsafe(ref rp, (nuint)n);
            p1.StoreUnsafe(ref rp, (nuint)(stride + n));
            Vector512<float> isOne = Vector512.Equals(label, Vector512<float>.One);
            Vector512<float> real = Vector512.GreaterThanOrEqual(label, Vector512<float>.Zero);    // not padding
            Vector512<float> y1 = Vector512.BitwiseAnd(isOne, Vector512<float>.One);              // one-hot y
            Vector512<float> y0 = Vector512.BitwiseAnd(Vector512.Equals(label, Vector512<float>.Zero), Vector512<float>.One);
            Vector512.BitwiseAnd((p0 - y0) * scale, real).StoreUnsafe(ref rd, (nuint)n);      // dL/dz = (p − y)/B
            Vector512.BitwiseAnd((p1 - y1) * scale, real).StoreUnsafe(ref rd, (nuint)(stride + n));
            Vector512<float> zLabel = Vector512.ConditionalSelect(isOne, z1, z0);
            loss += Vector512.BitwiseAnd(FloatMath512.Log(sum) - (zLabel - max), real);       // L = −log p_correct, stably
            Vector512<float> best = Vector512.BitwiseAnd(Vector512.GreaterThan(p1, p0), Vector512<float>.One); // argmax: the first of equals
            correct += BitOperations.PopCount(Vector512.Equals(best, label).ExtractMostSignificantBits());
        }
        return loss;
    }

    /// <summary>Each label as a float, −1 in the padding after the batch.</summary>
    public static void Labels(ReadOnlySpan<int> labels, Span<float> labelsT, int stride)
    {
        if (labelsT.Length < stride || labels.Length > stride)
        {
            throw new ArgumentException("Feature-major labels: shapes do not fit.");
        }
        int n = 0;
        for (; n + Vector512<int>.Count <= labels.Length; n += Vector512<int>.Count)
        {
            Vector512.ConvertToSingle(Vector512.Create(labels.Slice(n, Vector512<int>.Count))).CopyTo(labelsT.Slice(n));
        }
        for (; n < stride; n++)
        {
            labelsT[n] = n < labels.Length ? labels[n] : -1f;
        }
    }
}
