using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using EdgeNet.Kernels;

namespace EdgeNet.Optimizers;

/// <summary>
/// Adam as torch.optim.Adam writes it (single-tensor path, amsgrad off), step t = 1, 2, …:
/// <code>
/// d  = g + λ·W                      (coupled weight decay, when λ ≠ 0)
/// m ← β1·m + (1 − β1)·d             first moment
/// v ← β2·v + (1 − β2)·d²            second moment
/// W ← W − (α / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
/// </code>
/// i.e. <c>W ← W − α·m̂ / (√v̂ + ε)</c> with <c>m̂ = m / (1 − β1ᵗ)</c>, <c>v̂ = v / (1 − β2ᵗ)</c>, but with the
/// corrections placed where torch places them, so the rounding is torch's. At t = 1, m̂ = d and √v̂ = |d|: the first
/// step is α in size for every weight whose gradient is well above ε, whatever that gradient is.
/// </summary>
/// <remarks>
/// The vector loop (<c>Vectors</c>) does the scalar loop's operations in the same order, a lane per weight, each product
/// and sum rounded on its own (no fused multiply-add), so it gives the same bits at every width: 512-bit vectors first,
/// then 256 and 128 for what is left, then the scalar loop, the formula as written, for the last weights.
/// </remarks>
public static class AdamRule
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
        (double correction1, double correction2) = BiasCorrections(beta1, beta2, step);
        Step(w, g, m, v, correction1, correction2, learningRate, beta1, beta2, eps, weightDecay);
    }

    /// <summary>
    /// As <see cref="Step{T}(Span{T}, ReadOnlySpan{T}, Span{T}, Span{T}, int, double, double, double, double, double)"/> with
    /// the bias corrections 1 − β1ᵗ and 1 − β2ᵗ already computed (<see cref="BiasCorrections"/>), once for every layer.
    /// With <paramref name="decoupled"/> the weight decay is AdamW's (<see cref="AdamWRule"/>): W ← W·(1 − α·λ) first,
    /// then Adam on the gradient itself, in the same sweep (torch.optim.AdamW makes the decay a pass of its own; each
    /// weight sees the same operations in the same order, so the numbers are the same).
    /// </summary>
    internal static void Step<T>(
        Span<T> w, ReadOnlySpan<T> g, Span<T> m, Span<T> v, double correction1, double correction2, double learningRate, double beta1, double beta2, double eps,
        double weightDecay, bool decoupled = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        OptimizerChecks.SameLength(w.Length, g.Length, m.Length, v.Length);
        T negativeStepSize = T.CreateTruncating(-(learningRate / correction1));   // −α / (1 − β1ᵗ)
        T correction2Root = T.CreateTruncating(Math.Sqrt(correction2));          // √(1 − β2ᵗ)
        T b1 = T.CreateTruncating(beta1);
        T b2 = T.CreateTruncating(beta2);
        T oneMinusB1 = T.CreateTruncating(1 - beta1);
        T oneMinusB2 = T.CreateTruncating(1 - beta2);
        T epsilon = T.CreateTruncating(eps);
        T lambda = T.CreateTruncating(weightDecay);
        T shrink = T.CreateTruncating(1 - learningRate * weightDecay);            // AdamW's 1 − α·λ
        bool decay = weightDecay != 0 && !decoupled;
        bool shrinks = weightDecay != 0 && decoupled;
        var c = new Constants<T>(negativeStepSize, correction2Root, b1, b2, oneMinusB1, oneMinusB2, epsilon, lambda, decay, shrink, shrinks);
        int i = 0;
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            i = Vectors<T, Vector512<T>, Simd512<T>>(w, g, m, v, c, i);
        }
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            i = Vectors<T, Vector256<T>, Simd256<T>>(w, g, m, v, c, i);
        }
        if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
        {
            i = Vectors<T, Vector128<T>, Simd128<T>>(w, g, m, v, c, i);
        }
        for (; i < w.Length; i++)
        {
            T wi = shrinks ? w[i] * shrink : w[i];              // AdamW: W ← W·(1 − α·λ) first   param.mul_(1 − lr·weight_decay)
            T d = decay ? g[i] + lambda * wi : g[i];            // d = g + λ·W
            T mi = m[i] * b1 + oneMinusB1 * d;                  // m ← β1·m + (1 − β1)·d      exp_avg.mul_(β1).add_(d, alpha=1−β1)
            T vi = v[i] * b2 + oneMinusB2 * d * d;              // v ← β2·v + (1 − β2)·d²     exp_avg_sq.mul_(β2).addcmul_(d, d, value=1−β2)
            m[i] = mi;
            v[i] = vi;
            T denominator = T.Sqrt(vi) / correction2Root + epsilon;  // √v / √(1 − β2ᵗ) + ε
            w[i] = wi + negativeStepSize * mi / denominator;    // W ← W − step_size·m / denominator   param.addcdiv_(m, denom, value=−step_size)
        }
    }

    /// <summary>The scalar loop, a vector of weights at a time from <paramref name="i"/>; returns where it stopped.</summary>
    private static int Vectors<T, TVector, TSimd>(Span<T> w, ReadOnlySpan<T> g, Span<T> m, Span<T> v, in Constants<T> c, int i)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        TVector negativeStepSize = TSimd.Broadcast(c.NegativeStepSize), correction2Root = TSimd.Broadcast(c.Correction2Root);
        TVector b1 = TSimd.Broadcast(c.Beta1), b2 = TSimd.Broadcast(c.Beta2), oneMinusB1 = TSimd.Broadcast(c.OneMinusBeta1), oneMinusB2 = TSimd.Broadcast(c.OneMinusBeta2);
        TVector epsilon = TSimd.Broadcast(c.Epsilon), lambda = TSimd.Broadcast(c.Lambda), shrink = TSimd.Broadcast(c.Shrink);
        ref T rw = ref MemoryMarshal.GetReference(w);
        ref T rg = ref MemoryMarshal.GetReference(g);
        ref T rm = ref MemoryMarshal.GetReference(m);
        ref T rv = ref MemoryMarshal.GetReference(v);
        for (; i + TSimd.Count <= w.Length; i += TSimd.Count)
        {
            TVector wi = TSimd.Load(ref Unsafe.Add(ref rw, i)), d = TSimd.Load(ref Unsafe.Add(ref rg, i));
            if (c.Shrinks)
            {
                wi = TSimd.Multiply(wi, shrink);                                   // AdamW: W ← W·(1 − α·λ) first
            }
            if (c.Decay)
            {
                d = TSimd.Add(d, TSimd.Multiply(lambda, wi));                      // d = g + λ·W
            }
            TVector mi = TSimd.Add(TSimd.Multiply(TSimd.Load(ref Unsafe.Add(ref rm, i)), b1), TSimd.Multiply(oneMinusB1, d)); // m ← β1·m + (1 − β1)·d
            TVector vi = TSimd.Add(TSimd.Multiply(TSimd.Load(ref Unsafe.Add(ref rv, i)), b2), TSimd.Multiply(TSimd.Multiply(oneMinusB2, d), d)); // v ← β2·v + (1 − β2)·d²
            TSimd.Store(mi, ref Unsafe.Add(ref rm, i));
            TSimd.Store(vi, ref Unsafe.Add(ref rv, i));
            TVector denominator = TSimd.Add(TSimd.Divide(TSimd.SquareRoot(vi), correction2Root), epsilon); // √v / √(1 − β2ᵗ) + ε
            TSimd.Store(TSimd.Add(wi, TSimd.Divide(TSimd.Multiply(negativeStepSize, mi), denominator)), ref Unsafe.Add(ref rw, i)); // W ← W − step_size·m / denominator
        }
        return i;
    }

    private readonly record struct Constants<T>(
        T NegativeStepSize, T Correction2Root, T Beta1, T Beta2, T OneMinusBeta1, T OneMinusBeta2, T Epsilon, T Lambda, bool Decay, T Shrink, bool Shrinks);

    /// <summary>1 − β1ᵗ and 1 − β2ᵗ, computed as Python computes <c>1 - beta1 ** step</c>.</summary>
    public static (double First, double Second) BiasCorrections(double beta1, double beta2, int step) =>
        (1 - Math.Pow(beta1, step), 1 - Math.Pow(beta2, step));
}
