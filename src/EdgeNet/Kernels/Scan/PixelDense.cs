using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EdgeNet.Kernels;

/// <summary>
/// A dense layer over one tile of the scanner: activations stored transposed, [features × tile], pixels across
/// the lanes, three vectors of pixels at a time. zᵀ[j, p] = b_j + Σ_i hᵀ[i, p]·W[i, j], each sum in the order
/// i = 0, 1, … with one rounding per step, as the reference pass (<c>ReferencePass.DenseForward</c>).
/// </summary>
internal static class PixelDense
{
    /// <summary>Writes z (or f(z), <paramref name="activate"/>) [outputs × tile] from h [inputs × tile]; tile = 3 vectors.</summary>
    public static void Forward<T, TVector, TSimd, TActivation>(ReadOnlySpan<T> h, ReadOnlySpan<T> w, ReadOnlySpan<T> b, bool activate, Span<T> z, int tile)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
        where TActivation : IActivation
    {
        int outputs = b.Length, inputs = w.Length / Math.Max(outputs, 1), n = TSimd.Count;
        KernelChecks.Require(
            tile == WindowKernel.Vectors * n && w.Length == (long)inputs * outputs && KernelChecks.Holds(h.Length, inputs, tile) && KernelChecks.Holds(z.Length, outputs, tile),
            "Pixel dense layer");
        ref T rh = ref MemoryMarshal.GetReference(h);
        ref T rw = ref MemoryMarshal.GetReference(w);
        ref T rz = ref MemoryMarshal.GetReference(z);
        for (int j = 0; j < outputs; j++)
        {
            TVector a0 = TSimd.Broadcast(b[j]), a1 = a0, a2 = a0;                              // z_j = b_j
            for (int i = 0; i < inputs; i++)
            {
                TVector wij = TSimd.Broadcast(Unsafe.Add(ref rw, (i * outputs) + j));
                ref T hi = ref Unsafe.Add(ref rh, i * tile);
                a0 = TSimd.MultiplyAdd(TSimd.Load(in hi), wij, a0);                            // z_j += h_i · W[i, j]
                a1 = TSimd.MultiplyAdd(TSimd.Load(in Unsafe.Add(ref hi, n)), wij, a1);
                a2 = TSimd.MultiplyAdd(TSimd.Load(in Unsafe.Add(ref hi, 2 * n)), wij, a2);
            }
            ref T zj = ref Unsafe.Add(ref rz, j * tile);
            bool now = activate && TActivation.InRegisters;
            TSimd.Store(now ? TActivation.Invoke<T, TVector, TSimd>(a0) : a0, ref zj);           // h = f(z) between layers
            TSimd.Store(now ? TActivation.Invoke<T, TVector, TSimd>(a1) : a1, ref Unsafe.Add(ref zj, n));
            TSimd.Store(now ? TActivation.Invoke<T, TVector, TSimd>(a2) : a2, ref Unsafe.Add(ref zj, 2 * n));
        }
        if (activate && !TActivation.InRegisters)
        {
            VectorActivation.ApplyInPlace<T, TVector, TSimd, TActivation>(ref rz, outputs * WindowKernel.Vectors);   // h = f(z), the whole tile at once
        }
    }
}
