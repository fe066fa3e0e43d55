using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EdgeNet.Kernels;

/// <summary>
/// e^x for 16 floats with AVX-512, about 12 instructions (the BCL's widens to double): Cephes' expf, within
/// 2 ulp of <see cref="MathF.Exp"/> over the finite range. e^x = 2^n · e^r with n = round(x / ln 2) and
/// r = x − n·ln 2 (ln 2 in two parts, the first exact), e^r by a degree-7 polynomial, then 2^n by
/// <c>vscalefps</c>, which overflows to ∞ and underflows to 0 exactly as e^x does.
/// </summary>
internal static class FloatExp
{
    public static bool IsSupported => Avx512F.IsSupported;

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
}
