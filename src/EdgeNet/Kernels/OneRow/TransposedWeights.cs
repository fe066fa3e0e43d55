using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// A copy of Wᵀ for every layer but the first, kept in step with W by the same update, for the backward pass of one
/// row: dL/dh_i = Σ_o dL/dz_o · W[i, o] reads a column of W, and Wᵀ's rows are W's columns, so the sums run across
/// whole vectors of hidden units and dL/dz = dL/dh ⊙ 1[z &gt; 0] comes out as vectors too, ready for the update's
/// vector loads (built from single stores, a vector must wait for them to reach the cache). The sums add in
/// <see cref="SingleRow"/>'s order and the update makes each element as W's does: Wᵀ stays Wᵀ to the bit.
/// </summary>
internal sealed class TransposedWeights<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[][] _rows;                                    // [layer][output × inputs]; layer 0 has none

    public TransposedWeights(RowLayers<T> layers)
    {
        _rows = [.. layers.Weights.Select((w, l) => l == 0 ? [] : new T[w.Length])];
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless this copy has room for Wᵀ of every layer of <paramref name="layers"/> but the first.</summary>
    public void Check(RowLayers<T> layers)
    {
        bool fits = _rows.Length >= layers.Count;
        for (int l = 1; fits && l < layers.Count; l++)
        {
            fits = KernelChecks.Holds(_rows[l].Length, layers.Inputs(l), layers.Outputs(l));
        }
        KernelChecks.Require(fits, "Transposed weights");
    }

    /// <summary>Wᵀ of every layer but the first, from W as it is now.</summary>
    public void CopyFrom(RowLayers<T> layers)
    {
        for (int l = 1; l < layers.Count; l++)
        {
            VectorOps.Transpose<T>(layers.Weights[l], layers.Inputs(l), layers.Outputs(l), _rows[l]);
        }
    }

    /// <summary>
    /// From dL/dz of the last layer in <c>dz[last]</c>, down to the first: dL/dh = dL/dz·Wᵀ into <c>dh[l − 1]</c>
    /// and dL/dz = dL/dh ⊙ 1[z &gt; 0] into <c>dz[l − 1]</c> (tutorial Part 7, A.3–A.4), with W before the update.
    /// </summary>
    public void Backpropagate(RowLayers<T> layers, T[][] z, T[][] dz, T[][] dh)
    {
        for (int l = layers.Count - 1; l > 0; l--)
        {
            int units = layers.Inputs(l);
            var pass = new Pass(ref MemoryMarshal.GetArrayDataReference(_rows[l]), ref MemoryMarshal.GetArrayDataReference(dz[l]),
                ref MemoryMarshal.GetArrayDataReference(z[l - 1]), ref MemoryMarshal.GetArrayDataReference(dh[l - 1]),
                ref MemoryMarshal.GetArrayDataReference(dz[l - 1]), units, layers.Outputs(l));
            int i = 0;
            if (Simd512<T>.IsAccelerated)
            {
                for (; i + Simd512<T>.Count <= units; i += Simd512<T>.Count)
                {
                    Units<Vector512<T>, Simd512<T>>(pass, i);
                }
            }
            if (Simd256<T>.IsAccelerated)
            {
                for (; i + Simd256<T>.Count <= units; i += Simd256<T>.Count)
                {
                    Units<Vector256<T>, Simd256<T>>(pass, i);
                }
            }
            if (Simd128<T>.IsAccelerated)
            {
                for (; i + Simd128<T>.Count <= units; i += Simd128<T>.Count)
                {
                    Units<Vector128<T>, Simd128<T>>(pass, i);
                }
            }
            for (; i < units; i++)
            {
                Unit(pass, i);
            }
        }
    }

    /// <summary>
    /// Wᵀ[o, i] −= α·(x_i · dL/dz_o) for layer <paramref name="layer"/> (≥ 1), with x its input row: each element
    /// as <see cref="SingleRow"/> and <see cref="PerSampleSgd"/> make W[i, o].
    /// </summary>
    public void Descend(int layer, ref T x, ref T dz, int inputs, int outputs, T rate)
    {
        ref T rows = ref MemoryMarshal.GetArrayDataReference(_rows[layer]);
        for (int o = 0; o < outputs; o++)
        {
            ref T row = ref Unsafe.Add(ref rows, o * inputs);
            T dzo = Unsafe.Add(ref dz, o);
            int i = 0;
            if (Simd512<T>.IsAccelerated)
            {
                for (; i + Simd512<T>.Count <= inputs; i += Simd512<T>.Count)
                {
                    Descend<Vector512<T>, Simd512<T>>(ref Unsafe.Add(ref row, i), ref Unsafe.Add(ref x, i), dzo, rate);
                }
            }
            if (Simd256<T>.IsAccelerated)
            {
                for (; i + Simd256<T>.Count <= inputs; i += Simd256<T>.Count)
                {
                    Descend<Vector256<T>, Simd256<T>>(ref Unsafe.Add(ref row, i), ref Unsafe.Add(ref x, i), dzo, rate);
                }
            }
            for (; i < inputs; i++)
            {
                Unsafe.Add(ref row, i) -= rate * T.FusedMultiplyAdd(Unsafe.Add(ref x, i), dzo, T.Zero);   // W[i, o] −= α·(x_i · dL/dz_o)
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Descend<TV, TS>(ref T row, ref T x, T dz, T rate)
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        TV product = TS.MultiplyAdd(TS.Load(in x), TS.Broadcast(dz), TS.Broadcast(T.Zero));  // x_i · dL/dz_o
        TS.Store(TS.Subtract(TS.Load(in row), TS.Multiply(TS.Broadcast(rate), product)), ref row); // W[i, o] −= α·(x_i · dL/dz_o)
    }

    /// <summary>Hidden units i…i+width−1: dL/dh = Σ_o dL/dz_o · Wᵀ[o, i…] (from 0, o in order), and the ReLU gate.</summary>
    private static void Units<TV, TS>(in Pass p, int i)
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        ref T column = ref Unsafe.Add(ref p.Transposed, i);
        TV sum = TS.MultiplyAdd(TS.Broadcast(p.DZ), TS.Load(in column), TS.Broadcast(T.Zero));
        for (int o = 1; o < p.Outputs; o++)
        {
            sum = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref p.DZ, o)), TS.Load(in Unsafe.Add(ref column, o * p.Units)), sum); // Σ_o dL/dz_o · W[i, o]
        }
        TS.Store(sum, ref Unsafe.Add(ref p.DH, i));                                    // dL/dh
        TS.Store(Relu.Gradient<T, TV, TS>(TS.Load(in Unsafe.Add(ref p.Z, i)), default, sum), ref Unsafe.Add(ref p.DZBelow, i)); // dL/dz = dL/dh ⊙ 1[z > 0]
    }

    /// <summary>One hidden unit as a plain loop: the same sum and gate as <see cref="Units{TV, TS}"/>.</summary>
    private static void Unit(in Pass p, int i)
    {
        T sum = T.FusedMultiplyAdd(p.DZ, Unsafe.Add(ref p.Transposed, i), T.Zero);
        for (int o = 1; o < p.Outputs; o++)
        {
            sum = T.FusedMultiplyAdd(Unsafe.Add(ref p.DZ, o), Unsafe.Add(ref p.Transposed, (o * p.Units) + i), sum); // Σ_o dL/dz_o · W[i, o]
        }
        Unsafe.Add(ref p.DH, i) = sum;
        Unsafe.Add(ref p.DZBelow, i) = Unsafe.Add(ref p.Z, i) > T.Zero ? sum : T.Zero;  // dL/dz = dL/dh ⊙ 1[z > 0]
    }

    /// <summary>One layer's backward step: Wᵀ [outputs × units], its dL/dz, and the layer below's z, dL/dh and dL/dz.</summary>
    private readonly ref struct Pass(ref T transposed, ref T dz, ref T z, ref T dh, ref T dzBelow, int units, int outputs)
    {
        public readonly ref T Transposed = ref transposed;
        public readonly ref T DZ = ref dz;
        public readonly ref T Z = ref z;
        public readonly ref T DH = ref dh;
        public readonly ref T DZBelow = ref dzBelow;
        public readonly int Units = units;
        public readonly int Outputs = outputs;
    }
}
