using System.Numerics;

namespace EdgeNet.Optimizers;

/// <summary>
/// Nesterov momentum as torch.optim.SGD (momentum μ, dampening 0, nesterov) writes it: <c>d = g + λ·W</c>,
/// <c>v ← d</c> on the first step and <c>v ← μ·v + d</c> after, then <c>W ← W − α·(d + μ·v)</c>: the step looks
/// ahead along the velocity.
/// </summary>
/// <remarks>
/// The vector loop does the scalar loop's operations in the same order, a lane per weight, so it gives the same bits;
/// the scalar loop, the formula as written, does the weights left over.
/// </remarks>
public static class NesterovRule
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
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            Vector<T> vLr = new(lr), vMu = new(mu), vLambda = new(lambda);
            for (; i <= w.Length - Vector<T>.Count; i += Vector<T>.Count)   // the loop below, Vector<T>.Count weights at a time
            {
                Vector<T> wi = new(w[i..]), d = decay ? new Vector<T>(g[i..]) + vLambda * wi : new Vector<T>(g[i..]);
                Vector<T> v = first ? d : new Vector<T>(velocity[i..]) * vMu + d;
                v.CopyTo(velocity[i..]);
                (wi - vLr * (d + vMu * v)).CopyTo(w[i..]);
            }
        }
        for (; i < w.Length; i++)
        {
            T d = decay ? g[i] + lambda * w[i] : g[i];        // d = g + λ·W
            T v = first ? d : velocity[i] * mu + d;            // v ← μ·v + d           buf.mul_(μ).add_(d)
            velocity[i] = v;
            w[i] -= lr * (d + mu * v);                          // W ← W − α·(d + μ·v)   d.add(buf, alpha=μ)
        }
    }
}
