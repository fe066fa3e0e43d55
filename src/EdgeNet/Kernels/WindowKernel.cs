using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EdgeNet.Kernels;

/// <summary>
/// The scanner's first layer, h = ReLU(x·W1 + b1), for <see cref="Vectors"/> vectors of neighbouring pixels of
/// one image row at once, pixels across the lanes. Pixel k = dy·size + dx of the window of pixel x0 + p is
/// <c>row_dy[x0 + p + dx]</c> of the padded rows, so the window of a whole vector of pixels is one unaligned
/// load: no patch is ever copied. Eight hidden units × three vectors stay in 24 registers for the whole window;
/// each weight is broadcast once and used by the three vectors.
/// </summary>
/// <remarks>
/// Each sum starts at b and adds x_k·W[k, j] for k = 0, 1, … with one rounding per step, as
/// <see cref="Layers.Dense{T}.ForwardReference"/> does: the same bits, lane by lane.
/// </remarks>
internal static class WindowKernel
{
    /// <summary>Vectors of pixels handled together (3 × 8 accumulators fill 24 of AVX-512's 32 registers).</summary>
    public const int Vectors = 3;

    /// <summary>Hidden units handled together; the weights come packed in groups of this many.</summary>
    public const int Group = 8;

    /// <summary>
    /// Writes h [groups·8 × tile] (tile = 3 vectors of pixels) for the pixels x0, x0 + 1, … of one row.
    /// <paramref name="rowStarts"/>[dy] is where padded row dy of the windows starts in <paramref name="rows"/>;
    /// <paramref name="weights"/> is [groups × size² × 8] and <paramref name="bias"/> [groups × 8]
    /// (see <see cref="Pack{T}"/>).
    /// </summary>
    public static void Forward<T, TVector, TSimd>(
        ReadOnlySpan<T> rows, ReadOnlySpan<int> rowStarts, int x0, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, bool relu, Span<T> h)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        int size = rowStarts.Length, inputs = size * size, groups = bias.Length / Group, tile = Vectors * TSimd.Count;
        if (weights.Length != groups * inputs * Group || h.Length < groups * Group * tile)
        {
            throw new ArgumentException("Window kernel: shapes do not fit.");
        }
        foreach (int start in rowStarts)
        {
            if (start < 0 || start + x0 + size - 1 + tile > rows.Length)
            {
                throw new ArgumentException("Window kernel: a window row does not fit the padded rows.");
            }
        }
        ref T r = ref MemoryMarshal.GetReference(rows);
        ref int starts = ref MemoryMarshal.GetReference(rowStarts);
        ref T output = ref MemoryMarshal.GetReference(h);
        for (int g = 0; g < groups; g++)
        {
            Group8<T, TVector, TSimd>(ref r, ref starts, size, x0, ref MemoryMarshal.GetReference(weights.Slice(g * inputs * Group)),
                ref MemoryMarshal.GetReference(bias.Slice(g * Group)), relu, ref Unsafe.Add(ref output, g * Group * tile));
        }
    }

    /// <summary>Packs W [inputs × outputs] and b into groups of eight hidden units, zeros past the last unit.</summary>
    public static (T[] Weights, T[] Bias) Pack<T>(ReadOnlySpan<T> w, ReadOnlySpan<T> b, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int groups = (outputs + Group - 1) / Group;
        var packed = new T[groups * inputs * Group];
        var bias = new T[groups * Group];
        for (int j = 0; j < outputs; j++)
        {
            int g = j / Group, lane = j % Group;
            bias[j] = b[j];
            for (int k = 0; k < inputs; k++)
            {
                packed[(((g * inputs) + k) * Group) + lane] = w[(k * outputs) + j];
            }
        }
        return (packed, bias);
    }

    /// <summary>Eight hidden units (a_v_j: unit j of vector v) of three vectors of pixels: 24 FMA chains.</summary>
    private static void Group8<T, TVector, TSimd>(ref T rows, ref int rowStarts, int size, int x0, ref T w, ref T b, bool relu, ref T h)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        int n = TSimd.Count;
        TVector a00 = TSimd.Broadcast(b), a01 = TSimd.Broadcast(Unsafe.Add(ref b, 1)), a02 = TSimd.Broadcast(Unsafe.Add(ref b, 2)), a03 = TSimd.Broadcast(Unsafe.Add(ref b, 3));
        TVector a04 = TSimd.Broadcast(Unsafe.Add(ref b, 4)), a05 = TSimd.Broadcast(Unsafe.Add(ref b, 5)), a06 = TSimd.Broadcast(Unsafe.Add(ref b, 6)), a07 = TSimd.Broadcast(Unsafe.Add(ref b, 7));
        TVector a10 = a00, a11 = a01, a12 = a02, a13 = a03, a14 = a04, a15 = a05, a16 = a06, a17 = a07;  // z = b
        TVector a20 = a00, a21 = a01, a22 = a02, a23 = a03, a24 = a04, a25 = a05, a26 = a06, a27 = a07;
        for (int dy = 0; dy < size; dy++)
        {
            ref T row = ref Unsafe.Add(ref rows, Unsafe.Add(ref rowStarts, dy) + x0);
            for (int dx = 0; dx < size; dx++)
            {
                ref T p = ref Unsafe.Add(ref row, dx);
                TVector x0v = TSimd.Load(in p), x1v = TSimd.Load(in Unsafe.Add(ref p, n)), x2v = TSimd.Load(in Unsafe.Add(ref p, 2 * n)); // x_k of 3 vectors of pixels
                TVector wj = TSimd.Broadcast(w);                                                             // z_j += x_k · W[k, j]
                a00 = TSimd.MultiplyAdd(x0v, wj, a00); a10 = TSimd.MultiplyAdd(x1v, wj, a10); a20 = TSimd.MultiplyAdd(x2v, wj, a20);
                wj = TSimd.Broadcast(Unsafe.Add(ref w, 1));
                a01 = TSimd.MultiplyAdd(x0v, wj, a01); a11 = TSimd.MultiplyAdd(x1v, wj, a11); a21 = TSimd.MultiplyAdd(x2v, wj, a21);
                wj = TSimd.Broadcast(Unsafe.Add(ref w, 2));
                a02 = TSimd.MultiplyAdd(x0v, wj, a02); a12 = TSimd.MultiplyAdd(x1v, wj, a12); a22 = TSimd.MultiplyAdd(x2v, wj, a22);
                wj = TSimd.Broadcast(Unsafe.Add(ref w, 3));
                a03 = TSimd.MultiplyAdd(x0v, wj, a03); a13 = TSimd.MultiplyAdd(x1v, wj, a13); a23 = TSimd.MultiplyAdd(x2v, wj, a23);
                wj = TSimd.Broadcast(Unsafe.Add(ref w, 4));
                a04 = TSimd.MultiplyAdd(x0v, wj, a04); a14 = TSimd.MultiplyAdd(x1v, wj, a14); a24 = TSimd.MultiplyAdd(x2v, wj, a24);
                wj = TSimd.Broadcast(Unsafe.Add(ref w, 5));
                a05 = TSimd.MultiplyAdd(x0v, wj, a05); a15 = TSimd.MultiplyAdd(x1v, wj, a15); a25 = TSimd.MultiplyAdd(x2v, wj, a25);
                wj = TSimd.Broadcast(Unsafe.Add(ref w, 6));
                a06 = TSimd.MultiplyAdd(x0v, wj, a06); a16 = TSimd.MultiplyAdd(x1v, wj, a16); a26 = TSimd.MultiplyAdd(x2v, wj, a26);
                wj = TSimd.Broadcast(Unsafe.Add(ref w, 7));
                a07 = TSimd.MultiplyAdd(x0v, wj, a07); a17 = TSimd.MultiplyAdd(x1v, wj, a17); a27 = TSimd.MultiplyAdd(x2v, wj, a27);
                w = ref Unsafe.Add(ref w, Group);
            }
        }
        int tile = Vectors * n;
        Store<T, TVector, TSimd>(a00, a10, a20, relu, ref h, tile);                                   // h = ReLU(z)
        Store<T, TVector, TSimd>(a01, a11, a21, relu, ref Unsafe.Add(ref h, tile), tile);
        Store<T, TVector, TSimd>(a02, a12, a22, relu, ref Unsafe.Add(ref h, 2 * tile), tile);
        Store<T, TVector, TSimd>(a03, a13, a23, relu, ref Unsafe.Add(ref h, 3 * tile), tile);
        Store<T, TVector, TSimd>(a04, a14, a24, relu, ref Unsafe.Add(ref h, 4 * tile), tile);
        Store<T, TVector, TSimd>(a05, a15, a25, relu, ref Unsafe.Add(ref h, 5 * tile), tile);
        Store<T, TVector, TSimd>(a06, a16, a26, relu, ref Unsafe.Add(ref h, 6 * tile), tile);
        Store<T, TVector, TSimd>(a07, a17, a27, relu, ref Unsafe.Add(ref h, 7 * tile), tile);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T, TVector, TSimd>(TVector v0, TVector v1, TVector v2, bool relu, ref T target, int tile)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        int n = tile / Vectors;
        TSimd.Store(relu ? TSimd.Relu(v0) : v0, ref target);
        TSimd.Store(relu ? TSimd.Relu(v1) : v1, ref Unsafe.Add(ref target, n));
        TSimd.Store(relu ? TSimd.Relu(v2) : v2, ref Unsafe.Add(ref target, 2 * n));
    }
}
