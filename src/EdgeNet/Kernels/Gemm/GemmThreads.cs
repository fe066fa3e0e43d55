using System.Numerics;

namespace EdgeNet.Kernels;

/// <summary>
/// Large products on several threads: the rows of C are cut into contiguous blocks, one a thread, and each block is
/// the same product on fewer rows. Every C[m, j] still adds its products in the order k = 0, 1, … on one thread, so the
/// bits do not depend on the thread count.
/// </summary>
internal static partial class Gemm
{
    /// <summary>
    /// Fused multiply-adds (m·n·k) below which a product stays on one thread. Measured on 2 cores: 784→256→10 at batch 64
    /// (12.8 million a product) gained nothing from a second thread, at batch 256 (51 million) it did.
    /// </summary>
    internal const long ThreadedWork = 1 << 25;

    /// <summary>Rows of C a thread takes at the least, and the multiple its block is rounded to.</summary>
    private const int ThreadRows = 8;

    /// <summary>Whether <see cref="Multiply{T}"/> with this shape and <paramref name="threads"/> splits the rows.</summary>
    internal static bool Splits(int m, int n, int k, int threads) =>
        threads > 1 && m >= 2 * ThreadRows && (long)m * n * k >= ThreadedWork;

    private static unsafe void MultiplyOnThreads<T>(
        int m, int n, int k,
        ReadOnlySpan<T> a, int aRowStride, int aColStride,
        ReadOnlySpan<T> b, int ldb,
        Span<T> c, int ldc,
        GemmStart start, ReadOnlySpan<T> bias, bool relu, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* pa = a, pb = b, pc = c, pbias = bias)
        {
            RowBlocks<T> job = RowBlocks<T>.OfThisThread;
            job.Set(new Product<T>(m, n, k, pa, a.Length, aRowStride, aColStride, pb, b.Length, ldb, pc, c.Length, ldc, start, pbias, bias.Length, relu));
            try
            {
                WorkerPool.Shared.Run(job, Math.Min(threads, m / ThreadRows));
            }
            finally
            {
                job.Set(default);                                        // no pointer outlives the pinning
            }
        }
    }

    /// <summary>The operands of one product, pinned for the duration of the call.</summary>
    private readonly unsafe struct Product<T>(int m, int n, int k, T* a, int aLength, int aRowStride, int aColStride, T* b, int bLength, int ldb,
        T* c, int cLength, int ldc, GemmStart start, T* bias, int biasLength, bool relu)
        where T : unmanaged
    {
        public readonly int M = m, N = n, K = k, ALength = aLength, ARowStride = aRowStride, AColStride = aColStride;
        public readonly int BLength = bLength, Ldb = ldb, CLength = cLength, Ldc = ldc, BiasLength = biasLength;
        public readonly T* A = a, B = b, C = c, Bias = bias;
        public readonly GemmStart Start = start;
        public readonly bool Relu = relu;
    }

    /// <summary>One thread's block of rows of C: rows [first, first + count), the product on those rows alone.</summary>
    private sealed unsafe class RowBlocks<T> : IParallelWork
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        [ThreadStatic]
        private static RowBlocks<T>? _ofThisThread;

        private Product<T> _p;

        /// <summary>The calling thread's job (made once: a step allocates nothing).</summary>
        public static RowBlocks<T> OfThisThread => _ofThisThread ??= new RowBlocks<T>();

        public void Set(in Product<T> product) => _p = product;

        public void Run(int part, int parts)
        {
            int share = (((_p.M + parts - 1) / parts) + ThreadRows - 1) / ThreadRows * ThreadRows;
            int first = part * share;
            int count = Math.Min(share, _p.M - first);
            if (count <= 0)
            {
                return;
            }
            var a = new ReadOnlySpan<T>(_p.A, _p.ALength);
            var c = new Span<T>(_p.C, _p.CLength);
            var bias = new ReadOnlySpan<T>(_p.Bias, _p.BiasLength);
            Multiply<T>(count, _p.N, _p.K,
                a[(first * _p.ARowStride)..], _p.ARowStride, _p.AColStride,
                new ReadOnlySpan<T>(_p.B, _p.BLength), _p.Ldb,
                c[(first * _p.Ldc)..], _p.Ldc,
                _p.Start, _p.Start == GemmStart.BiasPerRow ? bias[first..] : bias, _p.Relu);   // one thread: the same sums
        }
    }
}
