using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EdgeNet.Kernels;

/// <summary>
/// e^x on 8 floats in registers, for the scanner on AVX2 machines: the same Cephes polynomial as
/// <see cref="FloatMath512.Exp"/>, in the same order, so a scan's exponentials are the same bits with and without
/// AVX-512 — and inlined, in float, with no branch: the BCL's float function computes in double, twice the work.
/// </summary>
internal static class FloatMath256
{
    /// <summary>Whether the CPU runs these (AVX2 and FMA).</summary>
    public static bool IsSupported => Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported;

    /// <summary>
    /// e^x for 8 floats, within 2 ulp of <see cref="MathF.Exp"/> over the finite range: e^x = 2^n · e^r with
    /// n = round(x / ln 2) and r = x − n·ln 2 (ln 2 in two parts, the first exact), e^r by a degree-7 polynomial,
    /// then 2^n as two exact powers of two, 2^⌊n/2⌋ and 2^(n − ⌊n/2⌋), each a normal float: the product rounds once,
    /// to ∞ or towards 0 exactly where e^x does (as <c>vscalefps</c> does for <see cref="FloatMath512"/>).
    /// x is first held to [−104, 89], outside which e^x is 0 or ∞ in float; NaN stays NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        x = Avx.Min(Vector256.Create(89f), Avx.Max(Vector256.Create(-104f), x));                      // maxps/minps return x if it is NaN
        Vector256<float> n = Avx.RoundToNearestInteger(x * Vector256.Create(1.44269504088896341f));     // n = round(x / ln 2)
        Vector256<float> r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-0.693359375f), x);                   // r = x − n·ln 2
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(2.12194440e-4f), r);
        Vector256<float> p = Vector256.FusedMultiplyAdd(Vector256.Create(1.9875691500e-4f), r, Vector256.Create(1.3981999507e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(8.3334519073e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(4.1665795894e-2f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.6666665459e-1f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(5.0000001201e-1f));
        Vector256<float> er = Vector256.FusedMultiplyAdd(p, r * r, r) + Vector256<float>.One;                      // e^r = 1 + r + r²·P(r)
        Vector256<int> whole = Avx.ConvertToVector256Int32WithTruncation(n);                            // n ∈ [−150, 128], exact
        Vector256<int> half = whole >> 1;
        Vector256<float> first = ((half + Vector256.Create(127)) << 23).AsSingle();                    // 2^⌊n/2⌋
        Vector256<float> second = ((whole - half + Vector256.Create(127)) << 23).AsSingle();           // 2^(n − ⌊n/2⌋)
        return er * first * second;                                                                     // e^x = e^r · 2^n
    }
}
