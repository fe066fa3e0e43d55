using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EdgeNet.Kernels;

/// <summary>
/// The narrow edge of <see cref="Gemm"/>'s packed path: columns fewer than one vector (a 10-class layer, the end of a
/// ragged row), computed on whole vectors from a zero-padded panel and copied out.
/// </summary>
internal static partial class Gemm
{
    /// <summary>
    /// The last columns j .. n, fewer than one vector: B's columns copied into a panel one vector wide, padded with
    /// zeros, and 8, 4 or 1 rows at a time computed in a small block (started from b or C, as C would be) whose
    /// first n − j columns are then copied to C. A narrow layer (10 classes) thus runs on whole vectors.
    /// </summary>
    private static int PackedEdge<T, TV, TS>(in Operands<T> o, int ldb, int m, int n, int j, ref T a, ref T b, ref T c, ref T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        int w = TS.Count, columns = n - j;
        ref T panel = ref MemoryMarshal.GetReference(PanelBuffer<T>.Get(o.K * w));
        for (int p = 0; p < o.K; p++)                                       // panel[p, :] = B[p, j .. n), then zeros
        {
            ref T from = ref Unsafe.Add(ref b, (p * ldb) + j);
            ref T to = ref Unsafe.Add(ref panel, p * w);
            MemoryMarshal.CreateReadOnlySpan(ref from, columns).CopyTo(MemoryMarshal.CreateSpan(ref to, w));
            MemoryMarshal.CreateSpan(ref Unsafe.Add(ref to, columns), w - columns).Clear();
        }
        Span<T> blockSpan = stackalloc T[2 * Rows * w];
        ref T block = ref MemoryMarshal.GetReference(blockSpan);
        var inBlock = new Operands<T>(o.K, o.ARow, o.ACol, w, GemmStart.Accumulate, Relu: false);
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
                Tile4x1<T, TV, TS>(inBlock, w, 0, 0, ref ai, ref panel, ref block, ref block);
            }
            else
            {
                Tile1x1<T, TV, TS>(inBlock, w, 0, 0, ref ai, ref panel, ref block, ref block);
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
