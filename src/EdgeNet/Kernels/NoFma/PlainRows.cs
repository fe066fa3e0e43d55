using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// A dense layer's forward and backward pass, row-major, on 128-bit vectors with a plain multiply and a separate add
/// (two roundings, never <c>FusedMultiplyAdd</c>): the path for engines without fused multiply-add, where every fused
/// step runs in software — WebAssembly (the playground's Web Worker) and x86 processors without FMA. Sums run in the
/// reference pass's order except dL/dx (across the lanes, then the lanes added); the difference from the reference
/// pass is rounding only (docs/architecture.md states the contract).
/// </summary>
internal static class PlainRows
{
    /// <summary>Whether this processor or runtime wants this path: 128-bit vectors, no fused multiply-add.</summary>
    public static bool Applies => Vector128.IsHardwareAccelerated && !Fma.IsSupported;

    /// <summary>z = x·W + b: each row of z starts at b and adds x[n, i]·W[i, ·] for i = 0, 1, ….</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> W, ReadOnlySpan<T> b, Span<T> z, int batch, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.Require(KernelChecks.Holds(x.Length, batch, inputs) && KernelChecks.Holds(W.Length, inputs, outputs) && b.Length >= outputs && KernelChecks.Holds(z.Length, batch, outputs), "Plain forward");
        for (int n = 0; n < batch; n++)
        {
            Span<T> row = z.Slice(n * outputs, outputs);
            b[..outputs].CopyTo(row);                                          // z = b
            for (int i = 0; i < inputs; i++)
            {
                AddScaled(x[(n * inputs) + i], W.Slice(i * outputs, outputs), row); // z += x_i · W[i, ·]
            }
        }
    }

    /// <summary>
    /// From dL/dz: dL/dW = xᵀ·dL/dz and dL/db = Σ_n dL/dz (sums over n = 0, 1, …), and dL/dx = dL/dz·Wᵀ when
    /// <paramref name="dx"/> is not empty.
    /// </summary>
    public static void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dz, ReadOnlySpan<T> W, Span<T> dW, Span<T> db, Span<T> dx, int batch, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.Require(
            KernelChecks.Holds(x.Length, batch, inputs) && KernelChecks.Holds(dz.Length, batch, outputs) && KernelChecks.Holds(W.Length, inputs, outputs)
            && KernelChecks.Holds(dW.Length, inputs, outputs) && db.Length >= outputs && (dx.IsEmpty || KernelChecks.Holds(dx.Length, batch, inputs)),
            "Plain backward");
        dW[..(inputs * outputs)].Clear();
        db[..outputs].Clear();
        for (int n = 0; n < batch; n++)
        {
            ReadOnlySpan<T> dzRow = dz.Slice(n * outputs, outputs);
            for (int i = 0; i < inputs; i++)
            {
                AddScaled(x[(n * inputs) + i], dzRow, dW.Slice(i * outputs, outputs)); // dL/dW += x_i · dL/dz   (A.2)
            }
            AddScaled(T.One, dzRow, db);                                       // dL/db += dL/dz, exactly (1·v = v)  (A.3)
            for (int i = 0; i < inputs && !dx.IsEmpty; i++)
            {
                dx[(n * inputs) + i] = Dot(dzRow, W.Slice(i * outputs, outputs)); // dL/dx = dL/dz · Wᵀ         (A.4)
            }
        }
    }

    /// <summary>y += a·v, lane by lane, the product rounded before the sum.</summary>
    private static void AddScaled<T>(T a, ReadOnlySpan<T> v, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T rv = ref MemoryMarshal.GetReference(v);
        ref T ry = ref MemoryMarshal.GetReference(y);
        int j = 0;
        if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
        {
            Vector128<T> scale = Vector128.Create(a);
            for (; j + Vector128<T>.Count <= y.Length; j += Vector128<T>.Count)
            {
                Vector128<T> sum = Vector128.LoadUnsafe(ref ry, (nuint)j) + (scale * Vector128.LoadUnsafe(ref rv, (nuint)j));
                sum.StoreUnsafe(ref ry, (nuint)j);
            }
        }
        for (; j < y.Length; j++)
        {
            Unsafe.Add(ref ry, j) += a * Unsafe.Add(ref rv, j);
        }
    }

    /// <summary>Σ a_j·b_j: lane-wise partial sums, then the lanes and the tail added in order.</summary>
    private static T Dot<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T ra = ref MemoryMarshal.GetReference(a);
        ref T rb = ref MemoryMarshal.GetReference(b);
        int j = 0;
        T sum = T.Zero;
        if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported && a.Length >= Vector128<T>.Count)
        {
            Vector128<T> lanes = Vector128<T>.Zero;
            for (; j + Vector128<T>.Count <= a.Length; j += Vector128<T>.Count)
            {
                lanes += Vector128.LoadUnsafe(ref ra, (nuint)j) * Vector128.LoadUnsafe(ref rb, (nuint)j);
            }
            for (int k = 0; k < Vector128<T>.Count; k++)
            {
                sum += lanes.GetElement(k);
            }
        }
        for (; j < a.Length; j++)
        {
            sum += Unsafe.Add(ref ra, j) * Unsafe.Add(ref rb, j);
        }
        return sum;
    }
}
