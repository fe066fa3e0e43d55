using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>What C starts from before the products are added.</summary>
internal enum GemmStart
{
    /// <summary>C = A·B.</summary>
    Zero,

    /// <summary>C[m, j] = bias[j] + (A·B)[m, j]: a dense layer's z = x·W + b.</summary>
    BiasPerColumn,

    /// <summary>C[m, j] = bias[m] + (A·B)[m, j]: the same layer with everything transposed (scanning).</summary>
    BiasPerRow,

    /// <summary>C += A·B: continues sums that an earlier call started (k in order across the calls).</summary>
    Accumulate,
}

/// <summary>
/// The fast matrix product <c>C = start + A·B</c> (optionally stored through ReLU) behind every dense layer: register tiles of 4 rows × 4 vectors,
/// or, for tall products on 512-bit vectors, 6 rows × 4 vectors over packed panels of B (<c>GemmPacked.cs</c>, <c>GemmEdge.cs</c>);
/// fused multiply-add, deep products cut into equal blocks of k (sums continue across blocks, in order). Each C[m, j] adds its products in the order k = 0, 1, … exactly as the plain loops in
/// the reference pass's plain loops (<c>ReferencePass.DenseForward</c>) do, so both give the same bits.
/// </summary>
/// <remarks>
/// Shapes: A is [m × k] read at <c>a[row·aRowStride + col·aColStride]</c> (so Aᵀ costs nothing), B is [k × n]
/// row-major with <c>ldb</c> between rows, C is [m × n] row-major with <c>ldc</c>.
/// </remarks>
internal static partial class Gemm
{
    private const int Rows = 4;
    private const int Vectors = 4;
    private const int DepthBlock = 128;                                 // ≤ 128 rows of a 64-float panel: ≤ 32 KB, in L1

    public static void Multiply<T>(
        int m, int n, int k,
        ReadOnlySpan<T> a, int aRowStride, int aColStride,
        ReadOnlySpan<T> b, int ldb,
        Span<T> c, int ldc,
        GemmStart start, ReadOnlySpan<T> bias, bool relu = false, int threads = 1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.Require(m >= 0 && n >= 0 && k >= 0 && aRowStride >= 0 && aColStride >= 0 && ldb >= 0 && ldc >= 0, "Matrix product");
        if (m == 0 || n == 0)
        {
            return;
        }
        KernelChecks.Require(
            (k == 0 || (a.Length >= ((m - 1L) * aRowStride) + ((k - 1L) * aColStride) + 1 && b.Length >= ((k - 1L) * ldb) + n))
            && (m == 1 || ldc >= n) && c.Length >= ((m - 1L) * ldc) + n
            && (start != GemmStart.BiasPerColumn || bias.Length >= n)
            && (start != GemmStart.BiasPerRow || bias.Length >= m),
            "Matrix product");
        if (Splits(m, n, k, threads))
        {
            MultiplyOnThreads(m, n, k, a, aRowStride, aColStride, b, ldb, c, ldc, start, bias, relu, threads);   // blocks of rows
            return;
        }
        if (k <= 2 * DepthBlock)
        {
            Run(new Operands<T>(k, aRowStride, aColStride, ldc, start, relu), ldb, m, n, a, b, c, bias);
            return;
        }
        int blockDepth = (k + ((k + DepthBlock - 1) / DepthBlock) - 1) / ((k + DepthBlock - 1) / DepthBlock); // equal blocks ≤ 128
        for (int kb = 0; kb < k; kb += blockDepth)                       // deep products: B in blocks that stay in L1
        {
            int depth = Math.Min(blockDepth, k - kb);
            var o = new Operands<T>(depth, aRowStride, aColStride, ldc, kb == 0 ? start : GemmStart.Accumulate, relu && kb + depth == k);
            Run(o, ldb, m, n, a[(kb * aColStride)..], b[(kb * ldb)..], c, bias);
        }
    }

