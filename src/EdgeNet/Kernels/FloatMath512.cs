using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// e^x and log x on 16 floats in registers, for the feature-major softmax: the Cephes polynomials (about one unit in
/// the last place), inlined, with no branch — the BCL's float functions compute in double and leave the vector for
/// arguments far from 0, which a confident network gives every step. Narrow domains, as the softmax uses them:
/// <see cref="Exp"/> for −87 ≤ x ≤ 0, <see cref="Log"/> for normal x &gt; 0.
/// </summary>
internal static class FloatMath512
{
    /// <summary>e^x for −87 ≤ x ≤ 0 (the softmax's z_j − max, clamped from below).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        // x = n·ln 2 + r, |r| ≤ ln 2 / 2 (ln 2 in two parts, so that n·ln 2 is exact); e^x = 2^n · e^r.
        Vector512<float> n = Vector512.Round(x * 1.44269504088896341f);
        Vector512<float> r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-0.693359375f), x);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(2.12194440e-4f), r);
        Vector512<float> p = Vector512.Create(1.9875691500e-4f);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.3981999507e-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(8.3334519073e-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(4.1665795894e-2f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.6666665459e-1f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(5.0000001201e-1f));
        Vector512<float> er = Vector512.FusedMultiplyAdd(p, r * r, r) + Vector512<float>.One;      // e^r
        Vector512<int> twoToN = (Vector512.ConvertToInt32(n) + Vector512.Create(127)) << 23;          // 2^n, n ≥ −126
        return er * twoToN.AsSingle();
    }

    /// <summary>log x for normal x &gt; 0 (the softmax's Σ e^(z_j − max) ≥ 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log(Vector512<float> x)
    {
        // x = 2^e · m with √½ ≤ m &lt; √2; log x = e·ln 2 + log(1 + f), f = m − 1.
        Vector512<int> bits = x.AsInt32();
        Vector512<float> m = ((bits & Vector512.Create(0x007FFFFF)) | Vector512.Create(0x3F000000)).AsSingle();   // [½, 1)
        Vector512<float> e = Vector512.ConvertToSingle((bits >>> 23) - Vector512.Create(126));
        Vector512<float> small = Vector512.LessThan(m, Vector512.Create(0.707106781186547524f));
        e -= Vector512.ConditionalSelect(small, Vector512<float>.One, Vector512<float>.Zero);
        Vector512<float> f = m + Vector512.ConditionalSelect(small, m, Vector512<float>.Zero) - Vector512<float>.One;
        Vector512<float> f2 = f * f;
        Vector512<float> p = Vector512.Create(7.0376836292e-2f);
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(-1.1514610310e-1f));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(1.1676998740e-1f));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(-1.2420140846e-1f));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(1.4249322787e-1f));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(-1.6668057665e-1f));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(2.0000714765e-1f));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(-2.4999993993e-1f));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(3.3333331174e-1f));
        Vector512<float> y = p * f * f2;
        y = Vector512.FusedMultiplyAdd(e, Vector512.Create(-2.12194440e-4f), y);
        y = Vector512.FusedMultiplyAdd(f2, Vector512.Create(-0.5f), y);
        return Vector512.FusedMultiplyAdd(e, Vector512.Create(0.693359375f), f + y);
    }
}
