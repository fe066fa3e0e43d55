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
    private static int PackedColumns<T, TV, TS>(in Operands<T> o, int ldb, int m, int n, int j, ref T a, ref T b, ref T c, ref T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        int w = TS.Count;
        int width = Vectors * w;
        ref T panel = ref MemoryMarshal.GetReference(PanelBuffer<T>.Get(o.K * width));
        for (; j + width <= n; j += width)
        {
            for (int p = 0; p < o.K; p++)                                   // panel[p, :] = B[p, j .. j + width)
            {
                ref T from = ref Unsafe.Add(ref b, (p * ldb) + j);
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
                Tile4x4<T, TV, TS>(o, width, i, j, ref a, ref panel, ref c, ref bias);
            }
            for (; i < m; i++)
            {
                Tile1x4<T, TV, TS>(o, width, i, j, ref a, ref panel, ref c, ref bias);
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
}
