using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// Kernels for a float batch laid out feature-major — every matrix transposed, [features × stride], one sample a
/// column — so that the batch runs across the 16 lanes of a vector however narrow the layer is (8 or 2 outputs fill
/// no vector in the row-major layout). <c>stride</c> is the batch rounded up to whole vectors; the padding columns
/// are kept at zero where they would reach a sum. The forward layer and dL/dx add their terms in the plain loops'
/// order (same bits); dL/dW and dL/db (<see cref="FeatureMajorGradients"/>) and the softmax
/// (<see cref="FeatureMajorSoftmax"/>) may round differently. Float only: float64 never takes this path.
/// </summary>
internal static class FeatureMajor
{
    private const int V = 16;                                                          // floats in a 512-bit vector

    /// <summary>
    /// Columns [<paramref name="start"/>, <paramref name="end"/>) of xᵀ [inputs × stride] from x [batch × inputs]; the
    /// padding columns (from <paramref name="batch"/> on) are zeroed.
    /// </summary>
    public static void TransposeIn(ReadOnlySpan<float> x, int batch, int inputs, Span<float> xT, int stride, int start, int end)
    {
        KernelChecks.Require(
            KernelChecks.Holds(x.Length, batch, inputs) && KernelChecks.Holds(xT.Length, inputs, stride) && stride >= batch && start >= 0 && end <= stride && inputs > 0,
            "Feature-major transpose");
        ref float rx = ref MemoryMarshal.GetReference(x);
        ref float rt = ref MemoryMarshal.GetReference(xT);
        int n = start;
        if (Lanes16.IsSupported)
        {
            // Blocks of 16 rows × 16 columns in registers. A last block narrower than 16 columns reads the 16 that
            // end the row (x's end is never passed); with fewer than 16 inputs a row's load runs into the next rows.
            int offsetLast = Math.Max(0, inputs - V);
            for (; n + V <= Math.Min(end, batch) && ((n + V - 1) * inputs) + offsetLast + V <= batch * inputs; n += V)
            {
                for (int c = 0; c < inputs; c += V)
                {
                    int offset = Math.Min(c, offsetLast);
                    Block(ref Unsafe.Add(ref rx, (n * inputs) + offset), inputs, ref Unsafe.Add(ref rt, (c * stride) + n), stride, c - offset, Math.Min(V, inputs - c));
                }
            }
        }
        for (int i = 0; i < inputs; i++)
        {
            for (int m = n; m < end; m++)
            {
                Unsafe.Add(ref rt, (i * stride) + m) = m < batch ? Unsafe.Add(ref rx, (m * inputs) + i) : 0f; // xᵀ[i, n] = x[n, i]; padding 0
            }
        }
    }

    /// <summary>Columns first…first + count − 1 of 16 rows (one every <paramref name="inputs"/>) into rows of xᵀ.</summary>
    private static void Block(ref float x, int inputs, ref float xT, int stride, int first, int count)
    {
        nuint r = (nuint)inputs;
        Lanes16.Transpose(
            Vector512.LoadUnsafe(ref x), Vector512.LoadUnsafe(ref x, r), Vector512.LoadUnsafe(ref x, 2 * r), Vector512.LoadUnsafe(ref x, 3 * r),
            Vector512.LoadUnsafe(ref x, 4 * r), Vector512.LoadUnsafe(ref x, 5 * r), Vector512.LoadUnsafe(ref x, 6 * r), Vector512.LoadUnsafe(ref x, 7 * r),
            Vector512.LoadUnsafe(ref x, 8 * r), Vector512.LoadUnsafe(ref x, 9 * r), Vector512.LoadUnsafe(ref x, 10 * r), Vector512.LoadUnsafe(ref x, 11 * r),
            Vector512.LoadUnsafe(ref x, 12 * r), Vector512.LoadUnsafe(ref x, 13 * r), Vector512.LoadUnsafe(ref x, 14 * r), Vector512.LoadUnsafe(ref x, 15 * r),
            ref xT, (nuint)stride, first, count);
    }

