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
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        (double correction1, double correction2) = AdamRule.BiasCorrections(beta1, beta2, step);
        Step(w, g, m, v, correction1, correction2, learningRate, beta1, beta2, eps, weightDecay);
    }

    /// <summary>As the public step, with the bias corrections 1 − β1ᵗ and 1 − β2ᵗ already computed, once for every layer.</summary>
    /// <remarks>The decay and Adam's update run in one sweep over the weights (<see cref="AdamRule"/>'s loop, told the decay is decoupled).</remarks>
    internal static void Step<T>(
        Span<T> w, ReadOnlySpan<T> g, Span<T> m, Span<T> v, double correction1, double correction2, double learningRate, double beta1, double beta2, double eps, double weightDecay)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        AdamRule.Step(w, g, m, v, correction1, correction2, learningRate, beta1, beta2, eps, weightDecay, decoupled: true);
}
