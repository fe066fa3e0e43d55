using System.Numerics;
using System.Runtime.CompilerServices;

namespace EdgeNet;

/// <summary>
/// Softmax and cross-entropy fused (tutorial Parts 3–4 and A.1): stable probabilities, the loss
/// −log p_correct without an epsilon, and the gradient dL/dz = p − y.
/// </summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>
    /// Writes p = softmax(z) row by row and returns the summed loss of the batch.
    /// Counts in <paramref name="correct"/> the rows whose most probable class is the label.
    /// </summary>
    public static T Forward<T>(ReadOnlySpan<T> z, Span<T> p, ReadOnlySpan<int> labels, int classes, out int correct)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T lossSum = T.Zero;
        correct = 0;
        for (int n = 0; n < labels.Length; n++)
        {
            ReadOnlySpan<T> zRow = z.Slice(n * classes, classes);
            Span<T> pRow = p.Slice(n * classes, classes);
            T logSumExp = Softmax(zRow, pRow, out T max);
            int label = labels[n];
            lossSum += logSumExp - (zRow[label] - max);            // L = −log p_correct, stably
            correct += ArgMax(pRow) == label ? 1 : 0;              // (no branch to mispredict)
        }
        return lossSum;
    }

    /// <summary>
    /// p = exp(z − max z) / Σ exp(z − max z) (tutorial Part 3); returns log Σ exp(z − max z).
    /// </summary>
    public static T Softmax<T>(ReadOnlySpan<T> z, Span<T> p, out T max)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        p = p[..z.Length];
        T largest = z[0];
        for (int k = 1; k < z.Length; k++)
        {
            largest = T.Max(largest, z[k]);                         // subtract the max: no overflow
        }
        T sum = T.Zero;
        for (int k = 0; k < z.Length; k++)
        {
            T shifted = z[k] - largest;
            T e = shifted == T.Zero ? T.One : Exp(shifted);        // e^(z_j − max); the max's own term is e^0 = 1 exactly
            p[k] = e;
            sum += e;
        }
        for (int k = 0; k < p.Length; k++)
        {
            p[k] /= sum;                                            // p_j = e^z_j / Σ e^z_k
        }
        max = largest;
        return Log(sum);
    }

    /// <summary>dL/dz = (p − y) / batch: the mean over the batch of the tutorial's p − y (A.1).</summary>
    public static void Backward<T>(ReadOnlySpan<T> p, ReadOnlySpan<int> labels, int classes, Span<T> dz)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (labels.Length == 1)
        {
            int label = labels[0];
            for (int k = 0; k < classes; k++)
            {
                dz[k] = p[k] - (k == label ? T.One : T.Zero);          // dL/dz = p − y, one-hot y
            }
            return;
        }
        T scale = T.One / T.CreateChecked(labels.Length);
        for (int n = 0; n < labels.Length; n++)
        {
            for (int k = 0; k < classes; k++)
            {
                int i = n * classes + k;
                T y = k == labels[n] ? T.One : T.Zero;              // one-hot y
                dz[i] = (p[i] - y) * scale;                         // dL/dz = (p − y) / batch
            }
        }
    }

    /// <summary>
    /// One row, all at once (the per-sample loop's step): p = softmax(z) into <paramref name="p"/>, dL/dz = p − y into
    /// <paramref name="dz"/>, whether the most probable class is <paramref name="label"/>, and L = −log p_label returned:
    /// <see cref="Forward{T}"/> and <see cref="Backward{T}"/> for a batch of one.
    /// </summary>
    internal static T Row<T>(ReadOnlySpan<T> z, Span<T> p, Span<T> dz, int label, out bool right)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T logSumExp = Softmax(z, p, out T max);                                       // p = softmax(z)
        for (int k = 0; k < z.Length; k++)
        {
            dz[k] = p[k] - (k == label ? T.One : T.Zero);                               // dL/dz = p − y
        }
        right = ArgMax<T>(p[..z.Length]) == label;
        return logSumExp - (z[label] - max);                                            // L = −log p_correct, stably
    }

    /// <summary>The first index of the largest value, as NumPy's argmax.</summary>
    public static int ArgMax<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int best = 0;
        for (int k = 1; k < values.Length; k++)
        {
            best = values[k] > values[best] ? k : best;
        }
        return best;
    }

    /// <summary>e^x through <see cref="Math.Exp"/> or <see cref="MathF.Exp"/> directly (the generic T.Exp adds a call).</summary>
    private static T Exp<T>(T x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            double e = Math.Exp(Unsafe.As<T, double>(ref x));
            return Unsafe.As<double, T>(ref e);
        }
        if (typeof(T) == typeof(float))
        {
            float e = MathF.Exp(Unsafe.As<T, float>(ref x));
            return Unsafe.As<float, T>(ref e);
        }
        return T.Exp(x);
    }

    /// <summary>log x through <see cref="Math.Log(double)"/> or <see cref="MathF.Log(float)"/> directly.</summary>
    private static T Log<T>(T x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            double l = Math.Log(Unsafe.As<T, double>(ref x));
            return Unsafe.As<double, T>(ref l);
        }
        if (typeof(T) == typeof(float))
        {
            float l = MathF.Log(Unsafe.As<T, float>(ref x));
            return Unsafe.As<float, T>(ref l);
        }
        return T.Log(x);
    }
}
