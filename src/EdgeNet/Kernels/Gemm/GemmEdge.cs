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
                Tile8x1<T, TV, TS>(inBlock, w, 0, 0, ref ai, ref panel, ref block, ref block);
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
}