    /// <summary>
    /// Columns [<paramref name="start"/>, <paramref name="end"/>) of zᵀ = (x·W + b)ᵀ [outputs × stride] from xᵀ [inputs ×
    /// stride], and of hᵀ = ReLU(zᵀ) when <paramref name="hT"/> is not empty. Each z[n, o] is b[o] then the fused
    /// multiply-adds in input order: the bits of the plain loop.
    /// </summary>
    public static void Forward(ReadOnlySpan<float> xT, ReadOnlySpan<float> w, ReadOnlySpan<float> b, Span<float> zT, Span<float> hT, int inputs, int outputs, int stride, int start, int end)
    {
        KernelChecks.Require(
            KernelChecks.Holds(xT.Length, inputs, stride) && KernelChecks.Holds(w.Length, inputs, outputs) && b.Length >= outputs
            && KernelChecks.Holds(zT.Length, outputs, stride) && (hT.IsEmpty || KernelChecks.Holds(hT.Length, outputs, stride))
            && stride % V == 0 && outputs > 0 && start % V == 0 && end % V == 0 && start >= 0 && end <= stride && end > start,
            "Feature-major forward");
        ref float rx = ref MemoryMarshal.GetReference(xT);
        ref float rw = ref MemoryMarshal.GetReference(w);
        ref float rb = ref MemoryMarshal.GetReference(b);
        ref float rz = ref MemoryMarshal.GetReference(zT);
        ref float rh = ref MemoryMarshal.GetReference(hT);
        bool relu = !hT.IsEmpty;
        int o = 0;
        for (; outputs - o >= 3; o += 4)                                               // four outputs × four vectors: sixteen chains
        {
            // The last outputs and columns repeat the ones before them when they run out (the same values stored twice).
            int o1 = Math.Min(o + 1, outputs - 1), o2 = Math.Min(o + 2, outputs - 1), o3 = Math.Min(o + 3, outputs - 1);
            for (int n = start; n < end; n += 4 * V)
            {
                nuint n0 = (nuint)n, n1 = (nuint)Math.Min(n + V, end - V), n2 = (nuint)Math.Min(n + (2 * V), end - V), n3 = (nuint)Math.Min(n + (3 * V), end - V);
                Vector512<float> a0 = Vector512.Create(Unsafe.Add(ref rb, o)), a1 = a0, a2 = a0, a3 = a0;     // z = b
                Vector512<float> b0 = Vector512.Create(Unsafe.Add(ref rb, o1)), b1 = b0, b2 = b0, b3 = b0;
                Vector512<float> c0 = Vector512.Create(Unsafe.Add(ref rb, o2)), c1 = c0, c2 = c0, c3 = c0;
                Vector512<float> d0 = Vector512.Create(Unsafe.Add(ref rb, o3)), d1 = d0, d2 = d0, d3 = d0;
                ref float xi = ref rx;
                ref float wi = ref rw;
                for (int i = 0; i < inputs; i++)
                {
                    Vector512<float> x0 = Vector512.LoadUnsafe(ref xi, n0), x1 = Vector512.LoadUnsafe(ref xi, n1);
                    Vector512<float> x2 = Vector512.LoadUnsafe(ref xi, n2), x3 = Vector512.LoadUnsafe(ref xi, n3);
                    Vector512<float> w0 = Vector512.Create(Unsafe.Add(ref wi, o));
                    a0 = Vector512.FusedMultiplyAdd(x0, w0, a0);                         // z += x_i · W[i, o]
                    a1 = Vector512.FusedMultiplyAdd(x1, w0, a1);
                    a2 = Vector512.FusedMultiplyAdd(x2, w0, a2);
                    a3 = Vector512.FusedMultiplyAdd(x3, w0, a3);
                    w0 = Vector512.Create(Unsafe.Add(ref wi, o1));
                    b0 = Vector512.FusedMultiplyAdd(x0, w0, b0);
                    b1 = Vector512.FusedMultiplyAdd(x1, w0, b1);
                    b2 = Vector512.FusedMultiplyAdd(x2, w0, b2);
                    b3 = Vector512.FusedMultiplyAdd(x3, w0, b3);
                    w0 = Vector512.Create(Unsafe.Add(ref wi, o2));
                    c0 = Vector512.FusedMultiplyAdd(x0, w0, c0);
                    c1 = Vector512.FusedMultiplyAdd(x1, w0, c1);
                    c2 = Vector512.FusedMultiplyAdd(x2, w0, c2);
                    c3 = Vector512.FusedMultiplyAdd(x3, w0, c3);
                    w0 = Vector512.Create(Unsafe.Add(ref wi, o3));
                    d0 = Vector512.FusedMultiplyAdd(x0, w0, d0);
                    d1 = Vector512.FusedMultiplyAdd(x1, w0, d1);
                    d2 = Vector512.FusedMultiplyAdd(x2, w0, d2);
                    d3 = Vector512.FusedMultiplyAdd(x3, w0, d3);
                    xi = ref Unsafe.Add(ref xi, stride);
                    wi = ref Unsafe.Add(ref wi, outputs);
                }
                Store(a0, a1, a2, a3, ref rz, ref rh, relu, (nuint)(o * stride), n0, n1, n2, n3);
                Store(b0, b1, b2, b3, ref rz, ref rh, relu, (nuint)(o1 * stride), n0, n1, n2, n3);
                Store(c0, c1, c2, c3, ref rz, ref rh, relu, (nuint)(o2 * stride), n0, n1, n2, n3);
                Store(d0, d1, d2, d3, ref rz, ref rh, relu, (nuint)(o3 * stride), n0, n1, n2, n3);
            }
        }
        if (o < outputs)
        {
            TwoOutputs(ref rx, ref rw, ref rb, ref rz, ref rh, relu, o, inputs, outputs, stride, start, end);
        }
    }

