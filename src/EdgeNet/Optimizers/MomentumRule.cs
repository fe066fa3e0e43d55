using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using EdgeNet.Kernels;

namespace EdgeNet.Optimizers;

/// <summary>
/// Heavy-ball momentum as torch.optim.SGD (momentum μ, dampening 0) writes it: <c>d = g + λ·W</c>,
/// <c>v ← d</c> on the first step and <c>v ← μ·v + d</c> after, <c>W ← W − α·v</c>.
/// </summary>
/// <remarks>
/// The vector loop (<c>Vectors</c>) does the scalar loop's operations in the same order, a lane per weight, each product
/// and sum rounded on its own (no fused multiply-add), so it gives the same bits at every width: 512-bit vectors first,
/// then 256 and 128 for what is left, then the scalar loop, the formula as written, for the last weights.
/// </remarks>
public static class MomentumRule
{
    /// <summary>
    /// One update of <paramref name="w"/>; <paramref name="velocity"/> is v, read and written. On the
    /// <paramref name="first"/> step the buffer starts as the gradient itself (torch clones it).
    /// </summary>
    public static void Step<T>(Span<T> w, ReadOnlySpan<T> g, Span<T> velocity, bool first, double learningRate, double momentum, double weightDecay)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Step(w, g, velocity, first, learningRate, momentum, weightDecay, nesterov: false);

    /// <summary>
    /// The update of heavy-ball momentum or, with <paramref name="nesterov"/>, of <see cref="NesterovRule"/>: the same
    /// velocity, a step along it or ahead along it, as torch.optim.SGD's one loop does with its <c>nesterov</c> flag.
    /// </summary>
    internal static void Step<T>(Span<T> w, ReadOnlySpan<T> g, Span<T> velocity, bool first, double learningRate, double momentum, double weightDecay, bool nesterov)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        OptimizerChecks.SameLength(w.Length, g.Length, velocity.Length);
        T lr = T.CreateTruncating(learningRate);
        T mu = T.CreateTruncating(momentum);
        T lambda = T.CreateTruncating(weightDecay);
        bool decay = weightDecay != 0;
        int i = 0;
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            i = Vectors<T, Vector512<T>, Simd512<T>>(w, g, velocity, first, nesterov, lr, mu, lambda, decay, i);
        }
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            i = Vectors<T, Vector256<T>, Simd256<T>>(w, g, velocity, first, nesterov, lr, mu, lambda, decay, i);
        }
        if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
        {
            i = Vectors<T, Vector128<T>, Simd128<T>>(w, g, velocity, first, nesterov, lr, mu, lambda, decay, i);
        }
        for (; i < w.Length; i++)
        {
            T d = decay ? g[i] + lambda * w[i] : g[i];        // d = g + λ·W
            T v = first ? d : velocity[i] * mu + d;            // v ← μ·v + d           buf.mul_(μ).add_(d)
            velocity[i] = v;
            w[i] -= lr * (nesterov ? d + mu * v : v);          // W ← W − α·v, or Nesterov's W ← W − α·(d + μ·v)   d.add(buf, alpha=μ)
        }
    }

    /// <summary>The scalar loop, a vector of weights at a time from <paramref name="i"/>; returns where it stopped.</summary>
    private static int Vectors<T, TVector, TSimd>(Span<T> w, ReadOnlySpan<T> g, Span<T> velocity, bool first, bool nesterov, T learningRate, T momentum, T weightDecay, bool decay, int i)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        TVector lr = TSimd.Broadcast(learningRate), mu = TSimd.Broadcast(momentum), lambda = TSimd.Broadcast(weightDecay);
        ref T rw = ref MemoryMarshal.GetReference(w);
        ref T rg = ref MemoryMarshal.GetReference(g);
        ref T rv = ref MemoryMarshal.GetReference(velocity);
        for (; i + TSimd.Count <= w.Length; i += TSimd.Count)
        {
            TVector wi = TSimd.Load(ref Unsafe.Add(ref rw, i)), d = TSimd.Load(ref Unsafe.Add(ref rg, i));
            if (decay)
            {
                d = TSimd.Add(d, TSimd.Multiply(lambda, wi));                      // d = g + λ·W
            }
            TVector v = first ? d : TSimd.Add(TSimd.Multiply(TSimd.Load(ref Unsafe.Add(ref rv, i)), mu), d); // v ← μ·v + d
            TSimd.Store(v, ref Unsafe.Add(ref rv, i));
            TVector step = nesterov ? TSimd.Add(d, TSimd.Multiply(mu, v)) : v;                        // v, or Nesterov's d + μ·v
            TSimd.Store(TSimd.Subtract(wi, TSimd.Multiply(lr, step)), ref Unsafe.Add(ref rw, i)); // W ← W − α·step
        }
        return i;
    }
}
