using System.Numerics;

namespace EdgeNet.Optimizers;

/// <summary>
/// AdamW as torch.optim.AdamW writes it: first the decoupled decay <c>W ← W·(1 − α·λ)</c>, then
/// <see cref="AdamRule"/> on the gradient itself (no λ·W added to it). The decay shrinks every weight by the same
/// factor whatever its gradient, where Adam's coupled decay is divided by √v̂ like the gradient.
/// </summary>
/// <remarks>
/// The vector loop does the scalar loop's operations in the same order, a lane per weight, so it gives the same bits;
/// the scalar loop, the formula as written, does the weights left over.
/// </remarks>
public static class AdamWRule
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
        (double correction1, double correction2) = AdamRule.BiasCorrections(beta1, beta2, step);
        Step(w, g, m, v, correction1, correction2, learningRate, beta1, beta2, eps, weightDecay);
    }

    /// <summary>As the public step, with the bias corrections 1 − β1ᵗ and 1 − β2ᵗ already computed, once for every layer.</summary>
    internal static void Step<T>(
        Span<T> w, ReadOnlySpan<T> g, Span<T> m, Span<T> v, double correction1, double correction2, double learningRate, double beta1, double beta2, double eps, double weightDecay)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        OptimizerChecks.SameLength(w.Length, g.Length, m.Length, v.Length);
        T shrink = T.CreateTruncating(1 - learningRate * weightDecay);
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            Vector<T> vShrink = new(shrink);
            for (; i <= w.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                (new Vector<T>(w[i..]) * vShrink).CopyTo(w[i..]);
            }
        }
        for (; i < w.Length; i++)
        {
            w[i] *= shrink;                                     // W ← W·(1 − α·λ)      param.mul_(1 − lr·weight_decay)
        }
        AdamRule.Step(w, g, m, v, correction1, correction2, learningRate, beta1, beta2, eps, weightDecay: 0);
    }
}
