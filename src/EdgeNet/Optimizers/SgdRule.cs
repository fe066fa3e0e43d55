using System.Numerics;

namespace EdgeNet.Optimizers;

/// <summary>
/// Gradient descent as torch.optim.SGD (momentum 0) writes it: <c>d = g + λ·W</c> (when λ ≠ 0), <c>W ← W − α·d</c>.
/// With λ = 0 this is the tutorial's <c>W -= lr * dW</c>, to the bit. The vector loop does the same operations in the
/// same order as the scalar one, a lane per weight, so it gives the same bits.
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
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            Vector<T> vLr = new(lr), vLambda = new(lambda);
            for (; i <= w.Length - Vector<T>.Count; i += Vector<T>.Count)   // the loop below, Vector<T>.Count weights at a time
            {
                Vector<T> wi = new(w[i..]), d = decay ? new Vector<T>(g[i..]) + vLambda * wi : new Vector<T>(g[i..]);
                (wi - vLr * d).CopyTo(w[i..]);
            }
        }
        for (; i < w.Length; i++)
        {
            T d = decay ? g[i] + lambda * w[i] : g[i];        // d = g + λ·W          grad.add(param, alpha=λ)
            w[i] -= lr * d;                                     // W ← W − α·d          param.add_(d, alpha=−α)
        }
    }
}