    private static void Run<T>(in Operands<T> o, int ldb, int m, int n, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, ReadOnlySpan<T> bias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = o.K;
        ref T ra = ref MemoryMarshal.GetReference(a);
        ref T rb = ref MemoryMarshal.GetReference(b);
        ref T rc = ref MemoryMarshal.GetReference(c);
        ref T rbias = ref MemoryMarshal.GetReference(bias);
        int j = 0;
        if (Simd512<T>.IsAccelerated && PackingPays(m))
        {
            j = PackedColumns<T, Vector512<T>, Simd512<T>>(o, ldb, m, n, j, ref ra, ref rb, ref rc, ref rbias);   // panels of 4 vectors
            if (n - j >= Simd512<T>.Count)
            {
                j = Columns<T, Vector512<T>, Simd512<T>>(o, ldb, m, n, j, ref ra, ref rb, ref rc, ref rbias);     // single vectors
            }
            if (j < n)
            {
                j = PackedEdge<T, Vector512<T>, Simd512<T>>(o, ldb, m, n, j, ref ra, ref rb, ref rc, ref rbias);  // less than a vector
            }
        }
        else if (Simd512<T>.IsAccelerated && n >= Simd512<T>.Count)
        {
            j = Columns<T, Vector512<T>, Simd512<T>>(o, ldb, m, n, j, ref ra, ref rb, ref rc, ref rbias);
        }
        if (Simd256<T>.IsAccelerated && n - j >= Simd256<T>.Count)
        {
            j = Columns<T, Vector256<T>, Simd256<T>>(o, ldb, m, n, j, ref ra, ref rb, ref rc, ref rbias);
        }
        if (Simd128<T>.IsAccelerated && n - j >= Simd128<T>.Count)
        {
            j = Columns<T, Vector128<T>, Simd128<T>>(o, ldb, m, n, j, ref ra, ref rb, ref rc, ref rbias);
        }
        for (; j < n; j++)
        {
            int i = 0;
            for (; i + 8 <= m; i += 8)                                      // eight rows: enough chains to fill both FMA ports
            {
                Scalar8(o, ldb, i, j, ref ra, ref rb, ref rc, ref rbias);
            }
            for (; i + 4 <= m; i += 4)                                      // four rows: four independent chains
            {
                T s0 = Start(o, ref rbias, ref rc, i, j), s1 = Start(o, ref rbias, ref rc, i + 1, j);
                T s2 = Start(o, ref rbias, ref rc, i + 2, j), s3 = Start(o, ref rbias, ref rc, i + 3, j);
                for (int p = 0; p < k; p++)
                {
                    T bp = Unsafe.Add(ref rb, (p * ldb) + j);
                    ref T ap = ref Unsafe.Add(ref ra, (i * o.ARow) + (p * o.ACol));
                    s0 = T.FusedMultiplyAdd(ap, bp, s0);
                    s1 = T.FusedMultiplyAdd(Unsafe.Add(ref ap, o.ARow), bp, s1);
                    s2 = T.FusedMultiplyAdd(Unsafe.Add(ref ap, 2 * o.ARow), bp, s2);
                    s3 = T.FusedMultiplyAdd(Unsafe.Add(ref ap, 3 * o.ARow), bp, s3);
                }
                Unsafe.Add(ref rc, (i * o.Ldc) + j) = Put(o, s0);
                Unsafe.Add(ref rc, ((i + 1) * o.Ldc) + j) = Put(o, s1);
                Unsafe.Add(ref rc, ((i + 2) * o.Ldc) + j) = Put(o, s2);
                Unsafe.Add(ref rc, ((i + 3) * o.Ldc) + j) = Put(o, s3);
            }
            for (; i < m; i++)
            {
                T sum = Start(o, ref rbias, ref rc, i, j);
                for (int p = 0; p < k; p++)
                {
                    sum = T.FusedMultiplyAdd(Unsafe.Add(ref ra, (i * o.ARow) + (p * o.ACol)), Unsafe.Add(ref rb, (p * ldb) + j), sum);
                }
                Unsafe.Add(ref rc, (i * o.Ldc) + j) = Put(o, sum);
            }
        }
    }

