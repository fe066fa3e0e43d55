using System.Numerics;

namespace EdgeNet.Optimizers;

/// <summary>
/// Nesterov momentum as torch.optim.SGD (momentum μ, dampening 0, nesterov) writes it: <c>d = g + λ·W</c>,
/// <c>v ← d</c> on the first step and <c>v ← μ·v + d</c> after, then <c>W ← W − α·(d + μ·v)</c>: the step looks
/// ahead along the velocity.
/// </summary>
/// <remarks>The loop is <see cref="MomentumRule"/>'s, told to step ahead, as torch's one SGD loop is.</remarks>
public static class NesterovRule
{
    /// <summary>
    /// One update of <paramref name="w"/>; <paramref name="velocity"/> is v, read and written. On the
    /// <paramref name="first"/> step the buffer starts as the gradient itself (torch clones it).
    /// </summary>
    public static void Step<T>(Span<T> w, ReadOnlySpan<T> g, Span<T> velocity, bool first, double learningRate, double momentum, double weightDecay)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        MomentumRule.Step(w, g, velocity, first, learningRate, momentum, weightDecay, nesterov: true);   // momentum's loop, stepping ahead
}
