using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// A dense layer for one row (batch 1, the tutorial's per-sample SGD) whose outputs fit in a couple of vectors:
/// the whole output row stays in registers while the inputs stream past, with no matrix-kernel call to pay for.
/// Every output adds its terms in the plain loops' order with fused multiply-adds, so the bits are the same as
/// <see cref="Layers.Dense{T}.ForwardReference"/> and <see cref="Layers.Dense{T}.BackwardReference"/>.
/// </summary>
internal static class SingleRow
{
    /// <summary>Whether a layer of this width takes the one-row path: at most two 512-bit vectors of outputs.</summary>
    public static bool Fits<T>(int outputs)
        where T : unmanaged, IFloatingPointIeee754<T> => outputs <= 2 * Vector512<T>.Count;

    /// <summary>z = x·W + b for one row; h = ReLU(z) too when <paramref name="h"/> is not empty.</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> b, Span<T> z, Span<T> h, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Length < inputs || w.Length < inputs * outputs || b.Length < outputs || z.Length < outputs || (!h.IsEmpty && h.Length < outputs))
        {
            throw new ArgumentException("One-row forward: shapes do not fit.");
        }
        var row = new Row<T>(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(w), inputs, outputs);
        ref T rb = ref MemoryMarshal.GetReference(b);
        ref T rz = ref MemoryMarshal.GetReference(z);
        ref T rh = ref MemoryMarshal.GetReference(h);
        bool relu = !h.IsEmpty;
        if (Simd512<T>.IsAccelerated && outputs >= Simd512<T>.Count)
        {
            Forward<T, Vector512<T>, Simd512<T>>(row, ref rb, ref rz, ref rh, relu);
        }
        else if (Simd256<T>.IsAccelerated && outputs >= Simd256<T>.Count)
        {
            Forward<T, Vector256<T>, Simd256<T>>(row, ref rb, ref rz, ref rh, relu);
        }
        else if (Simd128<T>.IsAccelerated && outputs >= Simd128<T>.Count)
        {
            Forward<T, Vector128<T>, Simd128<T>>(row, ref rb, ref rz, ref rh, relu);
        }
        else
        {
            for (int o = 0; o < outputs; o++)
            {
                T sum = Unsafe.Add(ref rb, o);                                          // z = b
                for (int i = 0; i < inputs; i++)
                {
                    sum = T.FusedMultiplyAdd(Unsafe.Add(ref row.X, i), Unsafe.Add(ref row.W, (i * outputs) + o), sum); // z += x_i · W[i, o]
                }
                Unsafe.Add(ref rz, o) = sum;
                if (relu)
                {
                    Unsafe.Add(ref rh, o) = sum > T.Zero ? sum : T.Zero;                 // h = ReLU(z)
                }
            }
        }
    }

    /// <summary>
    /// Backward for one row: dL/dW = xᵀ·dL/dz, dL/db = dL/dz, and when <paramref name="dx"/> is not empty
    /// dL/dx = dL/dz·Wᵀ and, through the previous layer's ReLU, dL/dz_prev = dL/dx ⊙ 1[z_prev &gt; 0].
    /// With <paramref name="descend"/>, also the SGD update W −= α·dL/dW, b −= α·dL/db right after each gradient
    /// row (dL/dx has used the old W by then): the same operations as <see cref="VectorOps.Descend{T}"/>.
    /// </summary>
    public static void Backward<T>(
        ReadOnlySpan<T> x, ReadOnlySpan<T> dz, Span<T> w, Span<T> b, Span<T> dw, Span<T> db,
        Span<T> dx, ReadOnlySpan<T> zPrevious, Span<T> dzPrevious, int inputs, int outputs, bool descend, T rate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Length < inputs || dz.Length < outputs || w.Length < inputs * outputs || b.Length < outputs || dw.Length < inputs * outputs || db.Length < outputs
            || (!dx.IsEmpty && (dx.Length < inputs || zPrevious.Length < inputs || dzPrevious.Length < inputs)))
        {
            throw new ArgumentException("One-row backward: shapes do not fit.");
        }
        ref T rdz = ref MemoryMarshal.GetReference(dz);
        ref T rw = ref MemoryMarshal.GetReference(w);
        if (!dx.IsEmpty)
        {
            ref T rdx = ref MemoryMarshal.GetReference(dx);
            ref T rzp = ref MemoryMarshal.GetReference(zPrevious);
            ref T rdzp = ref MemoryMarshal.GetReference(dzPrevious);
            for (int i = 0; i < inputs; i++)                                            // independent chains, one per input
            {
                ref T wRow = ref Unsafe.Add(ref rw, i * outputs);
                T sum = T.Zero;
                for (int o = 0; o < outputs; o++)
                {
                    sum = T.FusedMultiplyAdd(Unsafe.Add(ref rdz, o), Unsafe.Add(ref wRow, o), sum); // dL/dx = dL/dz · Wᵀ
                }
                Unsafe.Add(ref rdx, i) = sum;
                Unsafe.Add(ref rdzp, i) = Unsafe.Add(ref rzp, i) > T.Zero ? sum : T.Zero; // through ReLU
            }
        }
        var g = new Gradient<T>(ref MemoryMarshal.GetReference(x), ref rw, ref MemoryMarshal.GetReference(b),
            ref MemoryMarshal.GetReference(dw), ref MemoryMarshal.GetReference(db), inputs, outputs, descend, rate);
        int first = 0;
        if (Simd512<T>.IsAccelerated && outputs >= Simd512<T>.Count)
        {
            first = Gradients<T, Vector512<T>, Simd512<T>>(g, ref rdz);
        }
        else if (Simd256<T>.IsAccelerated && outputs >= Simd256<T>.Count)
        {
            first = Gradients<T, Vector256<T>, Simd256<T>>(g, ref rdz);
        }
        else if (Simd128<T>.IsAccelerated && outputs >= Simd128<T>.Count)
        {
            first = Gradients<T, Vector128<T>, Simd128<T>>(g, ref rdz);
        }
        {
            for (int o = first; o < outputs; o++)                                       // the columns whole vectors left
            {
                T dzo = Unsafe.Add(ref rdz, o);
                T dbo = T.Zero + dzo;                                                   // dL/db = dL/dz (0 + g: −0 gives +0, as the loop)
                Unsafe.Add(ref g.DB, o) = dbo;
                if (descend)
                {
                    Unsafe.Add(ref g.B, o) -= rate * dbo;                               // b −= α·dL/db
                }
                for (int i = 0; i < inputs; i++)
                {
                    int at = (i * outputs) + o;
                    T dwio = T.FusedMultiplyAdd(Unsafe.Add(ref g.X, i), dzo, T.Zero);  // dL/dW = xᵀ · dL/dz
                    Unsafe.Add(ref g.DW, at) = dwio;
                    if (descend)
                    {
                        Unsafe.Add(ref g.W, at) -= rate * dwio;                         // W −= α·dL/dW
                    }
                }
            }
        }
    }

    /// <summary>
    /// Covers the outputs with vectors of one width; a ragged end is one more vector ending at the last output,
    /// which recomputes a few outputs with the very same operations (same bits).
    /// </summary>
    private static void Forward<T, TV, TS>(in Row<T> row, ref T b, ref T z, ref T h, bool relu)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        int width = TS.Count;
        for (int j = 0; j < row.Outputs; j += width)
        {
            j = Math.Min(j, row.Outputs - width);
            TV sum = TS.Load(in Unsafe.Add(ref b, j));                                  // z = b
            ref T wj = ref Unsafe.Add(ref row.W, j);
            for (int i = 0; i < row.Inputs; i++)
            {
                sum = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref row.X, i)), TS.Load(in Unsafe.Add(ref wj, i * row.Outputs)), sum); // z += x_i · W[i, :]
            }
            TS.Store(sum, ref Unsafe.Add(ref z, j));
            if (relu)
            {
                TS.Store(TS.Relu(sum), ref Unsafe.Add(ref h, j));                      // h = ReLU(z)
            }
        }
    }

    /// <summary>dW, db (and the update) over whole vectors of outputs; returns the first column left.</summary>
    private static int Gradients<T, TV, TS>(in Gradient<T> g, ref T dz)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        int width = TS.Count;
        int outputs = g.Outputs;
        TV zero = TS.Broadcast(T.Zero);
        TV one = TS.Broadcast(T.One);
        TV rate = TS.Broadcast(g.Rate);
        int j = 0;
        for (; j + width <= outputs; j += width)                                        // no overlap: the update must not run twice
        {
            TV dzj = TS.Load(in Unsafe.Add(ref dz, j));
            TV db = TS.MultiplyAdd(one, dzj, zero);                                     // dL/db = 0 + dL/dz
            TS.Store(db, ref Unsafe.Add(ref g.DB, j));
            ref T w = ref Unsafe.Add(ref g.W, j);
            ref T dw = ref Unsafe.Add(ref g.DW, j);
            if (g.Descend)
            {
                ref T b = ref Unsafe.Add(ref g.B, j);
                TS.Store(TS.Subtract(TS.Load(in b), TS.Multiply(rate, db)), ref b);    // b −= α·dL/db
            }
            for (int i = 0; i < g.Inputs; i++)
            {
                TV dwi = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref g.X, i)), dzj, zero); // dL/dW[i, :] = x_i · dL/dz
                TS.Store(dwi, ref Unsafe.Add(ref dw, i * outputs));
                if (g.Descend)
                {
                    ref T wi = ref Unsafe.Add(ref w, i * outputs);
                    TS.Store(TS.Subtract(TS.Load(in wi), TS.Multiply(rate, dwi)), ref wi); // W −= α·dL/dW
                }
            }
        }
        return j;
    }

    /// <summary>What one row's backward writes: dW and db, and W and b when it descends.</summary>
    private readonly ref struct Gradient<T>(ref T x, ref T w, ref T b, ref T dw, ref T db, int inputs, int outputs, bool descend, T rate)
        where T : unmanaged
    {
        public readonly ref T X = ref x;
        public readonly ref T W = ref w;
        public readonly ref T B = ref b;
        public readonly ref T DW = ref dw;
        public readonly ref T DB = ref db;
        public readonly int Inputs = inputs;
        public readonly int Outputs = outputs;
        public readonly bool Descend = descend;
        public readonly T Rate = rate;
    }

    /// <summary>The row x and a matrix W (or dW), [inputs × outputs].</summary>
    private readonly ref struct Row<T>(ref T x, ref T w, int inputs, int outputs)
        where T : unmanaged
    {
        public readonly ref T X = ref x;
        public readonly ref T W = ref w;
        public readonly int Inputs = inputs;
        public readonly int Outputs = outputs;
    }
}
