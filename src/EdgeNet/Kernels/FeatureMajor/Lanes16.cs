using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EdgeNet.Kernels;

/// <summary>
/// Moves between the two layouts of a 16 × 16 block of floats inside the registers (AVX-512): a transpose, and the sums
/// of sixteen vectors as one vector. Both use four rounds of shuffles — within pairs of lanes, pairs of pairs, 128-bit
/// quarters, halves — instead of sixteen gathers or sixteen horizontal sums.
/// </summary>
internal static class Lanes16
{
    /// <summary>Whether the shuffles run natively.</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>
    /// Rows r0…r15 of a 16 × 16 block in, its columns out, <c>c_k[r] = r_r[k]</c>: the <paramref name="count"/>
    /// columns k from <paramref name="first"/> on are stored at <paramref name="c"/> + (k − first)·<paramref name="stride"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Transpose(
        Vector512<float> r0, Vector512<float> r1, Vector512<float> r2, Vector512<float> r3,
        Vector512<float> r4, Vector512<float> r5, Vector512<float> r6, Vector512<float> r7,
        Vector512<float> r8, Vector512<float> r9, Vector512<float> r10, Vector512<float> r11,
        Vector512<float> r12, Vector512<float> r13, Vector512<float> r14, Vector512<float> r15, ref float c, nuint stride, int first, int count)
    {
        // Round 1, pairs of rows: in each quarter (r_a[0] r_b[0] r_a[1] r_b[1]) and (r_a[2] r_b[2] r_a[3] r_b[3]).
        Vector512<float> t0 = Avx512F.UnpackLow(r0, r1), t1 = Avx512F.UnpackHigh(r0, r1);
        Vector512<float> t2 = Avx512F.UnpackLow(r2, r3), t3 = Avx512F.UnpackHigh(r2, r3);
        Vector512<float> t4 = Avx512F.UnpackLow(r4, r5), t5 = Avx512F.UnpackHigh(r4, r5);
        Vector512<float> t6 = Avx512F.UnpackLow(r6, r7), t7 = Avx512F.UnpackHigh(r6, r7);
        Vector512<float> t8 = Avx512F.UnpackLow(r8, r9), t9 = Avx512F.UnpackHigh(r8, r9);
        Vector512<float> t10 = Avx512F.UnpackLow(r10, r11), t11 = Avx512F.UnpackHigh(r10, r11);
        Vector512<float> t12 = Avx512F.UnpackLow(r12, r13), t13 = Avx512F.UnpackHigh(r12, r13);
        Vector512<float> t14 = Avx512F.UnpackLow(r14, r15), t15 = Avx512F.UnpackHigh(r14, r15);

        // Round 2, fours of rows: u_(4j+m) holds, in quarter q, rows 4j…4j+3 of column 4q + m.
        Vector512<float> u0 = Low(t0, t2), u1 = High(t0, t2), u2 = Low(t1, t3), u3 = High(t1, t3);
        Vector512<float> u4 = Low(t4, t6), u5 = High(t4, t6), u6 = Low(t5, t7), u7 = High(t5, t7);
        Vector512<float> u8 = Low(t8, t10), u9 = High(t8, t10), u10 = Low(t9, t11), u11 = High(t9, t11);
        Vector512<float> u12 = Low(t12, t14), u13 = High(t12, t14), u14 = Low(t13, t15), u15 = High(t13, t15);

        // Rounds 3 and 4, the quarters: column 4q + m is quarter q of u_m, u_(4+m), u_(8+m), u_(12+m).
        Columns(u0, u4, u8, u12, ref c, stride, first, count, 0);
        Columns(u1, u5, u9, u13, ref c, stride, first, count, 1);
        Columns(u2, u6, u10, u14, ref c, stride, first, count, 2);
        Columns(u3, u7, u11, u15, ref c, stride, first, count, 3);
    }

    /// <summary>
    /// The sum of each of sixteen vectors, as one vector: lane k is a_k[0] + … + a_k[15], added as a tree (pairs of
    /// lanes first), the same order for every k.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sums(
        Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3,
        Vector512<float> a4, Vector512<float> a5, Vector512<float> a6, Vector512<float> a7,
        Vector512<float> a8, Vector512<float> a9, Vector512<float> a10, Vector512<float> a11,
        Vector512<float> a12, Vector512<float> a13, Vector512<float> a14, Vector512<float> a15)
    {
        // Round 1: in each quarter, (a[0] + a[2], b[0] + b[2], a[1] + a[3], b[1] + b[3]) for the pair (a, b).
        Vector512<float> p0 = Pair(a0, a1), p1 = Pair(a2, a3), p2 = Pair(a4, a5), p3 = Pair(a6, a7);
        Vector512<float> p4 = Pair(a8, a9), p5 = Pair(a10, a11), p6 = Pair(a12, a13), p7 = Pair(a14, a15);

        // Round 2: in each quarter, the quarter's sum of each of four vectors.
        Vector512<float> q0 = Low(p0, p1) + High(p0, p1), q1 = Low(p2, p3) + High(p2, p3);
        Vector512<float> q2 = Low(p4, p5) + High(p4, p5), q3 = Low(p6, p7) + High(p6, p7);

        // Rounds 3 and 4: the four quarters added.
        Vector512<float> s0 = Quarters(q0, q1), s1 = Quarters(q2, q3);
        return Quarters(s0, s1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Pair(Vector512<float> a, Vector512<float> b) => Avx512F.UnpackLow(a, b) + Avx512F.UnpackHigh(a, b);

    /// <summary>Quarters 0+1 and 2+3 of <paramref name="a"/>, then of <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Quarters(Vector512<float> a, Vector512<float> b) =>
        Avx512F.Shuffle4x128(a, b, 0b10_00_10_00) + Avx512F.Shuffle4x128(a, b, 0b11_01_11_01);

    /// <summary>The low pairs of lanes of each quarter: (a[0] a[1] b[0] b[1]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Low(Vector512<float> a, Vector512<float> b) => Avx512F.UnpackLow(a.AsDouble(), b.AsDouble()).AsSingle();

    /// <summary>The high pairs of lanes of each quarter: (a[2] a[3] b[2] b[3]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> High(Vector512<float> a, Vector512<float> b) => Avx512F.UnpackHigh(a.AsDouble(), b.AsDouble()).AsSingle();

    /// <summary>Columns m, 4 + m, 8 + m, 12 + m from the quarters of the rows' fours.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Columns(Vector512<float> a, Vector512<float> b, Vector512<float> c, Vector512<float> d, ref float columns, nuint stride, int first, int count, int m)
    {
        Vector512<float> front = Avx512F.Shuffle4x128(a, b, 0b01_00_01_00), back = Avx512F.Shuffle4x128(a, b, 0b11_10_11_10);  // quarters 0, 1 | 2, 3
        Vector512<float> front2 = Avx512F.Shuffle4x128(c, d, 0b01_00_01_00), back2 = Avx512F.Shuffle4x128(c, d, 0b11_10_11_10);
        Store(Avx512F.Shuffle4x128(front, front2, 0b10_00_10_00), ref columns, stride, m - first, count);
        Store(Avx512F.Shuffle4x128(front, front2, 0b11_01_11_01), ref columns, stride, 4 + m - first, count);
        Store(Avx512F.Shuffle4x128(back, back2, 0b10_00_10_00), ref columns, stride, 8 + m - first, count);
        Store(Avx512F.Shuffle4x128(back, back2, 0b11_01_11_01), ref columns, stride, 12 + m - first, count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector512<float> column, ref float columns, nuint stride, int k, int count)
    {
        if ((uint)k < (uint)count)
        {
            column.StoreUnsafe(ref columns, (nuint)k * stride);
        }
    }
}
