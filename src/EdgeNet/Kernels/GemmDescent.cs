using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EdgeNet.Kernels;

/// <summary>
/// The weight gradient and the SGD step in one sweep: <c>dW = A·B</c> and <c>W −= α·dW</c> (tutorial Part 5), each
/// tile of W updated right after its tile of dW is stored, while both are still in L1. The same numbers as
/// <see cref="Multiply{T}"/> followed by <see cref="VectorOps.Descend{T}"/>: dW is kept, W rounds as
/// <c>W − (α·dW)</c>.
/// </summary>
internal static partial class Gemm
{
    /// <summary>
    /// C = A·B (started from zero) and <paramref name="parameters"/> −= <paramref name="learningRate"/>·C, where
    /// <paramref name="parameters"/> is shaped as C ([m × n], <paramref name="ldc"/> between rows).
    /// </summary>
    public static void MultiplyAndDescend<T>(
        int m, int n, int k,
        ReadOnlySpan<T> a, int aRowStride, int aColStride,
        ReadOnlySpan<T> b, int ldb,
        Span<T> c, int ldc,
        T[] parameters, T learningRate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (m == 0 || n == 0)
        {
            return;
        }
        if (parameters.Length < ((m - 1) * ldc) + n)
        {
            throw new ArgumentException("The parameters do not have the shape of C.");
        }
        int stepped = 0;
        if (k <= 2 * DepthBlock)
        {
            if ((k > 0 && (a.Length < ((m - 1) * aRowStride) + ((k - 1) * aColStride) + 1 || b.Length < ((k - 1) * ldb) + n))
                || c.Length < ((m - 1) * ldc) + n)
            {
                throw new ArgumentException("Matrix shapes do not fit the spans given.");
            }
            var o = new Operands<T>(k, aRowStride, aColStride, ldc, GemmStart.Zero, Relu: false, parameters, learningRate);
            stepped = Run(o, new StridedRows(ldb), m, n, a, b, c, default);          // dW, and W −= α·dW tile by tile
        }
        else
        {
            Multiply(m, n, k, a, aRowStride, aColStride, b, ldb, c, ldc, GemmStart.Zero, default);
        }
        for (int i = 0; i < m && stepped < n; i++)                                 // the columns no tile stepped
        {
            VectorOps.Descend<T>(parameters.AsSpan((i * ldc) + stepped, n - stepped), c.Slice((i * ldc) + stepped, n - stepped), learningRate); // W −= α·dW
        }
    }

    /// <summary>W[i .. i+rows, j .. j+4w] −= α·C[same], right after the tile of C was stored.</summary>
    private static void StepTile<T, TV, TS>(in Operands<T> o, int i, int rows, int j, ref T c)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        int w = TS.Count;
        TV rate = TS.Broadcast(o.Rate);
        ref T parameters = ref MemoryMarshal.GetArrayDataReference(o.Step!);
        for (int r = 0; r < rows; r++)
        {
            int start = ((i + r) * o.Ldc) + j;
            ref T g = ref Unsafe.Add(ref c, start);
            ref T p = ref Unsafe.Add(ref parameters, start);
            for (int v = 0; v < Vectors * w; v += w)
            {
                TS.Store(TS.Subtract(TS.Load(in Unsafe.Add(ref p, v)), TS.Multiply(rate, TS.Load(in Unsafe.Add(ref g, v)))), ref Unsafe.Add(ref p, v)); // W −= α·dW
            }
        }
    }
}
