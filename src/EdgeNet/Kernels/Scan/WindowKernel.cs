using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace EdgeNet.Kernels;

/// <summary>
/// The scanner's first layer, h = f(x·W1 + b1) (f the hidden activation, <see cref="IActivation"/>), for <see cref="Vectors"/> vectors of neighbouring pixels of
/// one image row at once, pixels across the lanes. Pixel k = dy·size + dx of the window of pixel x is
/// <c>rows[start_dy + x + dx]</c> (window row dy starts at start_dy: the image row itself, or an edge-replicated strip,
/// see <c>Inference/WindowRows</c>), so input k of a whole vector of pixels is one unaligned load: no patch is ever
/// copied. Eight hidden units × three vectors stay in 24 registers for the whole window; each weight is broadcast
/// once and used by the three vectors.
/// </summary>
/// <remarks>
/// Each sum starts at b and adds x_k·W[k, j] for k = 0, 1, … with one rounding per step, as
/// the reference pass (<c>ReferencePass.DenseForward</c>) does: the same bits, lane by lane.
/// </remarks>
internal static class WindowKernel
{
    /// <summary>Vectors of pixels handled together (3 × 8 accumulators fill 24 of AVX-512's 32 registers).</summary>
    public const int Vectors = 3;

    /// <summary>Hidden units handled together; the weights come packed in groups of this many.</summary>
    public const int Group = 8;