    /// <summary>The last one or two outputs (a second repeats the first when only one is left) × four vectors: eight chains.</summary>
    private static void TwoOutputs(ref float rx, ref float rw, ref float rb, ref float rz, ref float rh, bool relu, int o, int inputs, int outputs, int stride, int start, int end)
    {
        int o1 = Math.Min(o + 1, outputs - 1);
        for (int n = start; n < end; n += 4 * V)
        {
            nuint n0 = (nuint)n, n1 = (nuint)Math.Min(n + V, end - V), n2 = (nuint)Math.Min(n + (2 * V), end - V), n3 = (nuint)Math.Min(n + (3 * V), end - V);
            Vector512<float> a0 = Vector512.Create(Unsafe.Add(ref rb, o)), a1 = a0, a2 = a0, a3 = a0;         // z = b
            Vector512<float> b0 = Vector512.Create(Unsafe.Add(ref rb, o1)), b1 = b0, b2 = b0, b3 = b0;
            ref float xi = ref rx;
            ref float wi = ref rw;
            for (int i = 0; i < inputs; i++)
            {
                Vector512<float> x0 = Vector512.LoadUnsafe(ref xi, n0), x1 = Vector512.LoadUnsafe(ref xi, n1);
                Vector512<float> x2 = Vector512.LoadUnsafe(ref xi, n2), x3 = Vector512.LoadUnsafe(ref xi, n3);
                Vector512<float> w0 = Vector512.Create(Unsafe.Add(ref wi, o));
                a0 = Vector512.FusedMultiplyAdd(x0, w0, a0);                             // z += x_i · W[i, o]
                a1 = Vector512.FusedMultiplyAdd(x1, w0, a1);
                a2 = Vector512.FusedMultiplyAdd(x2, w0, a2);
                a3 = Vector512.FusedMultiplyAdd(x3, w0, a3);
                w0 = Vector512.Create(Unsafe.Add(ref wi, o1));
                b0 = Vector512.FusedMultiplyAdd(x0, w0, b0);
                b1 = Vector512.FusedMultiplyAdd(x1, w0, b1);
                b2 = Vector512.FusedMultiplyAdd(x2, w0, b2);
                b3 = Vector512.FusedMultiplyAdd(x3, w0, b3);
                xi = ref Unsafe.Add(ref xi, stride);
                wi = ref Unsafe.Add(ref wi, outputs);
            }
            Store(a0, a1, a2, a3, ref rz, ref rh, relu, (nuint)(o * stride), n0, n1, n2, n3);
            Store(b0, b1, b2, b3, ref rz, ref rh, relu, (nuint)(o1 * stride), n0, n1, n2, n3);
        }
    }

