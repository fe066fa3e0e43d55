using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using EdgeNet.Kernels;

namespace EdgeNet.Optimizers;

/// <summary>
/// RMSprop as torch.optim.RMSprop (not centered, momentum 0) writes it: <c>d = g + λ·W</c>,
/// <c>s ← ρ·s + (1 − ρ)·d²</c>, <c>W ← W − α·d / (√s + ε)</c>: Adagrad with a forgetting average of the squares.
/// </summary>
/// <remarks>
/// The vector loop (<c>Vectors</c>) does the scalar loop's operations in the same order, a lane per weight, each product
/// and sum rounded on its own (no fused multiply-add), so it gives the same bits at every width: 512-bit vectors first,
/// then 256 and 128 for what is left, then the scalar loop, the formula as written, for the last weights.
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
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            i = Vectors<T, Vector512<T>, Simd512<T>>(w, g, squareAverage, negativeLr, rho, oneMinusRho, epsilon, lambda, decay, i);
        }
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            i = Vectors<T, Vector256<T>, Simd256<T>>(w, g, squareAverage, negativeLr, rho, oneMinusRho, epsilon, lambda, decay, i);
        }
        if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
        {
            i = Vectors<T, Vector128<T>, Simd128<T>>(w, g, squareAverage, negativeLr, rho, oneMinusRho, epsilon, lambda, decay, i);
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

    /// <summary>The scalar loop, a vector of weights at a time from <paramref name="i"/>; returns where it stopped.</summary>
    private static int Vectors<T, TVector, TSimd>(
        Span<T> w, ReadOnlySpan<T> g, Span<T> squareAverage, T negativeLearningRate, T decayRate, T oneMinusDecayRate, T eps, T weightDecay, bool decay, int i)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        TVector negativeLr = TSimd.Broadcast(negativeLearningRate), rho = TSimd.Broadcast(decayRate), oneMinusRho = TSimd.Broadcast(oneMinusDecayRate);
        TVector epsilon = TSimd.Broadcast(eps), lambda = TSimd.Broadcast(weightDecay);
        ref T rw = ref MemoryMarshal.GetReference(w);
        ref T rg = ref MemoryMarshal.GetReference(g);
        ref T rs = ref MemoryMarshal.GetReference(squareAverage);
        for (; i + TSimd.Count <= w.Length; i += TSimd.Count)
        {
            TVector wi = TSimd.Load(ref Unsafe.Add(ref rw, i)), d = TSimd.Load(ref Unsafe.Add(ref rg, i));
            if (decay)
            {
                d = TSimd.Add(d, TSimd.Multiply(lambda, wi));                      // d = g + λ·W
            }
            TVector s = TSimd.Add(TSimd.Multiply(TSimd.Load(ref Unsafe.Add(ref rs, i)), rho), TSimd.Multiply(TSimd.Multiply(oneMinusRho, d), d)); // s ← ρ·s + (1 − ρ)·d²
            TSimd.Store(s, ref Unsafe.Add(ref rs, i));
            TVector avg = TSimd.Add(TSimd.SquareRoot(s), epsilon);                 // √s + ε
            TSimd.Store(TSimd.Add(wi, TSimd.Divide(TSimd.Multiply(negativeLr, d), avg)), ref Unsafe.Add(ref rw, i)); // W ← W − α·d / (√s + ε)
        }
        return i;
    }
}
