using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// A dense layer for one row (batch 1, the tutorial's per-sample SGD) whose outputs fit in a couple of vectors:
/// the whole output row stays in registers while the inputs stream past, with no matrix-kernel call to pay for.
/// The forward dot products run as four interleaved partial sums (<see cref="ForwardScalar{T}"/>): short
/// dependency chains, and the same bits at every vector width, so on every machine. They differ from the reference
/// pass's plain loops (<c>Reference/ReferencePass.cs</c>) only in rounding (tests hold them within 1e-12); the
/// backward pass adds in the reference's order, the same bits given the same forward values.
/// </summary>
internal static class SingleRow
{
    /// <summary>Partial sums per dot product in the forward pass (see <see cref="ForwardScalar{T}"/>).</summary>
    public const int Chains = 4;

    /// <summary>Whether a layer of this width takes the one-row path: at most two 512-bit vectors of outputs.</summary>
    public static bool Fits<T>(int outputs)
        where T : unmanaged, IFloatingPointIeee754<T> => outputs <= 2 * Vector512<T>.Count;

    /// <summary>Whether every layer takes the one-row path (<paramref name="widths"/>: inputs, then each layer's outputs).</summary>
    public static bool FitsAll<T>(ReadOnlySpan<int> widths)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int outputs in widths[1..])
        {
            if (!Fits<T>(outputs))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The forward pass of one row through every layer (tutorial Part 2): z = x·W + b into <c>z[l]</c> and
    /// h = ReLU(z) into <c>h[l]</c>, each layer's h the next one's x. The softmax is left to the caller.
    /// </summary>
    public static void ForwardAll<T>(RowLayers<T> layers, T[][] z, T[][] h, ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        layers.Check("One-row forward", z, h);
        KernelChecks.Require(x.Length >= layers.Inputs(0), "One-row forward");
        ref T input = ref MemoryMarshal.GetReference(x);
        int last = layers.Count - 1;
        for (int l = 0; l <= last; l++)
        {
            ref T hl = ref MemoryMarshal.GetArrayDataReference(h[l]);
            var row = new Row<T>(ref input, ref MemoryMarshal.GetArrayDataReference(layers.Weights[l]), layers.Inputs(l), layers.Outputs(l));
            Forward(row, ref MemoryMarshal.GetArrayDataReference(layers.Biases[l]), ref MemoryMarshal.GetArrayDataReference(z[l]), ref hl, relu: l < last); // z = x·W + b, h = ReLU(z)
            input = ref hl;
        }
    }

    /// <summary>z = x·W + b for one row, and h = ReLU(z) with <paramref name="relu"/>: the widest vectors that fit.</summary>
    private static void Forward<T>(in Row<T> row, ref T rb, ref T rz, ref T rh, bool relu)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outputs = row.Outputs;
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
            ForwardScalar(row, ref rb, ref rz, ref rh, relu);
        }
    }

    /// <summary>
    /// Covers the outputs with vectors of one width; a ragged end is one more vector ending at the last output,
    /// which recomputes a few outputs with the very same operations (same bits). Each output's dot product runs
    /// as <see cref="Chains"/> interleaved partial sums, the same order at every width (see <see cref="ForwardScalar{T}"/>).
    /// </summary>
    internal static void Forward<T, TV, TS>(in Row<T> row, ref T b, ref T z, ref T h, bool relu)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        int width = TS.Count;
        int inputs = row.Inputs;
        int stride = row.Outputs;
        ref T x = ref row.X;
        TV zero = TS.Broadcast(T.Zero);
        for (int j = 0; j < row.Outputs; j += width)
        {
            j = Math.Min(j, row.Outputs - width);
            ref T w = ref Unsafe.Add(ref row.W, j);
            TV s0 = TS.Load(in Unsafe.Add(ref b, j));                                   // z = b
            TV s1 = zero, s2 = zero, s3 = zero;
            int i = 0;
            for (; i + Chains <= inputs; i += Chains)                                   // z += x_i · W[i, :], four chains
            {
                s0 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref x, i)), TS.Load(in Unsafe.Add(ref w, i * stride)), s0);
                s1 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref x, i + 1)), TS.Load(in Unsafe.Add(ref w, (i + 1) * stride)), s1);
                s2 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref x, i + 2)), TS.Load(in Unsafe.Add(ref w, (i + 2) * stride)), s2);
                s3 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref x, i + 3)), TS.Load(in Unsafe.Add(ref w, (i + 3) * stride)), s3);
            }
            if (i < inputs)
            {
                s0 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref x, i)), TS.Load(in Unsafe.Add(ref w, i * stride)), s0);
            }
            if (i + 1 < inputs)
            {
                s1 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref x, i + 1)), TS.Load(in Unsafe.Add(ref w, (i + 1) * stride)), s1);
            }
            if (i + 2 < inputs)
            {
                s2 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref x, i + 2)), TS.Load(in Unsafe.Add(ref w, (i + 2) * stride)), s2);
            }
            TV sum = TS.Add(TS.Add(s0, s1), TS.Add(s2, s3));                            // z = (s0 + s1) + (s2 + s3)
            TS.Store(sum, ref Unsafe.Add(ref z, j));
            if (relu)
            {
                TS.Store(Relu.Invoke<T, TV, TS>(sum), ref Unsafe.Add(ref h, j));                      // h = ReLU(z)
            }
        }
    }

    /// <summary>
    /// The one-row forward as a plain loop, output by output: input i goes to partial sum i mod 4 (the first
    /// starts from b), and z = (s0 + s1) + (s2 + s3). Four short chains of fused multiply-adds instead of one
    /// long one: a quarter of the latency, and the same bits on every machine, with or without vectors.
    /// </summary>
    internal static void ForwardScalar<T>(in Row<T> row, ref T b, ref T z, ref T h, bool relu)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> partial = stackalloc T[Chains];
        for (int o = 0; o < row.Outputs; o++)
        {
            partial.Clear();
            partial[0] = Unsafe.Add(ref b, o);                                          // z = b
            for (int i = 0; i < row.Inputs; i++)
            {
                T term = Unsafe.Add(ref row.W, (i * row.Outputs) + o);
                partial[i % Chains] = T.FusedMultiplyAdd(Unsafe.Add(ref row.X, i), term, partial[i % Chains]); // z += x_i · W[i, o]
            }
            T sum = (partial[0] + partial[1]) + (partial[2] + partial[3]);
            Unsafe.Add(ref z, o) = sum;
            if (relu)
            {
                Unsafe.Add(ref h, o) = sum > T.Zero ? sum : T.Zero;                     // h = ReLU(z)
            }
        }
    }

    /// <summary>
    /// The backward pass of one row through every layer (tutorial Part 7 and A.2–A.4), from dL/dz of the last layer
    /// in <c>dz[last]</c>: dL/dW = xᵀ·dL/dz and dL/db = dL/dz into each layer's gradients, and below the last
    /// layer dL/dh = dL/dz·Wᵀ into <c>dh</c> and, through ReLU, dL/dz = dL/dh ⊙ 1[z &gt; 0] into <c>dz</c>.
    /// With <paramref name="descend"/>, the SGD update W −= α·dL/dW, b −= α·dL/db right after each gradient row
    /// (dL/dh has used the old W by then), the same operations as <see cref="VectorOps.Descend{T}"/>; the
    /// gradients then go straight into W and b and are not stored in dW and db.
    /// </summary>
    public static void BackwardAll<T>(RowLayers<T> layers, T[][] z, T[][] h, T[][] dz, T[][] dh, ReadOnlySpan<T> x, bool descend, T rate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        layers.Check("One-row backward", z, h, dz, dh);
        KernelChecks.Require(x.Length >= layers.Inputs(0), "One-row backward");
        for (int l = layers.Count - 1; l >= 0; l--)
        {
            int inputs = layers.Inputs(l);
            int outputs = layers.Outputs(l);
            ref T rdz = ref MemoryMarshal.GetArrayDataReference(dz[l]);
            ref T rw = ref MemoryMarshal.GetArrayDataReference(layers.Weights[l]);
            if (l > 0)
            {
                Span<T> dhBelow = dh[l - 1].AsSpan(0, inputs);
                Backpropagate(ref rdz, ref rw, ref MemoryMarshal.GetReference(dhBelow), inputs, outputs); // dL/dh = dL/dz · Wᵀ
                Activation.Backward<T, Relu>(z[l - 1].AsSpan(0, inputs), z[l - 1].AsSpan(0, inputs), dhBelow, dz[l - 1]); // ReLU reads z, not h  // through ReLU, without a branch per unit
            }
            ref T input = ref l == 0 ? ref MemoryMarshal.GetReference(x) : ref MemoryMarshal.GetArrayDataReference(h[l - 1]);
            var g = new Gradient<T>(ref input, ref rw, ref MemoryMarshal.GetArrayDataReference(layers.Biases[l]),
                ref MemoryMarshal.GetArrayDataReference(layers.WeightGradients[l]), ref MemoryMarshal.GetArrayDataReference(layers.BiasGradients[l]),
                inputs, outputs, descend, rate);
            Gradients(g, ref rdz);                                                      // dW, db (and the update)
        }
    }

    /// <summary>
    /// dL/dh = dL/dz · Wᵀ for one row: one short chain per input, in the plain loop's order; four inputs at a time
    /// (four independent chains side by side).
    /// </summary>
    private static void Backpropagate<T>(ref T dz, ref T w, ref T dh, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        for (; i + 4 <= inputs; i += 4)
        {
            ref T w0 = ref Unsafe.Add(ref w, i * outputs);
            ref T w1 = ref Unsafe.Add(ref w0, outputs);
            ref T w2 = ref Unsafe.Add(ref w1, outputs);
            ref T w3 = ref Unsafe.Add(ref w2, outputs);
            T s0 = T.FusedMultiplyAdd(dz, w0, T.Zero), s1 = T.FusedMultiplyAdd(dz, w1, T.Zero);
            T s2 = T.FusedMultiplyAdd(dz, w2, T.Zero), s3 = T.FusedMultiplyAdd(dz, w3, T.Zero);
            for (int o = 1; o < outputs; o++)
            {
                T dzo = Unsafe.Add(ref dz, o);
                s0 = T.FusedMultiplyAdd(dzo, Unsafe.Add(ref w0, o), s0);               // Σ_o dL/dz_o · W[i, o]
                s1 = T.FusedMultiplyAdd(dzo, Unsafe.Add(ref w1, o), s1);
                s2 = T.FusedMultiplyAdd(dzo, Unsafe.Add(ref w2, o), s2);
                s3 = T.FusedMultiplyAdd(dzo, Unsafe.Add(ref w3, o), s3);
            }
            Unsafe.Add(ref dh, i) = s0;
            Unsafe.Add(ref dh, i + 1) = s1;
            Unsafe.Add(ref dh, i + 2) = s2;
            Unsafe.Add(ref dh, i + 3) = s3;
        }
        for (; i < inputs; i++)
        {
            ref T wRow = ref Unsafe.Add(ref w, i * outputs);
            T sum = T.FusedMultiplyAdd(dz, wRow, T.Zero);
            for (int o = 1; o < outputs; o++)
            {
                sum = T.FusedMultiplyAdd(Unsafe.Add(ref dz, o), Unsafe.Add(ref wRow, o), sum); // Σ_o dL/dz_o · W[i, o]
            }
            Unsafe.Add(ref dh, i) = sum;
        }
    }

    /// <summary>dL/dW and dL/db of one layer (and the update): the widest vectors that fit, then single columns.</summary>
    private static void Gradients<T>(in Gradient<T> g, ref T dz)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outputs = g.Outputs;
        int first = 0;
        if (Simd512<T>.IsAccelerated && outputs >= Simd512<T>.Count)
        {
            first = Gradients<T, Vector512<T>, Simd512<T>>(g, ref dz);
        }
        else if (Simd256<T>.IsAccelerated && outputs >= Simd256<T>.Count)
        {
            first = Gradients<T, Vector256<T>, Simd256<T>>(g, ref dz);
        }
        else if (Simd128<T>.IsAccelerated && outputs >= Simd128<T>.Count)
        {
            first = Gradients<T, Vector128<T>, Simd128<T>>(g, ref dz);
        }
        for (int o = first; o < outputs; o++)                                           // the columns whole vectors left
        {
            T dzo = Unsafe.Add(ref dz, o);
            T dbo = T.Zero + dzo;                                                       // dL/db = dL/dz (0 + g: −0 gives +0, as the loop)
            if (g.Descend)
            {
                Unsafe.Add(ref g.B, o) -= g.Rate * dbo;                                 // b −= α·dL/db
            }
            else
            {
                Unsafe.Add(ref g.DB, o) = dbo;
            }
            for (int i = 0; i < g.Inputs; i++)
            {
                int at = (i * outputs) + o;
                T dwio = T.FusedMultiplyAdd(Unsafe.Add(ref g.X, i), dzo, T.Zero);      // dL/dW = xᵀ · dL/dz
                if (g.Descend)
                {
                    Unsafe.Add(ref g.W, at) -= g.Rate * dwio;                           // W −= α·dL/dW
                }
                else
                {
                    Unsafe.Add(ref g.DW, at) = dwio;
                }
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
        int inputs = g.Inputs;
        int outputs = g.Outputs;
        ref T x = ref g.X;                                                              // locals: stores through W and dW
        ref T w = ref g.W;                                                              // cannot then make the JIT reload them
        ref T dw = ref g.DW;
        TV zero = TS.Broadcast(T.Zero);
        TV rate = TS.Broadcast(g.Rate);
        int j = 0;
        for (; j + width <= outputs; j += width)                                        // no overlap: the update must not run twice
        {
            TV dzj = TS.Load(in Unsafe.Add(ref dz, j));
            TV db = TS.Add(zero, dzj);                                                  // dL/db = 0 + dL/dz (−0 gives +0, as the loop)
            ref T wj = ref Unsafe.Add(ref w, j);
            ref T dwj = ref Unsafe.Add(ref dw, j);
            if (!g.Descend)
            {
                TS.Store(db, ref Unsafe.Add(ref g.DB, j));
                for (int r = 0; r < inputs; r++)
                {
                    TS.Store(TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref x, r)), dzj, zero), ref Unsafe.Add(ref dwj, r * outputs)); // dL/dW[i, :] = x_i · dL/dz
                }
                continue;
            }
            ref T b = ref Unsafe.Add(ref g.B, j);
            TS.Store(TS.Subtract(TS.Load(in b), TS.Multiply(rate, db)), ref b);        // b −= α·dL/db
            int i = 0;
            for (; i + 4 <= inputs; i += 4)                                             // four rows: all loads before the stores
            {
                ref T w0 = ref Unsafe.Add(ref wj, i * outputs);
                ref T w1 = ref Unsafe.Add(ref w0, outputs);
                ref T w2 = ref Unsafe.Add(ref w1, outputs);
                ref T w3 = ref Unsafe.Add(ref w2, outputs);
                TV x0 = TS.Broadcast(Unsafe.Add(ref x, i)), x1 = TS.Broadcast(Unsafe.Add(ref x, i + 1));
                TV x2 = TS.Broadcast(Unsafe.Add(ref x, i + 2)), x3 = TS.Broadcast(Unsafe.Add(ref x, i + 3));
                TV v0 = TS.Load(in w0), v1 = TS.Load(in w1), v2 = TS.Load(in w2), v3 = TS.Load(in w3);
                TS.Store(TS.Subtract(v0, TS.Multiply(rate, TS.MultiplyAdd(x0, dzj, zero))), ref w0); // W[i, :] −= α·(x_i · dL/dz)
                TS.Store(TS.Subtract(v1, TS.Multiply(rate, TS.MultiplyAdd(x1, dzj, zero))), ref w1);
                TS.Store(TS.Subtract(v2, TS.Multiply(rate, TS.MultiplyAdd(x2, dzj, zero))), ref w2);
                TS.Store(TS.Subtract(v3, TS.Multiply(rate, TS.MultiplyAdd(x3, dzj, zero))), ref w3);
            }
            for (; i < inputs; i++)                                                     // dL/dW is used at once, not stored
            {
                ref T wi = ref Unsafe.Add(ref wj, i * outputs);
                TV dwi = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref x, i)), dzj, zero); // dL/dW[i, :] = x_i · dL/dz
                TS.Store(TS.Subtract(TS.Load(in wi), TS.Multiply(rate, dwi)), ref wi);  // W −= α·dL/dW
            }
        }
        return j;
    }

    /// <summary>What one row's backward writes: dW and db, or W and b when it descends.</summary>
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

    /// <summary>The row x and a matrix W, [inputs × outputs].</summary>
    internal readonly ref struct Row<T>(ref T x, ref T w, int inputs, int outputs)
        where T : unmanaged
    {
        public readonly ref T X = ref x;
        public readonly ref T W = ref w;
        public readonly int Inputs = inputs;
        public readonly int Outputs = outputs;
    }
}
