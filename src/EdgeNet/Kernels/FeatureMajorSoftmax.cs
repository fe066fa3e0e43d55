using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// Softmax, cross-entropy and dL/dz = (p − y)/batch for a feature-major batch (see <see cref="FeatureMajor"/>): the
/// steps of <see cref="SoftmaxCrossEntropy"/> with the batch across the lanes, vector exponentials and logarithms
/// (<see cref="FloatMath512"/>: within about one unit in the last place of <see cref="MathF.Exp(float)"/> and <see cref="MathF.Log(float)"/>),
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
    public static float Forward(ReadOnlySpan<float> zT, Span<float> pT, ReadOnlySpan<float> labelsT, int classes, int stride, out int correct)
    {
        if (zT.Length < classes * stride || pT.Length < classes * stride || labelsT.Length < stride || stride % Vector512<float>.Count != 0)
        {
            throw new ArgumentException("Feature-major softmax: shapes do not fit.");
        }
        ref float rz = ref MemoryMarshal.GetReference(zT);
        ref float rp = ref MemoryMarshal.GetReference(pT);
        ref float rl = ref MemoryMarshal.GetReference(labelsT);
        int v = Vector512<float>.Count;
        Vector512<float> loss = Vector512<float>.Zero;
        Vector512<float> negligible = Vector512.Create(-64f);
        correct = 0;
        for (int n = 0; n < stride; n += v)
        {
            ref float z = ref Unsafe.Add(ref rz, n);
            ref float p = ref Unsafe.Add(ref rp, n);
            Vector512<float> label = Vector512.LoadUnsafe(ref rl, (nuint)n);
            Vector512<float> max = Vector512.LoadUnsafe(ref z);
            for (int c = 1; c < classes; c++)
            {
                max = Vector512.Max(max, Vector512.LoadUnsafe(ref z, (nuint)(c * stride)));    // subtract the max: no overflow
            }
            Vector512<float> other = classes == 2                                                          // two classes: one exponential,
                ? FloatMath512.Exp(Vector512.Max(Vector512.Min(Vector512.LoadUnsafe(ref z), Vector512.LoadUnsafe(ref z, (nuint)stride)) - max, negligible)) // e^(z_min − max)
                : default;
            Vector512<float> sum = Vector512<float>.Zero;
            Vector512<float> zLabel = max;
            for (int c = 0; c < classes; c++)
            {
                Vector512<float> zc = Vector512.LoadUnsafe(ref z, (nuint)(c * stride));
                Vector512<float> shifted = zc - max;
                Vector512<float> e = Vector512.ConditionalSelect(Vector512.Equals(shifted, Vector512<float>.Zero), Vector512<float>.One, classes == 2 ? other : FloatMath512.Exp(Vector512.Max(shifted, negligible))); // e^(z_j − max); the max's own is 1
                e = Vector512.ConditionalSelect(Vector512.LessThan(shifted, negligible), Vector512<float>.Zero, e);             // below e^−64: 0
                e.StoreUnsafe(ref p, (nuint)(c * stride));
                sum += e;
                zLabel = Vector512.ConditionalSelect(Vector512.Equals(label, Vector512.Create((float)c)), zc, zLabel);
            }
            Vector512<float> best = Vector512<float>.Zero, bestClass = Vector512<float>.Zero;
            for (int c = 0; c < classes; c++)
            {
                Vector512<float> pc = Vector512.LoadUnsafe(ref p, (nuint)(c * stride)) / sum;             // p_j = e^z_j / Σ e^z_k
                pc.StoreUnsafe(ref p, (nuint)(c * stride));
                Vector512<float> better = c == 0 ? Vector512<float>.AllBitsSet : Vector512.GreaterThan(pc, best); // argmax: the first of equals
                best = Vector512.ConditionalSelect(better, pc, best);
                bestClass = Vector512.ConditionalSelect(better, Vector512.Create((float)c), bestClass);
            }
            Vector512<float> real = Vector512.GreaterThanOrEqual(label, Vector512<float>.Zero);                // not padding
            loss += Vector512.ConditionalSelect(real, FloatMath512.Log(sum) - (zLabel - max), Vector512<float>.Zero);   // L = −log p_correct, stably
            correct += BitOperations.PopCount(Vector512.Equals(bestClass, label).ExtractMostSignificantBits());
        }
        return Vector512.Sum(loss);
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

    /// <summary>dL/dzᵀ = (pᵀ − yᵀ)/batch, zero in the padding columns (labels −1).</summary>
    public static void Backward(ReadOnlySpan<float> pT, ReadOnlySpan<float> labelsT, int batch, int classes, int stride, Span<float> dzT)
    {
        if (pT.Length < classes * stride || labelsT.Length < stride || dzT.Length < classes * stride || stride % Vector512<float>.Count != 0)
        {
            throw new ArgumentException("Feature-major softmax backward: shapes do not fit.");
        }
        ref float rp = ref MemoryMarshal.GetReference(pT);
        ref float rl = ref MemoryMarshal.GetReference(labelsT);
        ref float rd = ref MemoryMarshal.GetReference(dzT);
        Vector512<float> scale = Vector512.Create(1f / batch);
        int v = Vector512<float>.Count;
        for (int c = 0; c < classes; c++)
        {
            Vector512<float> cls = Vector512.Create((float)c);
            for (int n = 0; n < stride; n += v)
            {
                Vector512<float> label = Vector512.LoadUnsafe(ref rl, (nuint)n);
                Vector512<float> y = Vector512.ConditionalSelect(Vector512.Equals(label, cls), Vector512<float>.One, Vector512<float>.Zero); // one-hot y
                Vector512<float> dz = (Vector512.LoadUnsafe(ref rp, (nuint)((c * stride) + n)) - y) * scale;      // dL/dz = (p − y)/B
                Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(label, Vector512<float>.Zero), dz, Vector512<float>.Zero)
                    .StoreUnsafe(ref rd, (nuint)((c * stride) + n));
            }
        }
    }
}
