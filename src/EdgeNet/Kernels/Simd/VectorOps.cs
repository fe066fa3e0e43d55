using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// Element-by-element fast paths (the SGD update, bias gradients, transposes; the activations are in <c>Kernels/Activations</c>). Each does
/// exactly the arithmetic of its plain loop, lane by lane, so results are bit-identical.
/// </summary>
internal static class VectorOps
{
    /// <summary>p ← p − α·g (not fused, as NumPy's <c>W -= lr * dW</c> rounds twice).</summary>
    public static void Descend<T>(Span<T> parameters, ReadOnlySpan<T> gradient, T learningRate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.Require(gradient.Length >= parameters.Length, "Gradient step");
        ref T rp = ref MemoryMarshal.GetReference(parameters);
        ref T rg = ref MemoryMarshal.GetReference(gradient);
        int i = 0;
        if (Vector512.IsHardwareAccelerated && gradient.Length >= parameters.Length)
        {
            Vector512<T> rate512 = Vector512.Create(learningRate);
            for (; i + Vector512<T>.Count <= parameters.Length; i += Vector512<T>.Count)
            {
                Vector512<T> p = Vector512.LoadUnsafe(ref rp, (nuint)i);
                (p - (rate512 * Vector512.LoadUnsafe(ref rg, (nuint)i))).StoreUnsafe(ref rp, (nuint)i); // W −= α·dL/dW
            }
        }
        if (Vector256.IsHardwareAccelerated && gradient.Length >= parameters.Length)
        {
            Vector256<T> rate = Vector256.Create(learningRate);
            for (; i + Vector256<T>.Count <= parameters.Length; i += Vector256<T>.Count)
            {
                Vector256<T> p = Vector256.LoadUnsafe(ref rp, (nuint)i);
                (p - (rate * Vector256.LoadUnsafe(ref rg, (nuint)i))).StoreUnsafe(ref rp, (nuint)i); // W −= α·dL/dW
            }
        }
        for (; i < parameters.Length; i++)
        {
            Unsafe.Add(ref rp, i) -= learningRate * Unsafe.Add(ref rg, i);
        }
    }

    /// <summary>sums[o] = Σ_n rows[n, o], adding rows in order n = 0, 1, … (the bias gradient).</summary>
    public static void SumRows<T>(ReadOnlySpan<T> rows, int count, int width, Span<T> sums)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.Require(KernelChecks.Holds(rows.Length, count, width) && sums.Length >= width, "Row sums");
        ref T rr = ref MemoryMarshal.GetReference(rows);
        ref T rs = ref MemoryMarshal.GetReference(sums);
        int o = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; o + Vector256<T>.Count <= width; o += Vector256<T>.Count)
            {
                Vector256<T> sum = Vector256<T>.Zero;
                for (int n = 0; n < count; n++)
                {
                    sum += Vector256.LoadUnsafe(ref rr, (nuint)((n * width) + o));    // dL/db = Σ dL/dz
                }
                sum.StoreUnsafe(ref rs, (nuint)o);
            }
        }
        for (; o < width; o++)
        {
            T sum = T.Zero;
            for (int n = 0; n < count; n++)
            {
                sum += Unsafe.Add(ref rr, (n * width) + o);
            }
            Unsafe.Add(ref rs, o) = sum;
        }
    }

    /// <summary>destination [columns × rows] = source [rows × columns]ᵀ.</summary>
    public static void Transpose<T>(ReadOnlySpan<T> source, int rows, int columns, Span<T> destination)
        where T : unmanaged
    {
        KernelChecks.Require(KernelChecks.Holds(source.Length, rows, columns) && KernelChecks.Holds(destination.Length, rows, columns), "Transpose");
        ref T rs = ref MemoryMarshal.GetReference(source);
        ref T rd = ref MemoryMarshal.GetReference(destination);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                Unsafe.Add(ref rd, (c * rows) + r) = Unsafe.Add(ref rs, (r * columns) + c);
            }
        }
    }
}
