using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EdgeNet.Kernels;

/// <summary>
/// e^x and log x on 16 floats in registers, for the feature-major softmax and the scanner: Cephes' polynomials
/// (a unit or two in the last place), inlined, with no branch — the BCL's float functions compute in double and
/// leave the vector for arguments far from 0, which a confident network gives every step. <see cref="Log"/> is for
/// normal x &gt; 0 (the softmax's Σ e^(z_j − max) ≥ 1).
/// </summary>
internal static class FloatMath512
{
    /// <summary>Whether the CPU runs these (AVX-512).</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>
    /// e^x for 16 floats, within 2 ulp of <see cref="MathF.Exp"/> over the finite range: e^x = 2^n · e^r with
    /// n = round(x / ln 2) and r = x − n·ln 2 (ln 2 in two parts, the first exact), e^r by a degree-7 polynomial,
    /// then 2^n by <c>vscalefps</c>, which overflows to ∞ and underflows to 0 exactly as e^x does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        Vector512<float> n = Avx512F.RoundScale(x * Vector512.Create(1.44269504088896341f), 0x08);   // n = round(x / ln 2), no exceptions
        Vector512<float> r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-0.693359375f), x);          // r = x − n·ln 2
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(2.12194440e-4f), r);
        Vector512<float> p = Vector512.FusedMultiplyAdd(Vector512.Create(1.9875691500e-4f), r, Vector512.Create(1.3981999507e-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(8.3334519073e-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(4.1665795894e-2f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.6666665459e-1f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(5.0000001201e-1f));
        Vector512<float> er = Vector512.FusedMultiplyAdd(p, r * r, r) + Vector512<float>.One;             // e^r = 1 + r + r²·P(r)
        return Avx512F.Scale(er, n);                                                                      // e^x = e^r · 2^n
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
