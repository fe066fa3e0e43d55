using System.Numerics;

namespace EdgeNet.Optimizers;

/// <summary>
/// Adagrad as torch.optim.Adagrad (lr_decay 0, initial accumulator 0) writes it: <c>d = g + λ·W</c>,
/// <c>s ← s + d²</c>, <c>W ← W − α·d / (√s + ε)</c>: each weight's step shrinks with the squares it has seen.
/// </summary>
/// <remarks>
/// The vector loop does the scalar loop's operations in the same order, a lane per weight, so it gives the same bits;
/// the scalar loop, the formula as written, does the weights left over.
/// </remarks>
public static class AdagradRule
{
    /// <summary>One update of <paramref name="w"/>; <paramref name="squareSum"/> is s, read and written.</summary>
    public static void Step<T>(Span<T> w, ReadOnlySpan<T> g, Span<T> squareSum, double learningRate, double eps, double weightDecay)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        OptimizerChecks.SameLength(w.Length, g.Length, squareSum.Length);
        T negativeLr = T.CreateTruncating(-learningRate);      // torch: clr = lr / (1 + (step − 1)·0) = lr
        T epsilon = T.CreateTruncating(eps);
        T lambda = T.CreateTruncating(weightDecay);
        bool decay = weightDecay != 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            Vector<T> vNegativeLr = new(negativeLr), vEpsilon = new(epsilon), vLambda = new(lambda);
            for (; i <= w.Length - Vector<T>.Count; i += Vector<T>.Count)   // the loop below, Vector<T>.Count weights at a time
            {
                Vector<T> wi = new(w[i..]), d = decay ? new Vector<T>(g[i..]) + vLambda * wi : new Vector<T>(g[i..]);
                Vector<T> s = new Vector<T>(squareSum[i..]) + d * d;
                s.CopyTo(squareSum[i..]);
                Vector<T> std = Vector.SquareRoot(s) + vEpsilon;
                (wi + vNegativeLr * d / std).CopyTo(w[i..]);
            }
        }
        for (; i < w.Length; i++)
        {
            T d = decay ? g[i] + lambda * w[i] : g[i];        // d = g + λ·W
            T s = squareSum[i] + d * d;                         // s ← s + d²             state_sum.addcmul_(d, d, value=1)
            squareSum[i] = s;
            T std = T.Sqrt(s) + epsilon;                        // √s + ε
            w[i] += negativeLr * d / std;                       // W ← W − α·d / (√s + ε)  param.addcdiv_(d, std, value=−α)
        }
    }
}
