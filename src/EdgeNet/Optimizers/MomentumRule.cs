using System.Numerics;

namespace EdgeNet.Optimizers;

/// <summary>
/// Heavy-ball momentum as torch.optim.SGD (momentum μ, dampening 0) writes it: <c>d = g + λ·W</c>,
/// <c>v ← d</c> on the first step and <c>v ← μ·v + d</c> after, <c>W ← W − α·v</c>.
/// </summary>
public static class MomentumRule
{
    /// <summary>
    /// One update of <paramref name="w"/>; <paramref name="velocity"/> is v, read and written. On the
    /// <paramref name="first"/> step the buffer starts as the gradient itself (torch clones it).
    /// </summary>
    public static void Step<T>(Span<T> w, ReadOnlySpan<T> g, Span<T> velocity, bool first, double learningRate, double momentum, double weightDecay)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        OptimizerChecks.SameLength(w.Length, g.Length, velocity.Length);
        T lr = T.CreateTruncating(learningRate);
        T mu = T.CreateTruncating(momentum);
        T lambda = T.CreateTruncating(weightDecay);
        bool decay = weightDecay != 0;
        for (int i = 0; i < w.Length; i++)
        {
            T d = decay ? g[i] + lambda * w[i] : g[i];        // d = g + λ·W
            T v = first ? d : velocity[i] * mu + d;            // v ← μ·v + d           buf.mul_(μ).add_(d)
            velocity[i] = v;
            w[i] -= lr * v;                                     // W ← W − α·v
        }
    }
}
