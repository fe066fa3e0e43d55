using System.Numerics;

namespace EdgeNet.Optimizers;

/// <summary>
/// Gradient descent as torch.optim.SGD (momentum 0) writes it: <c>d = g + λ·W</c> (when λ ≠ 0), <c>W ← W − α·d</c>.
/// With λ = 0 this is the tutorial's <c>W -= lr * dW</c>, to the bit.
/// </summary>
public static class SgdRule
{
    /// <summary>One update of <paramref name="w"/> from its gradient <paramref name="g"/>.</summary>
    public static void Step<T>(Span<T> w, ReadOnlySpan<T> g, double learningRate, double weightDecay)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        OptimizerChecks.SameLength(w.Length, g.Length);
        T lr = T.CreateTruncating(learningRate);
        T lambda = T.CreateTruncating(weightDecay);
        bool decay = weightDecay != 0;
        for (int i = 0; i < w.Length; i++)
        {
            T d = decay ? g[i] + lambda * w[i] : g[i];        // d = g + λ·W          grad.add(param, alpha=λ)
            w[i] -= lr * d;                                     // W ← W − α·d          param.add_(d, alpha=−α)
        }
    }
}
