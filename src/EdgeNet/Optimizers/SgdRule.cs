using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using EdgeNet.Kernels;

namespace EdgeNet.Optimizers;

/// <summary>
/// Gradient descent as torch.optim.SGD (momentum 0) writes it: <c>d = g + λ·W</c> (when λ ≠ 0), <c>W ← W − α·d</c>.
/// With λ = 0 this is the tutorial's <c>W -= lr * dW</c>, to the bit.
/// </summary>
/// <remarks>
/// The vector loop (<c>Vectors</c>) does the scalar loop's operations in the same order, a lane per weight, each product
/// and sum rounded on its own (no fused multiply-add), so it gives the same bits at every width: 512-bit vectors first,
/// then 256 and 128 for what is left, then the scalar loop, the formula as written, for the last weights.
/// </remarks>
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
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            i = Vectors<T, Vector512<T>, Simd512<T>>(w, g, lr, lambda, decay, i);
        }
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            i = Vectors<T, Vector256<T>, Simd256<T>>(w, g, lr, lambda, decay, i);
        }
        if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
        {
            i = Vectors<T, Vector128<T>, Simd128<T>>(w, g, lr, lambda, decay, i);
        }
        for (; i < w.Length; i++)
        {
            T d = decay ? g[i] + lambda * w[i] : g[i];        // d = g + λ·W          grad.add(param, alpha=λ)
            w[i] -= lr * d;                                     // W ← W − α·d          param.add_(d, alpha=−α)
        }
    }

    /// <summary>The scalar loop, a vector of weights at a time from <paramref name="i"/>; returns where it stopped.</summary>
    private static int Vectors<T, TVector, TSimd>(Span<T> w, ReadOnlySpan<T> g, T learningRate, T weightDecay, bool decay, int i)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        TVector lr = TSimd.Broadcast(learningRate), lambda = TSimd.Broadcast(weightDecay);
        ref T rw = ref MemoryMarshal.GetReference(w);
        ref T rg = ref MemoryMarshal.GetReference(g);
        for (; i + TSimd.Count <= w.Length; i += TSimd.Count)
        {
            TVector wi = TSimd.Load(ref Unsafe.Add(ref rw, i)), d = TSimd.Load(ref Unsafe.Add(ref rg, i));
            if (decay)
            {
                d = TSimd.Add(d, TSimd.Multiply(lambda, wi));                      // d = g + λ·W
            }
            TSimd.Store(TSimd.Subtract(wi, TSimd.Multiply(lr, d)), ref Unsafe.Add(ref rw, i)); // W ← W − α·d
        }
        return i;
    }
}