    /// <summary>
    /// Writes h [groups·8 × tile] (tile = 3 vectors of pixels) for the pixels x0, x0 + 1, … of one row.
    /// <paramref name="rowStarts"/>[dy] is where window row dy starts in <paramref name="rows"/>;
    /// <paramref name="weights"/> is [groups × size² × 8] and <paramref name="bias"/> [groups × 8]
    /// (see <see cref="Pack{T}"/>).
    /// </summary>
    public static void Forward<T, TVector, TSimd, TActivation>(
        ReadOnlySpan<T> rows, ReadOnlySpan<int> rowStarts, int x0, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, bool activate, Span<T> h)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
        where TActivation : IActivation
    {
        int size = rowStarts.Length, inputs = size * size, groups = bias.Length / Group, tile = Vectors * TSimd.Count;
        KernelChecks.Require(
            bias.Length % Group == 0 && weights.Length == (long)groups * inputs * Group && h.Length >= (long)groups * Group * tile,
            "Window kernel");
        CheckRows(rows, rowStarts, x0, x0, tile);
        ref T r = ref MemoryMarshal.GetReference(rows);
        ref int starts = ref MemoryMarshal.GetReference(rowStarts);
        for (int g = 0; g < groups; g++)
        {
            ref T w = ref MemoryMarshal.GetReference(weights.Slice(g * inputs * Group));
            ref T unit = ref h[g * Group * tile];                                                               // h = f(z), [units × tile]
            if (FewRegisters<T, TVector, TSimd>())
            {
                for (int j = 0; j < Group; j += FourUnitsOfThree<T, TVector, TSimd>.Units)                     // units j … j + 3
                {
                    var z = FourUnitsOfThree<T, TVector, TSimd>.Start(in bias[(g * Group) + j]);                  // z = b
                    Accumulate(ref r, ref starts, size, x0, ref Unsafe.Add(ref w, j), ref z);
                    z.Store<TActivation>(activate, ref Unsafe.Add(ref unit, j * tile), tile);
                }
                continue;
            }
            var a = EightUnits<T, TVector, TSimd>.Start(in bias[g * Group]);                                      // z = b
            EightUnits<T, TVector, TSimd> b = a, c = a;
            Accumulate(ref r, ref starts, size, x0, ref w, ref a, ref b, ref c);
            a.Store<TActivation>(activate, ref unit, tile);
            b.Store<TActivation>(activate, ref Unsafe.Add(ref unit, TSimd.Count), tile);
            c.Store<TActivation>(activate, ref Unsafe.Add(ref unit, 2 * TSimd.Count), tile);
        }
        if (activate && !TActivation.InRegisters)
        {
            VectorActivation.ApplyInPlace<T, TVector, TSimd, TActivation>(ref MemoryMarshal.GetReference(h), groups * Group * Vectors); // h = f(z), all at once
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

    /// <summary>
    /// The tutorial's shape, one hidden layer of at most eight units and two classes, in registers: for the tiles
    /// x0 = <paramref name="x0Begin"/>, + tile, … &lt; <paramref name="x0End"/> of one row, d = z_other − z_c of the last
    /// layer (z2 = f(x·W1 + b1)·W2 + b2) into <c>d[x0 …]</c>; <see cref="TwoClassSoftmax.Apply{T, TVector, TSimd}"/>
    /// turns d into probabilities. <paramref name="w2"/> is W2 packed as [8 × 2], zeros past the last unit.
    /// The lines of <paramref name="upcoming"/> (the image row the next output row will need) and of
    /// <paramref name="output"/> (the row the softmax will write) are fetched into the cache tile by tile.
    /// </summary>
    /// <remarks>
    /// The softmax runs as a second pass over the row rather than tile by tile: its exponential is a long chain of
    /// dependent steps that would stall the next tile's sums; over a row the vectors are independent.
    /// </remarks>
    public static unsafe void TwoClassDifferences<T, TVector, TSimd, TActivation>(
        ReadOnlySpan<T> rows, ReadOnlySpan<int> rowStarts, int x0Begin, int x0End, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, ReadOnlySpan<T> w2, ReadOnlySpan<T> b2, int c,
        Span<T> d, ReadOnlySpan<T> upcoming, ReadOnlySpan<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
        where TActivation : IActivation
    {
        int size = rowStarts.Length, n = TSimd.Count, tile = Vectors * n;
        if (x0End <= x0Begin)
        {
            return;
        }
        if (weights.Length != size * size * Group || bias.Length != Group || w2.Length != Group * 2 || b2.Length != 2 || (uint)c > 1
            || x0Begin < 0 || x0Begin % tile != 0 || d.Length < (x0End + tile - 1) / tile * tile)
        {
            throw new ArgumentException("Window kernel: shapes do not fit.");
        }
        CheckRows(rows, rowStarts, x0Begin, (x0End - 1) / tile * tile, tile);
        ref T r = ref MemoryMarshal.GetReference(rows);
        ref int starts = ref MemoryMarshal.GetReference(rowStarts);
        ref T rd = ref MemoryMarshal.GetReference(d);
        for (int x0 = x0Begin; x0 < x0End; x0 += tile)
        {
            if (Sse.IsSupported)
            {
                for (int x = x0; x < x0 + tile; x += 64 / sizeof(T))                                            // one cache line at a time
                {
                    if (x < output.Length)
                    {
                        Sse.Prefetch0(Unsafe.AsPointer(in output[x]));
                    }
                    if (x < upcoming.Length)
                    {
                        Sse.Prefetch0(Unsafe.AsPointer(in upcoming[x]));
                    }
                }
            }
            ref T target = ref Unsafe.Add(ref rd, x0);                                                        // d = z_other − z_c
            if (FewRegisters<T, TVector, TSimd>())
            {
                var sums = TwoClassSums<T, TVector, TSimd>.Start(in MemoryMarshal.GetReference(b2));           // z2 = b2
                for (int j = 0; j < Group; j += FourUnitsOfThree<T, TVector, TSimd>.Units)                     // units j … j + 3
                {
                    var z = FourUnitsOfThree<T, TVector, TSimd>.Start(in bias[j]);                                // z1 = b1
                    Accumulate(ref r, ref starts, size, x0, ref Unsafe.Add(ref MemoryMarshal.GetReference(weights), j), ref z); // z1 += x·W1
                    z.AddTwoClassTerms<TActivation>(in w2[2 * j], ref sums);                                     // z2 += f(z1)·W2
                }
                sums.StoreDifferences(c, ref target);
                continue;
            }
            var a = EightUnits<T, TVector, TSimd>.Start(in MemoryMarshal.GetReference(bias));                  // z1 = b1
            EightUnits<T, TVector, TSimd> b = a, e = a;
            Accumulate(ref r, ref starts, size, x0, ref MemoryMarshal.GetReference(weights), ref a, ref b, ref e); // z1 += x·W1
            TSimd.Store(a.TwoClassDifference<TActivation>(in MemoryMarshal.GetReference(w2), in MemoryMarshal.GetReference(b2), c), ref target);
            TSimd.Store(b.TwoClassDifference<TActivation>(in MemoryMarshal.GetReference(w2), in MemoryMarshal.GetReference(b2), c), ref Unsafe.Add(ref target, n));
            TSimd.Store(e.TwoClassDifference<TActivation>(in MemoryMarshal.GetReference(w2), in MemoryMarshal.GetReference(b2), c), ref Unsafe.Add(ref target, 2 * n));
        }
    }

    /// <summary>
    /// Whether the vectors come with 16 registers (256-bit and 128-bit x86, where 24 accumulators would spill to the
    /// stack) rather than 32 (AVX-512, Arm's AdvSIMD): then the kernels run four hidden units of the three vectors at a
    /// time (<see cref="FourUnitsOfThree{T, TVector, TSimd}"/>), the same sums in the same order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool FewRegisters<T, TVector, TSimd>()
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector> =>
        TSimd.Count * Unsafe.SizeOf<T>() < 64 && !System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported;

    /// <summary>
    /// z_j += x_k · W[k, j] for k = dy·size + dx in order, four units of the windows of three vectors of pixels from x0
    /// on (w: the first of the four units' weights of input 0; input k's are Group further on each).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate<T, TVector, TSimd>(ref T rows, ref int rowStarts, int size, int x0, ref T w, ref FourUnitsOfThree<T, TVector, TSimd> z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        int n = TSimd.Count;
        ref T wk = ref w;
        for (int dy = 0; dy < size; dy++)
        {
            ref T row = ref Unsafe.Add(ref rows, Unsafe.Add(ref rowStarts, dy) + x0);
            for (int dx = 0; dx < size; dx++)
            {
                ref T p = ref Unsafe.Add(ref row, dx);                                                           // x_k of pixels x0 + 0 … 3n − 1
                FourUnitsOfThree<T, TVector, TSimd>.MultiplyAdd(ref z, TSimd.Load(in p), TSimd.Load(in Unsafe.Add(ref p, n)), TSimd.Load(in Unsafe.Add(ref p, 2 * n)), in wk);
                wk = ref Unsafe.Add(ref wk, Group);
            }
        }
    }

    /// <summary>z_j += x_k · W[k, j] for k = dy·size + dx in order, the windows of three vectors of pixels from x0 on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate<T, TVector, TSimd>(ref T rows, ref int rowStarts, int size, int x0, ref T w,
        ref EightUnits<T, TVector, TSimd> a, ref EightUnits<T, TVector, TSimd> b, ref EightUnits<T, TVector, TSimd> c)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        int n = TSimd.Count;
        ref T wk = ref w;
        for (int dy = 0; dy < size; dy++)
        {
            ref T row = ref Unsafe.Add(ref rows, Unsafe.Add(ref rowStarts, dy) + x0);
            for (int dx = 0; dx < size; dx++)
            {
                ref T p = ref Unsafe.Add(ref row, dx);                                                           // x_k of pixels x0 + 0 … 3n − 1
                EightUnits<T, TVector, TSimd>.MultiplyAdd(ref a, ref b, ref c, TSimd.Load(in p), TSimd.Load(in Unsafe.Add(ref p, n)), TSimd.Load(in Unsafe.Add(ref p, 2 * n)), in wk);
                wk = ref Unsafe.Add(ref wk, Group);
            }
        }
    }

    private static void CheckRows<T>(ReadOnlySpan<T> rows, ReadOnlySpan<int> rowStarts, int firstX0, int lastX0, int tile)
    {
        foreach (int start in rowStarts)
        {
            if (start + firstX0 < 0 || start + lastX0 + rowStarts.Length - 1 + tile > rows.Length)
            {
                throw new ArgumentException("Window kernel: a window row does not fit the rows given.");
            }
        }
    }
}