    /// <summary>C[i..i+8, j], one column of a narrow layer: eight independent chains, each in the order p = 0, 1, ….</summary>
    private static void Scalar8<T>(in Operands<T> o, int ldb, int i, int j, ref T ra, ref T rb, ref T rc, ref T rbias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T s0 = Start(o, ref rbias, ref rc, i, j), s1 = Start(o, ref rbias, ref rc, i + 1, j);
        T s2 = Start(o, ref rbias, ref rc, i + 2, j), s3 = Start(o, ref rbias, ref rc, i + 3, j);
        T s4 = Start(o, ref rbias, ref rc, i + 4, j), s5 = Start(o, ref rbias, ref rc, i + 5, j);
        T s6 = Start(o, ref rbias, ref rc, i + 6, j), s7 = Start(o, ref rbias, ref rc, i + 7, j);
        int r = o.ARow;
        for (int p = 0; p < o.K; p++)
        {
            T bp = Unsafe.Add(ref rb, (p * ldb) + j);
            ref T ap = ref Unsafe.Add(ref ra, (i * r) + (p * o.ACol));
            s0 = T.FusedMultiplyAdd(ap, bp, s0);
            s1 = T.FusedMultiplyAdd(Unsafe.Add(ref ap, r), bp, s1);
            s2 = T.FusedMultiplyAdd(Unsafe.Add(ref ap, 2 * r), bp, s2);
            s3 = T.FusedMultiplyAdd(Unsafe.Add(ref ap, 3 * r), bp, s3);
            s4 = T.FusedMultiplyAdd(Unsafe.Add(ref ap, 4 * r), bp, s4);
            s5 = T.FusedMultiplyAdd(Unsafe.Add(ref ap, 5 * r), bp, s5);
            s6 = T.FusedMultiplyAdd(Unsafe.Add(ref ap, 6 * r), bp, s6);
            s7 = T.FusedMultiplyAdd(Unsafe.Add(ref ap, 7 * r), bp, s7);
        }
        ref T c = ref Unsafe.Add(ref rc, (i * o.Ldc) + j);
        c = Put(o, s0);
        Unsafe.Add(ref c, o.Ldc) = Put(o, s1);
        Unsafe.Add(ref c, 2 * o.Ldc) = Put(o, s2);
        Unsafe.Add(ref c, 3 * o.Ldc) = Put(o, s3);
        Unsafe.Add(ref c, 4 * o.Ldc) = Put(o, s4);
        Unsafe.Add(ref c, 5 * o.Ldc) = Put(o, s5);
        Unsafe.Add(ref c, 6 * o.Ldc) = Put(o, s6);
        Unsafe.Add(ref c, 7 * o.Ldc) = Put(o, s7);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Start<T>(in Operands<T> o, ref T bias, ref T c, int i, int j)
        where T : unmanaged, IFloatingPointIeee754<T> => o.Start switch
        {
            GemmStart.BiasPerColumn => Unsafe.Add(ref bias, j),
            GemmStart.BiasPerRow => Unsafe.Add(ref bias, i),
            GemmStart.Accumulate => Unsafe.Add(ref c, (i * o.Ldc) + j),
            _ => T.Zero,
        };

    /// <summary>
    /// Covers columns from <paramref name="j"/> with whole vectors; a ragged end is covered by one more vector
    /// ending at column n, which recomputes a few columns with the very same operations (same bits); except when
    /// accumulating, where narrower vectors and scalars take the end. Returns the first column left.
    /// </summary>
    private static int Columns<T, TV, TS>(in Operands<T> o, int ldb, int m, int n, int j, ref T a, ref T b, ref T c, ref T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        int w = TS.Count;
        for (; j + (Vectors * w) <= n; j += Vectors * w)
        {
            int i = 0;
            for (; i + Rows <= m; i += Rows)
            {
                Tile4x4<T, TV, TS>(o, ldb, i, j, ref a, ref Unsafe.Add(ref b, j), ref c, ref bias);
            }
            for (; i < m; i++)
            {
                Tile1x4<T, TV, TS>(o, ldb, i, j, ref a, ref Unsafe.Add(ref b, j), ref c, ref bias);
            }
        }
        bool overlap = o.Start != GemmStart.Accumulate;                     // C += … must not run twice on a column
        while (overlap ? j < n && n >= w : j + w <= n)
        {
            j = Math.Min(j, n - w);                                         // the ragged end: overlap, not mask
            int i = 0;
            for (; i + (2 * Rows) <= m; i += 2 * Rows)
            {
                Tile8x1<T, TV, TS>(o, ldb, i, j, ref a, ref Unsafe.Add(ref b, j), ref c, ref bias);  // 8 FMA chains in flight
            }
            for (; i + Rows <= m; i += Rows)
            {
                Tile4x1<T, TV, TS>(o, ldb, i, j, ref a, ref Unsafe.Add(ref b, j), ref c, ref bias);
            }
            for (; i < m; i++)
            {
                Tile1x1<T, TV, TS>(o, ldb, i, j, ref a, ref Unsafe.Add(ref b, j), ref c, ref bias);
            }
            j += w;
        }
        return j;
    }

    /// <summary>Stores a finished vector of C, through ReLU when asked (the scanner's h = ReLU(z)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put<T, TV, TS>(in Operands<T> o, TV value, ref T destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV> => TS.Store(o.Relu ? TS.Relu(value) : value, ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Put<T>(in Operands<T> o, T value) where T : unmanaged, IFloatingPointIeee754<T> =>
        o.Relu && !(value > T.Zero) ? T.Zero : value;

    /// <summary>Sizes and strides shared by the tiles; Relu: store max(0, C).</summary>
    private readonly record struct Operands<T>(int K, int ARow, int ACol, int Ldc, GemmStart Start, bool Relu);
}
