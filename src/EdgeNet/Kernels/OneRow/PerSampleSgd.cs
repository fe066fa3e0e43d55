using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// The tutorial's per-sample SGD loop (Part 8) as one pipeline over a sequence of samples. Each step runs the
/// softmax, the loss and dL/dz = p − y in one call (Parts 3–4, A.1), dL/dh and dL/dz down the layers from a kept copy of
/// Wᵀ (<see cref="TransposedWeights{T}"/>, Part 7), then sweeps the layers once for the update (Part 5) <i>and</i> the
/// next sample's forward pass (Part 2) together: each new row of W goes from the update straight into the next
/// sample's dot products while it is still in registers, instead of out to memory and back in a second pass. The
/// operations and their order are those of <see cref="SingleRow"/>'s forward and backward passes followed by the SGD
/// update, one sample at a time: the same bits as stepping through the samples one by one with the one-row kernels.
/// </summary>
internal static class PerSampleSgd
{
    /// <summary>
    /// One SGD step per sample, samples <c>order[0]</c>, <c>order[1]</c>, … of the rows of <paramref name="x"/>.
    /// <paramref name="z"/>, <paramref name="h"/> and <paramref name="zNext"/>, <paramref name="hNext"/> take turns
    /// holding a sample's forward pass; on return <paramref name="z"/> and <paramref name="h"/> hold the last sample's
    /// (before its update), and <paramref name="p"/>, <paramref name="dz"/>, <paramref name="dh"/> its softmax and
    /// gradients, as a step-by-step run leaves them. Stops before the update of the first sample whose loss is not
    /// finite; returns the number of samples stepped through, with their summed loss and the count predicted right.
    /// </summary>
    public static int Run<T>(RowLayers<T> layers, T[][] z, T[][] h, T[][] zNext, T[][] hNext, T[] p, T[][] dz, T[][] dh,
        TransposedWeights<T> transposed, ReadOnlySpan<T> x, ReadOnlySpan<int> labels, ReadOnlySpan<int> order, T rate,
        out double lossSum, out int correct)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        lossSum = 0;
        correct = 0;
        if (order.IsEmpty)
        {
            return 0;
        }
        layers.Check("Per-sample SGD", z, h, zNext, hNext, dz, dh);
        transposed.Check(layers);
        KernelChecks.Require(p.Length >= layers.Outputs(layers.Count - 1), "Per-sample SGD");
        int inputs = layers.Inputs(0);
        int last = layers.Count - 1;
        int classes = layers.Outputs(last);
        T[][] za = z, ha = h, zb = zNext, hb = hNext;                                   // locals: no write barrier per swap
        ReadOnlySpan<T> sample = x.Slice(order[0] * inputs, inputs);
        SingleRow.ForwardAll(layers, za, ha, sample);                                   // the first sample's forward pass
        transposed.CopyFrom(layers);                                                    // Wᵀ, for the backward passes
        int t = 0;
        for (; t < order.Length; t++)
        {
            int label = labels[order[t]];
            T rowLoss = SoftmaxCrossEntropy.Row<T>(za[last].AsSpan(0, classes), p, dz[last], label, out bool right); // p, L, dL/dz = p − y
            double loss = double.CreateTruncating(rowLoss);
            if (!double.IsFinite(loss))
            {
                break;
            }
            lossSum += loss;
            correct += right ? 1 : 0;
            transposed.Backpropagate(layers, za, dz, dh);                              // dL/dh, dL/dz below, with the old W

            // the next sample (the last one has none: the sweep reruns its own row, and the result is dropped)
            ReadOnlySpan<T> nextSample = t + 1 < order.Length ? x.Slice(order[t + 1] * inputs, inputs) : sample;
            Sweep(layers, ha, dz, zb, hb, transposed, sample, nextSample, rate);       // update, and the next forward
            if (t + 1 < order.Length)
            {
                (za, zb) = (zb, za);
                (ha, hb) = (hb, ha);
                sample = nextSample;
            }
        }
        if (!ReferenceEquals(za, z))                                                    // the last sample's pass went to the other set
        {
            for (int l = 0; l <= last; l++)
            {
                (z[l], zNext[l]) = (zNext[l], z[l]);
                (h[l], hNext[l]) = (hNext[l], h[l]);
            }
        }
        return t;
    }

    /// <summary>
    /// Every layer in turn: W −= α·xᵀ·dL/dz and b −= α·dL/db with this sample's x (then its <paramref name="h"/>) and
    /// <paramref name="dz"/>, and, with each new row of W as it is made, z = x'·W + b and h = ReLU(z) of the next
    /// sample x' into <paramref name="zNext"/> and <paramref name="hNext"/>. A layer's columns go in whole vectors,
    /// the widest first, then one by one.
    /// </summary>
    private static void Sweep<T>(RowLayers<T> layers, T[][] h, T[][] dz, T[][] zNext, T[][] hNext, TransposedWeights<T> transposed, ReadOnlySpan<T> x, ReadOnlySpan<T> following, T rate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T input = ref MemoryMarshal.GetReference(x);
        ref T nextInput = ref MemoryMarshal.GetReference(following);
        int last = layers.Count - 1;
        for (int l = 0; l <= last; l++)
        {
            int inputs = layers.Inputs(l);
            int outputs = layers.Outputs(l);
            var s = new Step<T>(ref input, ref nextInput, ref MemoryMarshal.GetArrayDataReference(dz[l]),
                ref MemoryMarshal.GetArrayDataReference(layers.Weights[l]), ref MemoryMarshal.GetArrayDataReference(layers.Biases[l]),
                ref MemoryMarshal.GetArrayDataReference(zNext[l]), ref MemoryMarshal.GetArrayDataReference(hNext[l]),
                inputs, outputs, rate, relu: l < last);
            int j = 0;
            if (Simd512<T>.IsAccelerated)
            {
                for (; j + Simd512<T>.Count <= outputs; j += Simd512<T>.Count)
                {
                    Columns<T, Vector512<T>, Simd512<T>>(s, j);
                }
            }
            if (Simd256<T>.IsAccelerated)
            {
                for (; j + Simd256<T>.Count <= outputs; j += Simd256<T>.Count)
                {
                    Columns<T, Vector256<T>, Simd256<T>>(s, j);
                }
            }
            if (Simd128<T>.IsAccelerated)
            {
                for (; j + Simd128<T>.Count <= outputs; j += Simd128<T>.Count)
                {
                    Columns<T, Vector128<T>, Simd128<T>>(s, j);
                }
            }
            for (; j < outputs; j++)
            {
                Column(s, j);
            }
            if (l > 0)
            {
                transposed.Descend(l, ref input, ref s.DZ, inputs, outputs, rate);   // Wᵀ as W
            }
            input = ref MemoryMarshal.GetArrayDataReference(h[l]);                     // this sample's h, the next layer's x
            nextInput = ref MemoryMarshal.GetArrayDataReference(hNext[l]);            // and the next sample's
        }
    }

    /// <summary>
    /// One vector of columns j…j+width−1: the update as <see cref="SingleRow"/> makes it (W − α·(x_i·dL/dz), rows
    /// four at a time), and the next forward as its four interleaved partial sums (input i into sum i mod 4).
    /// </summary>
    internal static void Columns<T, TV, TS>(in Step<T> s, int j)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        int inputs = s.Inputs;
        int stride = s.Outputs;
        ref T x = ref s.X;                                                              // locals: the stores through W
        ref T next = ref s.Next;                                                        // cannot then make the JIT reload them
        ref T w = ref Unsafe.Add(ref s.W, j);
        TV zero = TS.Broadcast(T.Zero);
        TV rate = TS.Broadcast(s.Rate);
        TV dz = TS.Load(in Unsafe.Add(ref s.DZ, j));
        ref T rb = ref Unsafe.Add(ref s.B, j);
        TV b = TS.Subtract(TS.Load(in rb), TS.Multiply(rate, TS.Add(zero, dz)));        // b −= α·dL/db (dL/db = 0 + dL/dz)
        TS.Store(b, ref rb);
        TV s0 = b, s1 = zero, s2 = zero, s3 = zero;                                     // z' = b
        int i = 0;
        for (; i + SingleRow.Chains <= inputs; i += SingleRow.Chains)
        {
            ref T w0 = ref Unsafe.Add(ref w, i * stride);
            ref T w1 = ref Unsafe.Add(ref w0, stride);
            ref T w2 = ref Unsafe.Add(ref w1, stride);
            ref T w3 = ref Unsafe.Add(ref w2, stride);
            TV v0 = TS.Load(in w0), v1 = TS.Load(in w1), v2 = TS.Load(in w2), v3 = TS.Load(in w3);
            v0 = TS.Subtract(v0, TS.Multiply(rate, TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref x, i)), dz, zero)));     // W[i, :] −= α·(x_i · dL/dz)
            v1 = TS.Subtract(v1, TS.Multiply(rate, TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref x, i + 1)), dz, zero)));
            v2 = TS.Subtract(v2, TS.Multiply(rate, TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref x, i + 2)), dz, zero)));
            v3 = TS.Subtract(v3, TS.Multiply(rate, TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref x, i + 3)), dz, zero)));
            TS.Store(v0, ref w0);
            TS.Store(v1, ref w1);
            TS.Store(v2, ref w2);
            TS.Store(v3, ref w3);
            s0 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref next, i)), v0, s0);        // z' += x'_i · W[i, :], four chains
            s1 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref next, i + 1)), v1, s1);
            s2 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref next, i + 2)), v2, s2);
            s3 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref next, i + 3)), v3, s3);
        }
        if (i < inputs)
        {
            s0 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref next, i)), Row(ref Unsafe.Add(ref w, i * stride), Unsafe.Add(ref x, i), dz, rate), s0);
        }
        if (i + 1 < inputs)
        {
            s1 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref next, i + 1)), Row(ref Unsafe.Add(ref w, (i + 1) * stride), Unsafe.Add(ref x, i + 1), dz, rate), s1);
        }
        if (i + 2 < inputs)
        {
            s2 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref next, i + 2)), Row(ref Unsafe.Add(ref w, (i + 2) * stride), Unsafe.Add(ref x, i + 2), dz, rate), s2);
        }
        TV sum = TS.Add(TS.Add(s0, s1), TS.Add(s2, s3));                                // z' = (s0 + s1) + (s2 + s3)
        TS.Store(sum, ref Unsafe.Add(ref s.Z, j));
        if (s.Relu)
        {
            TS.Store(Relu.Invoke<T, TV, TS>(sum), ref Unsafe.Add(ref s.H, j));                        // h' = ReLU(z')
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]                              // a call would spill the sums
        static TV Row(ref T row, T xi, TV dz, TV rate)
        {
            TV updated = TS.Subtract(TS.Load(in row), TS.Multiply(rate, TS.MultiplyAdd(TS.Broadcast(xi), dz, TS.Broadcast(T.Zero)))); // W[i, :] −= α·(x_i · dL/dz)
            TS.Store(updated, ref row);
            return updated;
        }
    }

    /// <summary>One column j as a plain loop: the same update and the same four partial sums as <see cref="Columns{T, TV, TS}"/>.</summary>
    internal static void Column<T>(in Step<T> s, int j)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> partial = stackalloc T[SingleRow.Chains];
        T dz = Unsafe.Add(ref s.DZ, j);
        ref T b = ref Unsafe.Add(ref s.B, j);
        b -= s.Rate * (T.Zero + dz);                                                    // b −= α·dL/db
        partial.Clear();
        partial[0] = b;                                                                 // z' = b
        for (int i = 0; i < s.Inputs; i++)
        {
            ref T w = ref Unsafe.Add(ref s.W, (i * s.Outputs) + j);
            w -= s.Rate * T.FusedMultiplyAdd(Unsafe.Add(ref s.X, i), dz, T.Zero);      // W[i, j] −= α·(x_i · dL/dz_j)
            partial[i % SingleRow.Chains] = T.FusedMultiplyAdd(Unsafe.Add(ref s.Next, i), w, partial[i % SingleRow.Chains]); // z' += x'_i · W[i, j]
        }
        T sum = (partial[0] + partial[1]) + (partial[2] + partial[3]);
        Unsafe.Add(ref s.Z, j) = sum;
        if (s.Relu)
        {
            Unsafe.Add(ref s.H, j) = sum > T.Zero ? sum : T.Zero;                       // h' = ReLU(z')
        }
    }

    /// <summary>One layer's sweep: this sample's x and dL/dz, the next sample's x', W and b, and where z' and h' go.</summary>
    internal readonly ref struct Step<T>(ref T x, ref T next, ref T dz, ref T w, ref T b, ref T z, ref T h, int inputs, int outputs, T rate, bool relu)
        where T : unmanaged
    {
        public readonly ref T X = ref x;
        public readonly ref T Next = ref next;
        public readonly ref T DZ = ref dz;
        public readonly ref T W = ref w;
        public readonly ref T B = ref b;
        public readonly ref T Z = ref z;
        public readonly ref T H = ref h;
        public readonly int Inputs = inputs;
        public readonly int Outputs = outputs;
        public readonly T Rate = rate;
        public readonly bool Relu = relu;
    }
}