    /// <summary>
    /// dL/dxᵀ = (dL/dz·Wᵀ)ᵀ [inputs × stride], each term added in output order from 0 (the plain loop's bits), and
    /// through the previous layer's ReLU: dL/dz_prevᵀ = dL/dxᵀ ⊙ 1[z_prevᵀ &gt; 0].
    /// </summary>
    public static void BackwardInput(ReadOnlySpan<float> dzT, ReadOnlySpan<float> w, Span<float> dxT, ReadOnlySpan<float> zPreviousT, Span<float> dzPreviousT, int inputs, int outputs, int stride)
    {
        KernelChecks.Require(
            KernelChecks.Holds(dzT.Length, outputs, stride) && KernelChecks.Holds(w.Length, inputs, outputs) && KernelChecks.Holds(dxT.Length, inputs, stride)
            && KernelChecks.Holds(zPreviousT.Length, inputs, stride) && KernelChecks.Holds(dzPreviousT.Length, inputs, stride) && stride % V == 0,
            "Feature-major backward");
        ref float rdz = ref MemoryMarshal.GetReference(dzT);
        ref float rw = ref MemoryMarshal.GetReference(w);
        ref float rdx = ref MemoryMarshal.GetReference(dxT);
        ref float rzp = ref MemoryMarshal.GetReference(zPreviousT);
        ref float rdzp = ref MemoryMarshal.GetReference(dzPreviousT);
        for (int i = 0; i < inputs; i += 2)                                            // two inputs × four vectors: eight chains
        {
            int i1 = Math.Min(i + 1, inputs - 1);                                      // past the last input: the last again
            for (int n = 0; n < stride; n += 4 * V)
            {
                nuint n0 = (nuint)n, n1 = (nuint)Math.Min(n + V, stride - V), n2 = (nuint)Math.Min(n + (2 * V), stride - V), n3 = (nuint)Math.Min(n + (3 * V), stride - V);
                Vector512<float> a0 = Vector512<float>.Zero, a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
                ref float dzo = ref rdz;
                for (int o = 0; o < outputs; o++)
                {
                    Vector512<float> d0 = Vector512.LoadUnsafe(ref dzo, n0), d1 = Vector512.LoadUnsafe(ref dzo, n1);
                    Vector512<float> d2 = Vector512.LoadUnsafe(ref dzo, n2), d3 = Vector512.LoadUnsafe(ref dzo, n3);
                    Vector512<float> wa = Vector512.Create(Unsafe.Add(ref rw, (i * outputs) + o));
                    a0 = Vector512.FusedMultiplyAdd(d0, wa, a0);                         // dL/dx = dL/dz · Wᵀ
                    a1 = Vector512.FusedMultiplyAdd(d1, wa, a1);
                    a2 = Vector512.FusedMultiplyAdd(d2, wa, a2);
                    a3 = Vector512.FusedMultiplyAdd(d3, wa, a3);
                    Vector512<float> wb = Vector512.Create(Unsafe.Add(ref rw, (i1 * outputs) + o));
                    b0 = Vector512.FusedMultiplyAdd(d0, wb, b0);
                    b1 = Vector512.FusedMultiplyAdd(d1, wb, b1);
                    b2 = Vector512.FusedMultiplyAdd(d2, wb, b2);
                    b3 = Vector512.FusedMultiplyAdd(d3, wb, b3);
                    dzo = ref Unsafe.Add(ref dzo, stride);
                }
                nuint row = (nuint)(i * stride), row1 = (nuint)(i1 * stride);
                Gate(a0, ref rdx, ref rzp, ref rdzp, row + n0);
                Gate(a1, ref rdx, ref rzp, ref rdzp, row + n1);
                Gate(a2, ref rdx, ref rzp, ref rdzp, row + n2);
                Gate(a3, ref rdx, ref rzp, ref rdzp, row + n3);
                Gate(b0, ref rdx, ref rzp, ref rdzp, row1 + n0);
                Gate(b1, ref rdx, ref rzp, ref rdzp, row1 + n1);
                Gate(b2, ref rdx, ref rzp, ref rdzp, row1 + n2);
                Gate(b3, ref rdx, ref rzp, ref rdzp, row1 + n3);
            }
        }
    }

    /// <summary>Stores dL/dx and dL/dz_prev = dL/dx ⊙ 1[z_prev &gt; 0] (through ReLU).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Gate(Vector512<float> dx, ref float rdx, ref float rzp, ref float rdzp, nuint at)
    {
        dx.StoreUnsafe(ref rdx, at);
        Relu.Gradient<float, Vector512<float>, Simd512<float>>(Vector512.LoadUnsafe(ref rzp, at), default, dx).StoreUnsafe(ref rdzp, at); // through ReLU
    }

    /// <summary>z of one output over four vectors of columns, and h = ReLU(z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector512<float> z0, Vector512<float> z1, Vector512<float> z2, Vector512<float> z3, ref float rz, ref float rh, bool relu, nuint row, nuint n0, nuint n1, nuint n2, nuint n3)
    {
        z0.StoreUnsafe(ref rz, row + n0);
        z1.StoreUnsafe(ref rz, row + n1);
        z2.StoreUnsafe(ref rz, row + n2);
        z3.StoreUnsafe(ref rz, row + n3);
        if (relu)
        {
            Relu.Invoke<float, Vector512<float>, Simd512<float>>(z0).StoreUnsafe(ref rh, row + n0);                                        // h = ReLU(z)
            Relu.Invoke<float, Vector512<float>, Simd512<float>>(z1).StoreUnsafe(ref rh, row + n1);
            Relu.Invoke<float, Vector512<float>, Simd512<float>>(z2).StoreUnsafe(ref rh, row + n2);
            Relu.Invoke<float, Vector512<float>, Simd512<float>>(z3).StoreUnsafe(ref rh, row + n3);
        }
    }
}
