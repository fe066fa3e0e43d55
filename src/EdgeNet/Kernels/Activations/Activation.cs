using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// A hidden activation over spans, element by element, with the bits of its number form (<see cref="IActivation"/>):
/// f in vectors where the vector f is exact (ReLU, leaky ReLU), else the number f; f′ always in vectors (a compare
/// and a select, or products and differences, lane by lane).
/// </summary>
internal static class Activation
{
    /// <summary>h = f(z), element by element.</summary>
    public static void Forward<T, TActivation>(ReadOnlySpan<T> z, Span<T> h)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TActivation : IActivation
    {
        KernelChecks.Require(h.Length >= z.Length, "Activation");
        ref T rz = ref MemoryMarshal.GetReference(z);
        ref T rh = ref MemoryMarshal.GetReference(h);
        int i = 0;
        if (TActivation.VectorIsExact && Simd256<T>.IsAccelerated)
        {
            for (; i + Simd256<T>.Count <= z.Length; i += Simd256<T>.Count)
            {
                Simd256<T>.Store(TActivation.Invoke<T, Vector256<T>, Simd256<T>>(Simd256<T>.Load(in Unsafe.Add(ref rz, i))), ref Unsafe.Add(ref rh, i)); // h = f(z)
            }
        }
        for (; i < z.Length; i++)
        {
            Unsafe.Add(ref rh, i) = TActivation.Invoke(Unsafe.Add(ref rz, i));
        }
    }

    /// <summary>dL/dz = dL/dh ⊙ f′, element by element, from the forward pass's z and h = f(z).</summary>
    public static void Backward<T, TActivation>(ReadOnlySpan<T> z, ReadOnlySpan<T> h, ReadOnlySpan<T> dh, Span<T> dz)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TActivation : IActivation
    {
        KernelChecks.Require(h.Length >= z.Length && dh.Length >= z.Length && dz.Length >= z.Length, "Activation gradient");
        ref T rz = ref MemoryMarshal.GetReference(z);
        ref T rh = ref MemoryMarshal.GetReference(h);
        ref T rdh = ref MemoryMarshal.GetReference(dh);
        ref T rdz = ref MemoryMarshal.GetReference(dz);
        int i = 0;
        if (Simd256<T>.IsAccelerated)
        {
            for (; i + Simd256<T>.Count <= z.Length; i += Simd256<T>.Count)
            {
                Vector256<T> gradient = TActivation.Gradient<T, Vector256<T>, Simd256<T>>(
                    Simd256<T>.Load(in Unsafe.Add(ref rz, i)), Simd256<T>.Load(in Unsafe.Add(ref rh, i)), Simd256<T>.Load(in Unsafe.Add(ref rdh, i)));
                Simd256<T>.Store(gradient, ref Unsafe.Add(ref rdz, i));                          // dL/dz = dL/dh ⊙ f′
            }
        }
        for (; i < z.Length; i++)
        {
            Unsafe.Add(ref rdz, i) = TActivation.Gradient(Unsafe.Add(ref rz, i), Unsafe.Add(ref rh, i), Unsafe.Add(ref rdh, i));
        }
    }
}
