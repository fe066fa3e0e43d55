using System.Numerics;

namespace EdgeNet.Optimizers;

/// <summary>
/// AdamW as torch.optim.AdamW writes it: first the decoupled decay <c>W ← W·(1 − α·λ)</c>, then
/// <see cref="AdamRule"/> on the gradient itself (no λ·W added to it). The decay shrinks every weight by the same
/// factor whatever its gradient, where Adam's coupled decay is divided by √v̂ like the gradient.
/// </summary>
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
        OptimizerChecks.SameLength(w.Length, g.Length, m.Length, v.Length);
        T shrink = T.CreateTruncating(1 - learningRate * weightDecay);
        for (int i = 0; i < w.Length; i++)
        {
            w[i] *= shrink;                                     // W ← W·(1 − α·λ)      param.mul_(1 − lr·weight_decay)
        }
        AdamRule.Step(w, g, m, v, step, learningRate, beta1, beta2, eps, weightDecay: 0);
    }
}
