using System.Numerics;

namespace EdgeNet.Optimizers;

/// <summary>
/// Adam as torch.optim.Adam writes it (single-tensor path, amsgrad off), step t = 1, 2, …:
/// <code>
/// d  = g + λ·W                      (coupled weight decay, when λ ≠ 0)
/// m ← β1·m + (1 − β1)·d             first moment
/// v ← β2·v + (1 − β2)·d²            second moment
/// W ← W − (α / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
/// </code>
/// i.e. <c>W ← W − α·m̂ / (√v̂ + ε)</c> with <c>m̂ = m / (1 − β1ᵗ)</c>, <c>v̂ = v / (1 − β2ᵗ)</c>, but with the
/// corrections placed where torch places them, so the rounding is torch's. At t = 1, m̂ = d and √v̂ = |d|: the first
/// step is α in size for every weight whose gradient is well above ε, whatever that gradient is.
/// </summary>
/// <remarks>
/// The vector loop does the scalar loop's operations in the same order, a lane per weight, so it gives the same bits;
/// the scalar loop, the formula as written, does the weights left over.
/// </remarks>
public static class AdamRule
{
    /// <summary>
    /// One update of <paramref name="w"/>; <paramref name="m"/> and <paramref name="v"/> are read and written;
    /// <paramref name="step"/> is t, counting from 1 for the first update.
    /// </summary>
    public static void Step<T>(
        Span<T> w, ReadOnlySpan<T> g, Span<T> m, Span<T> v, int step, double learningRate, double beta1, double beta2, double eps, double weightDecay)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        (double correction1, double correction2) = BiasCorrections(beta1, beta2, step);
        Step(w, g, m, v, correction1, correction2, learningRate, beta1, beta2, eps, weightDecay);
    }

    /// <summary>
    /// As <see cref="Step{T}(Span{T}, ReadOnlySpan{T}, Span{T}, Span{T}, int, double, double, double, double, double)"/> with
    /// the bias corrections 1 − β1ᵗ and 1 − β2ᵗ already computed (<see cref="BiasCorrections"/>), once for every layer.
    /// </summary>
    internal static void Step<T>(
        Span<T> w, ReadOnlySpan<T> g, Span<T> m, Span<T> v, double correction1, double correction2, double learningRate, double beta1, double beta2, double eps, double weightDecay)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        OptimizerChecks.SameLength(w.Length, g.Length, m.Length, v.Length);
        T negativeStepSize = T.CreateTruncating(-(learningRate / correction1));   // −α / (1 − β1ᵗ)
        T correction2Root = T.CreateTruncating(Math.Sqrt(correction2));          // √(1 − β2ᵗ)
        T b1 = T.CreateTruncating(beta1);
        T b2 = T.CreateTruncating(beta2);
        T oneMinusB1 = T.CreateTruncating(1 - beta1);
        T oneMinusB2 = T.CreateTruncating(1 - beta2);
        T epsilon = T.CreateTruncating(eps);
        T lambda = T.CreateTruncating(weightDecay);
        bool decay = weightDecay != 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            Vector<T> vNegativeStepSize = new(negativeStepSize), vCorrection2Root = new(correction2Root), vB1 = new(b1), vB2 = new(b2);
            Vector<T> vOneMinusB1 = new(oneMinusB1), vOneMinusB2 = new(oneMinusB2), vEpsilon = new(epsilon), vLambda = new(lambda);
            for (; i <= w.Length - Vector<T>.Count; i += Vector<T>.Count)   // the loop below, Vector<T>.Count weights at a time
            {
                Vector<T> wi = new(w[i..]), d = decay ? new Vector<T>(g[i..]) + vLambda * wi : new Vector<T>(g[i..]);
                Vector<T> mi = new Vector<T>(m[i..]) * vB1 + vOneMinusB1 * d;
                Vector<T> vi = new Vector<T>(v[i..]) * vB2 + vOneMinusB2 * d * d;
                mi.CopyTo(m[i..]);
                vi.CopyTo(v[i..]);
                Vector<T> denominator = Vector.SquareRoot(vi) / vCorrection2Root + vEpsilon;
                (wi + vNegativeStepSize * mi / denominator).CopyTo(w[i..]);
            }
        }
        for (; i < w.Length; i++)
        {
            T d = decay ? g[i] + lambda * w[i] : g[i];        // d = g + λ·W
            T mi = m[i] * b1 + oneMinusB1 * d;                  // m ← β1·m + (1 − β1)·d      exp_avg.mul_(β1).add_(d, alpha=1−β1)
            T vi = v[i] * b2 + oneMinusB2 * d * d;              // v ← β2·v + (1 − β2)·d²     exp_avg_sq.mul_(β2).addcmul_(d, d, value=1−β2)
            m[i] = mi;
            v[i] = vi;
            T denominator = T.Sqrt(vi) / correction2Root + epsilon;  // √v / √(1 − β2ᵗ) + ε
            w[i] += negativeStepSize * mi / denominator;        // W ← W − step_size·m / denominator   param.addcdiv_(m, denom, value=−step_size)
        }
    }

    /// <summary>1 − β1ᵗ and 1 − β2ᵗ, computed as Python computes <c>1 - beta1 ** step</c>.</summary>
    public static (double First, double Second) BiasCorrections(double beta1, double beta2, int step) =>
        (1 - Math.Pow(beta1, step), 1 - Math.Pow(beta2, step));
}
