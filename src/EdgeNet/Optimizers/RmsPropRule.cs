using System.Numerics;

namespace EdgeNet.Optimizers;

/// <summary>
/// RMSprop as torch.optim.RMSprop (not centered, momentum 0) writes it: <c>d = g + λ·W</c>,
/// <c>s ← ρ·s + (1 − ρ)·d²</c>, <c>W ← W − α·d / (√s + ε)</c>: Adagrad with a forgetting average of the squares.
/// </summary>
/// <remarks>
/// The vector loop does the scalar loop's operations in the same order, a lane per weight, so it gives the same bits;
/// the scalar loop, the formula as written, does the weights left over.
/// </remarks>
public static class RmsPropRule
{
    /// <summary>One update of <paramref name="w"/>; <paramref name="squareAverage"/> is s, read and written.</summary>
    public static void Step<T>(Span<T> w, ReadOnlySpan<T> g, Span<T> squareAverage, double learningRate, double decayRate, double eps, double weightDecay)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        OptimizerChecks.SameLength(w.Length, g.Length, squareAverage.Length);
        T negativeLr = T.CreateTruncating(-learningRate);
        T rho = T.CreateTruncating(decayRate);
        T oneMinusRho = T.CreateTruncating(1 - decayRate);    // 1 − ρ, rounded once as Python does
        T epsilon = T.CreateTruncating(eps);
        T lambda = T.CreateTruncating(weightDecay);
        bool decay = weightDecay != 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            Vector<T> vNegativeLr = new(negativeLr), vRho = new(rho), vOneMinusRho = new(oneMinusRho), vEpsilon = new(epsilon), vLambda = new(lambda);
            for (; i <= w.Length - Vector<T>.Count; i += Vector<T>.Count)   // the loop below, Vector<T>.Count weights at a time
            {
                Vector<T> wi = new(w[i..]), d = decay ? new Vector<T>(g[i..]) + vLambda * wi : new Vector<T>(g[i..]);
                Vector<T> s = new Vector<T>(squareAverage[i..]) * vRho + vOneMinusRho * d * d;
                s.CopyTo(squareAverage[i..]);
                Vector<T> avg = Vector.SquareRoot(s) + vEpsilon;
                (wi + vNegativeLr * d / avg).CopyTo(w[i..]);
            }
        }
        for (; i < w.Length; i++)
        {
            T d = decay ? g[i] + lambda * w[i] : g[i];        // d = g + λ·W
            T s = squareAverage[i] * rho + oneMinusRho * d * d; // s ← ρ·s + (1 − ρ)·d²   square_avg.mul_(ρ).addcmul_(d, d, value=1−ρ)
            squareAverage[i] = s;
            T avg = T.Sqrt(s) + epsilon;                        // √s + ε
            w[i] += negativeLr * d / avg;                       // W ← W − α·d / (√s + ε)  param.addcdiv_(d, avg, value=−α)
        }
    }
}
