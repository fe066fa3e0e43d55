using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EdgeNet.Kernels;

/// <summary>
/// The packed path of <see cref="Gemm"/> for tall products on 512-bit vectors (32 registers): B is copied, one panel
/// of 4 vectors' width at a time, into a contiguous 64-byte-aligned buffer (row p of the panel right after row
/// p − 1, so the tiles read one stream that stays in L1), and tiles of 6 rows × 4 vectors (24 accumulators) run
/// over it. Copying changes no sum: each C[i, j] still adds its products in the order p = 0, 1, ….
/// </summary>
internal static partial class Gemm
{
    private const int PackedRows = 6;

    /// <summary>Whether packing pays: enough rows of A to reuse each panel of B several times.</summary>
    private static bool PackingPays(int m) => m >= 2 * PackedRows;

    /// <summary>Covers whole panels of 4 vectors from column <paramref name="j"/>; returns the first column left.</summary>
    private static int PackedColumns<T, TV, TS, TR>(in Operands<T> o, TR rows, int m, int n, int j, ref T a, ref T b, ref T c, ref T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
        where TR : struct, IRowOffsets
    {
        int w = TS.Count;
        int width = Vectors * w;
        ref T panel = ref MemoryMarshal.GetReference(PanelBuffer<T>.Get(o.K * width));
        var panelRows = new StridedRows(width);
        for (; j + width <= n; j += width)
        {
            for (int p = 0; p < o.K; p++)                                   // panel[p, :] = B[p, j .. j + width)
            {
                ref T from = ref Unsafe.Add(ref b, rows.Of(p) + j);
                ref T to = ref Unsafe.Add(ref panel, p * width);
                TS.Store(TS.Load(in from), ref to);
                TS.Store(TS.Load(in Unsafe.Add(ref from, w)), ref Unsafe.Add(ref to, w));
                TS.Store(TS.Load(in Unsafe.Add(ref from, 2 * w)), ref Unsafe.Add(ref to, 2 * w));
                TS.Store(TS.Load(in Unsafe.Add(ref from, 3 * w)), ref Unsafe.Add(ref to, 3 * w));
            }
            int i = 0;
            for (; i + PackedRows <= m; i += PackedRows)
            {
                Tile6x4<T, TV, TS>(o, i, j, ref a, ref panel, ref c, ref bias);
            }
            for (; i + Rows <= m; i += Rows)
            {
                Tile4x4<T, TV, TS, StridedRows>(o, panelRows, i, j, ref a, ref panel, ref c, ref bias);
            }
            for (; i < m; i++)
            {
                Tile1x4<T, TV, TS, StridedRows>(o, panelRows, i, j, ref a, ref panel, ref c, ref bias);
            }
        }
        return j;
    }

    /// <summary>C[i .. i+6, j .. j+4w] = start + A·B from a packed panel: per step p, 4 loads, 6 broadcasts, 24 FMA.</summary>
    private static void Tile6x4<T, TV, TS>(in Operands<T> o, int i, int j, ref T a, ref T panel, ref T c, ref T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        int w = TS.Count;
        TV c00 = Begin<T, TV, TS>(o, i, j, ref bias, ref c), c01 = Begin<T, TV, TS>(o, i, j + w, ref bias, ref c);
        TV c02 = Begin<T, TV, TS>(o, i, j + (2 * w), ref bias, ref c), c03 = Begin<T, TV, TS>(o, i, j + (3 * w), ref bias, ref c);
        TV c10 = Begin<T, TV, TS>(o, i + 1, j, ref bias, ref c), c11 = Begin<T, TV, TS>(o, i + 1, j + w, ref bias, ref c);
        TV c12 = Begin<T, TV, TS>(o, i + 1, j + (2 * w), ref bias, ref c), c13 = Begin<T, TV, TS>(o, i + 1, j + (3 * w), ref bias, ref c);
        TV c20 = Begin<T, TV, TS>(o, i + 2, j, ref bias, ref c), c21 = Begin<T, TV, TS>(o, i + 2, j + w, ref bias, ref c);
        TV c22 = Begin<T, TV, TS>(o, i + 2, j + (2 * w), ref bias, ref c), c23 = Begin<T, TV, TS>(o, i + 2, j + (3 * w), ref bias, ref c);
        TV c30 = Begin<T, TV, TS>(o, i + 3, j, ref bias, ref c), c31 = Begin<T, TV, TS>(o, i + 3, j + w, ref bias, ref c);
        TV c32 = Begin<T, TV, TS>(o, i + 3, j + (2 * w), ref bias, ref c), c33 = Begin<T, TV, TS>(o, i + 3, j + (3 * w), ref bias, ref c);
        TV c40 = Begin<T, TV, TS>(o, i + 4, j, ref bias, ref c), c41 = Begin<T, TV, TS>(o, i + 4, j + w, ref bias, ref c);
        TV c42 = Begin<T, TV, TS>(o, i + 4, j + (2 * w), ref bias, ref c), c43 = Begin<T, TV, TS>(o, i + 4, j + (3 * w), ref bias, ref c);
        TV c50 = Begin<T, TV, TS>(o, i + 5, j, ref bias, ref c), c51 = Begin<T, TV, TS>(o, i + 5, j + w, ref bias, ref c);
        TV c52 = Begin<T, TV, TS>(o, i + 5, j + (2 * w), ref bias, ref c), c53 = Begin<T, TV, TS>(o, i + 5, j + (3 * w), ref bias, ref c);
        nint r = o.ARow, step = o.ACol, pa = 0, pb = 0;                     // offsets, not moving refs: none points past the end
        ref T a0 = ref Unsafe.Add(ref a, i * o.ARow);
        ref T a3 = ref Unsafe.Add(ref a0, 3 * r);
        for (int p = 0; p < o.K; p++)
        {
            ref T bp = ref Unsafe.Add(ref panel, pb);
            TV b0 = TS.Load(in bp), b1 = TS.Load(in Unsafe.Add(ref bp, w));
            TV b2 = TS.Load(in Unsafe.Add(ref bp, 2 * w)), b3 = TS.Load(in Unsafe.Add(ref bp, 3 * w));
            ref T ap = ref Unsafe.Add(ref a0, pa);
            ref T aq = ref Unsafe.Add(ref a3, pa);
            TV x = TS.Broadcast(ap);                                            // … + A[i, p]·B[p, j]
            c00 = TS.MultiplyAdd(x, b0, c00); c01 = TS.MultiplyAdd(x, b1, c01); c02 = TS.MultiplyAdd(x, b2, c02); c03 = TS.MultiplyAdd(x, b3, c03);
            x = TS.Broadcast(Unsafe.Add(ref ap, r));
            c10 = TS.MultiplyAdd(x, b0, c10); c11 = TS.MultiplyAdd(x, b1, c11); c12 = TS.MultiplyAdd(x, b2, c12); c13 = TS.MultiplyAdd(x, b3, c13);
            x = TS.Broadcast(Unsafe.Add(ref ap, 2 * r));
            c20 = TS.MultiplyAdd(x, b0, c20); c21 = TS.MultiplyAdd(x, b1, c21); c22 = TS.MultiplyAdd(x, b2, c22); c23 = TS.MultiplyAdd(x, b3, c23);
            x = TS.Broadcast(aq);
            c30 = TS.MultiplyAdd(x, b0, c30); c31 = TS.MultiplyAdd(x, b1, c31); c32 = TS.MultiplyAdd(x, b2, c32); c33 = TS.MultiplyAdd(x, b3, c33);
            x = TS.Broadcast(Unsafe.Add(ref aq, r));
            c40 = TS.MultiplyAdd(x, b0, c40); c41 = TS.MultiplyAdd(x, b1, c41); c42 = TS.MultiplyAdd(x, b2, c42); c43 = TS.MultiplyAdd(x, b3, c43);
            x = TS.Broadcast(Unsafe.Add(ref aq, 2 * r));
            c50 = TS.MultiplyAdd(x, b0, c50); c51 = TS.MultiplyAdd(x, b1, c51); c52 = TS.MultiplyAdd(x, b2, c52); c53 = TS.MultiplyAdd(x, b3, c53);
            pa += step;
            pb += 4 * w;
        }
        int l = o.Ldc;
        ref T row = ref Unsafe.Add(ref c, (i * l) + j);
        Put<T, TV, TS>(o, c00, ref row); Put<T, TV, TS>(o, c01, ref Unsafe.Add(ref row, w)); Put<T, TV, TS>(o, c02, ref Unsafe.Add(ref row, 2 * w)); Put<T, TV, TS>(o, c03, ref Unsafe.Add(ref row, 3 * w));
        row = ref Unsafe.Add(ref row, l);
        Put<T, TV, TS>(o, c10, ref row); Put<T, TV, TS>(o, c11, ref Unsafe.Add(ref row, w)); Put<T, TV, TS>(o, c12, ref Unsafe.Add(ref row, 2 * w)); Put<T, TV, TS>(o, c13, ref Unsafe.Add(ref row, 3 * w));
        row = ref Unsafe.Add(ref row, l);
        Put<T, TV, TS>(o, c20, ref row); Put<T, TV, TS>(o, c21, ref Unsafe.Add(ref row, w)); Put<T, TV, TS>(o, c22, ref Unsafe.Add(ref row, 2 * w)); Put<T, TV, TS>(o, c23, ref Unsafe.Add(ref row, 3 * w));
        row = ref Unsafe.Add(ref row, l);
        Put<T, TV, TS>(o, c30, ref row); Put<T, TV, TS>(o, c31, ref Unsafe.Add(ref row, w)); Put<T, TV, TS>(o, c32, ref Unsafe.Add(ref row, 2 * w)); Put<T, TV, TS>(o, c33, ref Unsafe.Add(ref row, 3 * w));
        row = ref Unsafe.Add(ref row, l);
        Put<T, TV, TS>(o, c40, ref row); Put<T, TV, TS>(o, c41, ref Unsafe.Add(ref row, w)); Put<T, TV, TS>(o, c42, ref Unsafe.Add(ref row, 2 * w)); Put<T, TV, TS>(o, c43, ref Unsafe.Add(ref row, 3 * w));
        row = ref Unsafe.Add(ref row, l);
        Put<T, TV, TS>(o, c50, ref row); Put<T, TV, TS>(o, c51, ref Unsafe.Add(ref row, w)); Put<T, TV, TS>(o, c52, ref Unsafe.Add(ref row, 2 * w)); Put<T, TV, TS>(o, c53, ref Unsafe.Add(ref row, 3 * w));
    }

    /// <summary>
    /// The last columns j .. n, fewer than one vector: B's columns copied into a panel one vector wide, padded with
    /// zeros, and 8, 4 or 1 rows at a time computed in a small block (started from b or C, as C would be) whose
    /// first n − j columns are then copied to C. A narrow layer (10 classes) thus runs on whole vectors.
    /// </summary>
    private static int PackedEdge<T, TV, TS, TR>(in Operands<T> o, TR rows, int m, int n, int j, ref T a, ref T b, ref T c, ref T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
        where TR : struct, IRowOffsets
    {
        int w = TS.Count, columns = n - j;
        ref T panel = ref MemoryMarshal.GetReference(PanelBuffer<T>.Get(o.K * w));
        for (int p = 0; p < o.K; p++)                                       // panel[p, :] = B[p, j .. n), then zeros
        {
            ref T from = ref Unsafe.Add(ref b, rows.Of(p) + j);
            ref T to = ref Unsafe.Add(ref panel, p * w);
            MemoryMarshal.CreateReadOnlySpan(ref from, columns).CopyTo(MemoryMarshal.CreateSpan(ref to, w));
            MemoryMarshal.CreateSpan(ref Unsafe.Add(ref to, columns), w - columns).Clear();
        }
        Span<T> blockSpan = stackalloc T[2 * Rows * w];
        ref T block = ref MemoryMarshal.GetReference(blockSpan);
        var inBlock = new Operands<T>(o.K, o.ARow, o.ACol, w, GemmStart.Accumulate, Relu: false);
        var panelRows = new StridedRows(w);
        for (int i = 0; i < m;)
        {
            int height = m - i >= 2 * Rows ? 2 * Rows : m - i >= Rows ? Rows : 1;
            blockSpan.Clear();
            for (int r = 0; r < height; r++)                                // start as C would: 0, b or C so far
            {
                Span<T> start = blockSpan.Slice(r * w, columns);
                switch (o.Start)
                {
                    case GemmStart.BiasPerColumn:
                        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref bias, j), columns).CopyTo(start);
                        break;
                    case GemmStart.BiasPerRow:
                        start.Fill(Unsafe.Add(ref bias, i + r));
                        break;
                    case GemmStart.Accumulate:
                        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref c, ((i + r) * o.Ldc) + j), columns).CopyTo(start);
                        break;
                }
            }
            ref T ai = ref Unsafe.Add(ref a, i * o.ARow);
            if (height == 2 * Rows)
            {
                Tile8x1Packed<T, TV, TS>(inBlock, 0, 0, ref ai, ref panel, ref block, ref block);
            }
            else if (height == Rows)
            {
                Tile4x1<T, TV, TS, StridedRows>(inBlock, panelRows, 0, 0, ref ai, ref panel, ref block, ref block);
            }
            else
            {
                Tile1x1<T, TV, TS, StridedRows>(inBlock, panelRows, 0, 0, ref ai, ref panel, ref block, ref block);
            }
            for (int r = 0; r < height; r++)
            {
                Span<T> to = MemoryMarshal.CreateSpan(ref Unsafe.Add(ref c, ((i + r) * o.Ldc) + j), columns);
                blockSpan.Slice(r * w, columns).CopyTo(to);
                for (int q = 0; o.Relu && q < columns; q++)
                {
                    to[q] = Put(o, to[q]);
                }
            }
            i += height;
        }
        return n;
    }

    /// <summary>
    /// C[i .. i+8, j .. j+w] = start + A·B from a panel one vector wide (the narrow edge): per step p, one load and
    /// 8 broadcasts, 8 FMA chains.
    /// </summary>
    private static void Tile8x1Packed<T, TV, TS>(in Operands<T> o, int i, int j, ref T a, ref T panel, ref T c, ref T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        TV c0 = Begin<T, TV, TS>(o, i, j, ref bias, ref c), c1 = Begin<T, TV, TS>(o, i + 1, j, ref bias, ref c);
        TV c2 = Begin<T, TV, TS>(o, i + 2, j, ref bias, ref c), c3 = Begin<T, TV, TS>(o, i + 3, j, ref bias, ref c);
        TV c4 = Begin<T, TV, TS>(o, i + 4, j, ref bias, ref c), c5 = Begin<T, TV, TS>(o, i + 5, j, ref bias, ref c);
        TV c6 = Begin<T, TV, TS>(o, i + 6, j, ref bias, ref c), c7 = Begin<T, TV, TS>(o, i + 7, j, ref bias, ref c);
        nint r = o.ARow, step = o.ACol, pa = 0, pb = 0, w = TS.Count;
        ref T a0 = ref Unsafe.Add(ref a, i * o.ARow);
        ref T a4 = ref Unsafe.Add(ref a0, 4 * r);
        for (int p = 0; p < o.K; p++)
        {
            TV bp = TS.Load(in Unsafe.Add(ref panel, pb));
            ref T ap = ref Unsafe.Add(ref a0, pa);
            ref T aq = ref Unsafe.Add(ref a4, pa);
            c0 = TS.MultiplyAdd(TS.Broadcast(ap), bp, c0);                      // … + A[i, p]·B[p, j]
            c1 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref ap, r)), bp, c1);
            c2 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref ap, 2 * r)), bp, c2);
            c3 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref ap, 3 * r)), bp, c3);
            c4 = TS.MultiplyAdd(TS.Broadcast(aq), bp, c4);
            c5 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref aq, r)), bp, c5);
            c6 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref aq, 2 * r)), bp, c6);
            c7 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref aq, 3 * r)), bp, c7);
            pa += step;
            pb += w;
        }
        int l = o.Ldc;
        ref T row = ref Unsafe.Add(ref c, (i * l) + j);
        Put<T, TV, TS>(o, c0, ref row);
        Put<T, TV, TS>(o, c1, ref Unsafe.Add(ref row, l));
        Put<T, TV, TS>(o, c2, ref Unsafe.Add(ref row, 2 * l));
        Put<T, TV, TS>(o, c3, ref Unsafe.Add(ref row, 3 * l));
        Put<T, TV, TS>(o, c4, ref Unsafe.Add(ref row, 4 * l));
        Put<T, TV, TS>(o, c5, ref Unsafe.Add(ref row, 5 * l));
        Put<T, TV, TS>(o, c6, ref Unsafe.Add(ref row, 6 * l));
        Put<T, TV, TS>(o, c7, ref Unsafe.Add(ref row, 7 * l));
    }
}
