using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EdgeNet.Kernels;

/// <summary>
/// Kernels for a batch laid out feature-major — every matrix transposed, [features × stride], one sample a column —
/// so that the batch runs across the vector lanes however narrow the layer is (8 or 2 outputs fill no vector in the
/// row-major layout). <c>stride</c> is the batch rounded up to whole vectors; the padding columns are kept at zero
/// where they would reach a sum. The forward layer and dL/dx add their terms in the plain loops' order (same bits);
/// the softmax uses vector exponentials and logarithms, and dL/dW, dL/db and the loss add the batch in lanes first.
/// </summary>
internal static class FeatureMajor
{
    /// <summary>xᵀ [inputs × stride] from x [batch × inputs]; the padding columns are zeroed.</summary>
    public static void TransposeIn<T>(ReadOnlySpan<T> x, int batch, int inputs, Span<T> xT, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Length < batch * inputs || xT.Length < inputs * stride || stride < batch)
        {
            throw new ArgumentException("Feature-major transpose: shapes do not fit.");
        }
        ref T rx = ref MemoryMarshal.GetReference(x);
        ref T rt = ref MemoryMarshal.GetReference(xT);
        int n = Gather(ref rx, batch, inputs, ref rt, stride);                          // whole vectors of rows
        for (int i = 0; i < inputs; i++)
        {
            for (int m = n; m < stride; m++)
            {
                Unsafe.Add(ref rt, (i * stride) + m) = m < batch ? Unsafe.Add(ref rx, (m * inputs) + i) : T.Zero; // xᵀ[i, n] = x[n, i]; padding 0
            }
        }
    }

    /// <summary>xᵀ for whole 256-bit vectors of rows with the AVX2 gather (one column of a block of rows a gather); returns the rows done.</summary>
    private static unsafe int Gather<T>(ref T x, int batch, int inputs, ref T xT, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!Avx2.IsSupported)
        {
            return 0;
        }
        int v = Vector256<T>.Count;
        Vector256<int> rows = Vector256<int>.Indices * inputs;
        Vector128<int> rows4 = Vector128<int>.Indices * inputs;
        int n = 0;
        fixed (T* px = &x)
        {
            for (; n + v <= batch; n += v)
            {
                T* block = px + (n * inputs);
                for (int i = 0; i < inputs; i++)
                {
                    ref T column = ref Unsafe.Add(ref xT, (i * stride) + n);
                    if (typeof(T) == typeof(float))
                    {
                        Avx2.GatherVector256((float*)block + i, rows, 4).As<float, T>().StoreUnsafe(ref column);   // xᵀ[i, n..] = x[n.., i]
                    }
                    else if (typeof(T) == typeof(double))
                    {
                        Avx2.GatherVector256((double*)block + i, rows4, 8).As<double, T>().StoreUnsafe(ref column);
                    }
                    else
                    {
                        return 0;
                    }
                }
            }
        }
        return n;
    }

    /// <summary>
    /// zᵀ = (x·W + b)ᵀ [outputs × stride] from xᵀ [inputs × stride], and hᵀ = ReLU(zᵀ) when <paramref name="hT"/> is not
    /// empty. Each z[n, o] is b[o] then the fused multiply-adds in input order: the bits of the plain loop.
    /// </summary>
    public static void Forward<T>(ReadOnlySpan<T> xT, ReadOnlySpan<T> w, ReadOnlySpan<T> b, Span<T> zT, Span<T> hT, int inputs, int outputs, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (xT.Length < inputs * stride || w.Length < inputs * outputs || b.Length < outputs || zT.Length < outputs * stride
            || (!hT.IsEmpty && hT.Length < outputs * stride) || stride % Vector512<T>.Count != 0)
        {
            throw new ArgumentException("Feature-major forward: shapes do not fit.");
        }
        ref T rx = ref MemoryMarshal.GetReference(xT);
        ref T rw = ref MemoryMarshal.GetReference(w);
        ref T rz = ref MemoryMarshal.GetReference(zT);
        ref T rh = ref MemoryMarshal.GetReference(hT);
        bool relu = !hT.IsEmpty;
        int v = Vector512<T>.Count;
        int o = 0;
        for (; o + 2 <= outputs; o += 2)                                                // two outputs × four vectors: eight independent chains
        {
            int n = 0;
            for (; n + (4 * v) <= stride; n += 4 * v)
            {
                Vector512<T> a0 = Vector512.Create(b[o]), a1 = a0, a2 = a0, a3 = a0;    // z = b
                Vector512<T> c0 = Vector512.Create(b[o + 1]), c1 = c0, c2 = c0, c3 = c0;
                for (int i = 0; i < inputs; i++)
                {
                    ref T wi = ref Unsafe.Add(ref rw, (i * outputs) + o);
                    Vector512<T> wa = Vector512.Create(wi), wc = Vector512.Create(Unsafe.Add(ref wi, 1));
                    ref T xi = ref Unsafe.Add(ref rx, (i * stride) + n);
                    Vector512<T> x0 = Vector512.LoadUnsafe(ref xi), x1 = Vector512.LoadUnsafe(ref xi, (nuint)v);
                    Vector512<T> x2 = Vector512.LoadUnsafe(ref xi, (nuint)(2 * v)), x3 = Vector512.LoadUnsafe(ref xi, (nuint)(3 * v));
                    a0 = Simd512<T>.MultiplyAdd(x0, wa, a0);                                // z += x_i · W[i, o]
                    a1 = Simd512<T>.MultiplyAdd(x1, wa, a1);
                    a2 = Simd512<T>.MultiplyAdd(x2, wa, a2);
                    a3 = Simd512<T>.MultiplyAdd(x3, wa, a3);
                    c0 = Simd512<T>.MultiplyAdd(x0, wc, c0);
                    c1 = Simd512<T>.MultiplyAdd(x1, wc, c1);
                    c2 = Simd512<T>.MultiplyAdd(x2, wc, c2);
                    c3 = Simd512<T>.MultiplyAdd(x3, wc, c3);
                }
                Store4(a0, a1, a2, a3, ref Unsafe.Add(ref rz, (o * stride) + n), v);
                Store4(c0, c1, c2, c3, ref Unsafe.Add(ref rz, ((o + 1) * stride) + n), v);
                if (relu)
                {
                    Store4(Relu(a0), Relu(a1), Relu(a2), Relu(a3), ref Unsafe.Add(ref rh, (o * stride) + n), v); // h = ReLU(z)
                    Store4(Relu(c0), Relu(c1), Relu(c2), Relu(c3), ref Unsafe.Add(ref rh, ((o + 1) * stride) + n), v);
                }
            }
            for (; n < stride; n += v)
            {
                Column(ref rx, ref rw, b[o], ref rz, ref rh, relu, inputs, outputs, stride, o, n);
                Column(ref rx, ref rw, b[o + 1], ref rz, ref rh, relu, inputs, outputs, stride, o + 1, n);
            }
        }
        for (; o < outputs; o++)
        {
            Vector512<T> bias = Vector512.Create(b[o]);
            int n = 0;
            for (; n + (4 * v) <= stride; n += 4 * v)                                   // four independent chains
            {
                Vector512<T> z0 = bias, z1 = bias, z2 = bias, z3 = bias;                // z = b
                for (int i = 0; i < inputs; i++)
                {
                    Vector512<T> wio = Vector512.Create(Unsafe.Add(ref rw, (i * outputs) + o));
                    ref T xi = ref Unsafe.Add(ref rx, (i * stride) + n);
                    z0 = Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref xi), wio, z0);           // z += x_i · W[i, o]
                    z1 = Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref xi, (nuint)v), wio, z1);
                    z2 = Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref xi, (nuint)(2 * v)), wio, z2);
                    z3 = Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref xi, (nuint)(3 * v)), wio, z3);
                }
                ref T zo = ref Unsafe.Add(ref rz, (o * stride) + n);
                Store4(z0, z1, z2, z3, ref zo, v);
                if (relu)
                {
                    Store4(Relu(z0), Relu(z1), Relu(z2), Relu(z3), ref Unsafe.Add(ref rh, (o * stride) + n), v); // h = ReLU(z)
                }
            }
            for (; n < stride; n += v)
            {
                Column(ref rx, ref rw, b[o], ref rz, ref rh, relu, inputs, outputs, stride, o, n);
            }
        }
    }

    /// <summary>One output over one vector of columns: a single chain.</summary>
    private static void Column<T>(ref T rx, ref T rw, T b, ref T rz, ref T rh, bool relu, int inputs, int outputs, int stride, int o, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector512<T> z0 = Vector512.Create(b);                                          // z = b
        for (int i = 0; i < inputs; i++)
        {
            z0 = Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref Unsafe.Add(ref rx, (i * stride) + n)), Vector512.Create(Unsafe.Add(ref rw, (i * outputs) + o)), z0); // z += x_i · W[i, o]
        }
        z0.StoreUnsafe(ref Unsafe.Add(ref rz, (o * stride) + n));
        if (relu)
        {
            Relu(z0).StoreUnsafe(ref Unsafe.Add(ref rh, (o * stride) + n));            // h = ReLU(z)
        }
    }

    /// <summary>
    /// dL/dxᵀ = (dL/dz·Wᵀ)ᵀ [inputs × stride], each term added in output order from 0 (the plain loop's bits), and
    /// through the previous layer's ReLU: dL/dz_prevᵀ = dL/dxᵀ ⊙ 1[z_prevᵀ &gt; 0].
    /// </summary>
    public static void BackwardInput<T>(ReadOnlySpan<T> dzT, ReadOnlySpan<T> w, Span<T> dxT, ReadOnlySpan<T> zPreviousT, Span<T> dzPreviousT, int inputs, int outputs, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (dzT.Length < outputs * stride || w.Length < inputs * outputs || dxT.Length < inputs * stride
            || zPreviousT.Length < inputs * stride || dzPreviousT.Length < inputs * stride || stride % Vector512<T>.Count != 0)
        {
            throw new ArgumentException("Feature-major backward: shapes do not fit.");
        }
        ref T rdz = ref MemoryMarshal.GetReference(dzT);
        ref T rw = ref MemoryMarshal.GetReference(w);
        ref T rdx = ref MemoryMarshal.GetReference(dxT);
        ref T rzp = ref MemoryMarshal.GetReference(zPreviousT);
        ref T rdzp = ref MemoryMarshal.GetReference(dzPreviousT);
        int v = Vector512<T>.Count;
        for (int i = 0; i < inputs; i++)
        {
            ref T wRow = ref Unsafe.Add(ref rw, i * outputs);
            for (int n = 0; n < stride; n += v)
            {
                Vector512<T> sum = Vector512<T>.Zero;
                for (int o = 0; o < outputs; o++)
                {
                    sum = Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref Unsafe.Add(ref rdz, (o * stride) + n)), Vector512.Create(Unsafe.Add(ref wRow, o)), sum); // dL/dx = dL/dz · Wᵀ
                }
                int at = (i * stride) + n;
                sum.StoreUnsafe(ref Unsafe.Add(ref rdx, at));
                Vector512<T> open = Vector512.GreaterThan(Vector512.LoadUnsafe(ref Unsafe.Add(ref rzp, at)), Vector512<T>.Zero);
                Vector512.ConditionalSelect(open, sum, Vector512<T>.Zero).StoreUnsafe(ref Unsafe.Add(ref rdzp, at)); // through ReLU
            }
        }
    }

    /// <summary>
    /// dL/dW = xᵀ·dL/dz [inputs × outputs] and dL/db = Σ_n dL/dz from xᵀ and dL/dzᵀ: dot products down the batch,
    /// added lane by lane and then across the lanes (a different order from the plain loop's: within rounding).
    /// </summary>
    public static void Gradients<T>(ReadOnlySpan<T> xT, ReadOnlySpan<T> dzT, Span<T> dw, Span<T> db, int inputs, int outputs, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (xT.Length < inputs * stride || dzT.Length < outputs * stride || dw.Length < inputs * outputs || db.Length < outputs || stride % Vector512<T>.Count != 0)
        {
            throw new ArgumentException("Feature-major gradients: shapes do not fit.");
        }
        ref T rx = ref MemoryMarshal.GetReference(xT);
        ref T rdz = ref MemoryMarshal.GetReference(dzT);
        int v = Vector512<T>.Count;
        for (int o = 0; o < outputs; o++)
        {
            ref T dzo = ref Unsafe.Add(ref rdz, o * stride);
            Vector512<T> sum = Vector512<T>.Zero;
            for (int n = 0; n < stride; n += v)
            {
                sum += Vector512.LoadUnsafe(ref dzo, (nuint)n);                          // dL/db = Σ_n dL/dz
            }
            db[o] = Vector512.Sum(sum);
        }
        int i = 0;
        for (; i + 4 <= inputs; i += 4)                                                 // four inputs × one output a tile
        {
            ref T x0 = ref Unsafe.Add(ref rx, i * stride);
            int o = 0;
            for (; o + 4 <= outputs; o += 4)                                            // four inputs × four outputs: sixteen chains
            {
                Tile4x4(ref x0, ref Unsafe.Add(ref rdz, o * stride), dw.Slice((i * outputs) + o), outputs, stride);
            }
            for (; o + 2 <= outputs; o += 2)                                            // four inputs × two outputs: eight chains
            {
                ref T da = ref Unsafe.Add(ref rdz, o * stride);
                Vector512<T> s0 = Vector512<T>.Zero, s1 = s0, s2 = s0, s3 = s0, t0 = s0, t1 = s0, t2 = s0, t3 = s0;
                for (int n = 0; n < stride; n += v)
                {
                    Vector512<T> d = Vector512.LoadUnsafe(ref da, (nuint)n), e = Vector512.LoadUnsafe(ref da, (nuint)(stride + n));
                    Vector512<T> xa = Vector512.LoadUnsafe(ref x0, (nuint)n), xb = Vector512.LoadUnsafe(ref x0, (nuint)(stride + n));
                    Vector512<T> xc = Vector512.LoadUnsafe(ref x0, (nuint)((2 * stride) + n)), xd = Vector512.LoadUnsafe(ref x0, (nuint)((3 * stride) + n));
                    s0 = Simd512<T>.MultiplyAdd(xa, d, s0);                              // dL/dW = xᵀ · dL/dz
                    s1 = Simd512<T>.MultiplyAdd(xb, d, s1);
                    s2 = Simd512<T>.MultiplyAdd(xc, d, s2);
                    s3 = Simd512<T>.MultiplyAdd(xd, d, s3);
                    t0 = Simd512<T>.MultiplyAdd(xa, e, t0);
                    t1 = Simd512<T>.MultiplyAdd(xb, e, t1);
                    t2 = Simd512<T>.MultiplyAdd(xc, e, t2);
                    t3 = Simd512<T>.MultiplyAdd(xd, e, t3);
                }
                dw[(i * outputs) + o] = Vector512.Sum(s0);
                dw[((i + 1) * outputs) + o] = Vector512.Sum(s1);
                dw[((i + 2) * outputs) + o] = Vector512.Sum(s2);
                dw[((i + 3) * outputs) + o] = Vector512.Sum(s3);
                dw[(i * outputs) + o + 1] = Vector512.Sum(t0);
                dw[((i + 1) * outputs) + o + 1] = Vector512.Sum(t1);
                dw[((i + 2) * outputs) + o + 1] = Vector512.Sum(t2);
                dw[((i + 3) * outputs) + o + 1] = Vector512.Sum(t3);
            }
            for (; o < outputs; o++)
            {
                ref T dzo = ref Unsafe.Add(ref rdz, o * stride);
                Vector512<T> s0 = Vector512<T>.Zero, s1 = s0, s2 = s0, s3 = s0;
                for (int n = 0; n < stride; n += v)
                {
                    Vector512<T> d = Vector512.LoadUnsafe(ref dzo, (nuint)n);
                    s0 = Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref x0, (nuint)n), d, s0);           // dL/dW = xᵀ · dL/dz
                    s1 = Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref x0, (nuint)(stride + n)), d, s1);
                    s2 = Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref x0, (nuint)((2 * stride) + n)), d, s2);
                    s3 = Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref x0, (nuint)((3 * stride) + n)), d, s3);
                }
                dw[(i * outputs) + o] = Vector512.Sum(s0);
                dw[((i + 1) * outputs) + o] = Vector512.Sum(s1);
                dw[((i + 2) * outputs) + o] = Vector512.Sum(s2);
                dw[((i + 3) * outputs) + o] = Vector512.Sum(s3);
            }
        }
        for (; i < inputs; i++)
        {
            ref T xi = ref Unsafe.Add(ref rx, i * stride);
            for (int o = 0; o < outputs; o++)
            {
                ref T dzo = ref Unsafe.Add(ref rdz, o * stride);
                Vector512<T> s0 = Vector512<T>.Zero, s1 = s0;
                int n = 0;
                for (; n + (2 * v) <= stride; n += 2 * v)                               // two chains
                {
                    s0 = Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref xi, (nuint)n), Vector512.LoadUnsafe(ref dzo, (nuint)n), s0);
                    s1 = Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref xi, (nuint)(n + v)), Vector512.LoadUnsafe(ref dzo, (nuint)(n + v)), s1);
                }
                for (; n < stride; n += v)
                {
                    s0 = Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref xi, (nuint)n), Vector512.LoadUnsafe(ref dzo, (nuint)n), s0);
                }
                dw[(i * outputs) + o] = Vector512.Sum(s0 + s1);
            }
        }
    }

    /// <summary>dL/dW for four inputs (rows of xᵀ from <paramref name="x0"/>) × four outputs (rows of dL/dzᵀ from <paramref name="d0"/>).</summary>
    private static void Tile4x4<T>(ref T x0, ref T d0, Span<T> dw, int outputs, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T x1 = ref Unsafe.Add(ref x0, stride), x2 = ref Unsafe.Add(ref x1, stride), x3 = ref Unsafe.Add(ref x2, stride);
        ref T d1 = ref Unsafe.Add(ref d0, stride), d2 = ref Unsafe.Add(ref d1, stride), d3 = ref Unsafe.Add(ref d2, stride);
        Vector512<T> a0 = Vector512<T>.Zero, a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        Vector512<T> c0 = a0, c1 = a0, c2 = a0, c3 = a0, e0 = a0, e1 = a0, e2 = a0, e3 = a0;
        for (nuint n = 0; n < (nuint)stride; n += (nuint)Vector512<T>.Count)
        {
            Vector512<T> xa = Vector512.LoadUnsafe(ref x0, n), xb = Vector512.LoadUnsafe(ref x1, n);
            Vector512<T> xc = Vector512.LoadUnsafe(ref x2, n), xd = Vector512.LoadUnsafe(ref x3, n);
            Vector512<T> d = Vector512.LoadUnsafe(ref d0, n);
            a0 = Simd512<T>.MultiplyAdd(xa, d, a0);                                      // dL/dW = xᵀ · dL/dz
            a1 = Simd512<T>.MultiplyAdd(xb, d, a1);
            a2 = Simd512<T>.MultiplyAdd(xc, d, a2);
            a3 = Simd512<T>.MultiplyAdd(xd, d, a3);
            d = Vector512.LoadUnsafe(ref d1, n);
            b0 = Simd512<T>.MultiplyAdd(xa, d, b0);
            b1 = Simd512<T>.MultiplyAdd(xb, d, b1);
            b2 = Simd512<T>.MultiplyAdd(xc, d, b2);
            b3 = Simd512<T>.MultiplyAdd(xd, d, b3);
            d = Vector512.LoadUnsafe(ref d2, n);
            c0 = Simd512<T>.MultiplyAdd(xa, d, c0);
            c1 = Simd512<T>.MultiplyAdd(xb, d, c1);
            c2 = Simd512<T>.MultiplyAdd(xc, d, c2);
            c3 = Simd512<T>.MultiplyAdd(xd, d, c3);
            d = Vector512.LoadUnsafe(ref d3, n);
            e0 = Simd512<T>.MultiplyAdd(xa, d, e0);
            e1 = Simd512<T>.MultiplyAdd(xb, d, e1);
            e2 = Simd512<T>.MultiplyAdd(xc, d, e2);
            e3 = Simd512<T>.MultiplyAdd(xd, d, e3);
        }
        dw[0] = Vector512.Sum(a0);
        dw[outputs] = Vector512.Sum(a1);
        dw[2 * outputs] = Vector512.Sum(a2);
        dw[3 * outputs] = Vector512.Sum(a3);
        dw[1] = Vector512.Sum(b0);
        dw[outputs + 1] = Vector512.Sum(b1);
        dw[(2 * outputs) + 1] = Vector512.Sum(b2);
        dw[(3 * outputs) + 1] = Vector512.Sum(b3);
        dw[2] = Vector512.Sum(c0);
        dw[outputs + 2] = Vector512.Sum(c1);
        dw[(2 * outputs) + 2] = Vector512.Sum(c2);
        dw[(3 * outputs) + 2] = Vector512.Sum(c3);
        dw[3] = Vector512.Sum(e0);
        dw[outputs + 3] = Vector512.Sum(e1);
        dw[(2 * outputs) + 3] = Vector512.Sum(e2);
        dw[(3 * outputs) + 3] = Vector512.Sum(e3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Relu<T>(Vector512<T> z)
        where T : unmanaged, IFloatingPointIeee754<T> => Vector512.BitwiseAnd(z, Vector512.GreaterThan(z, Vector512<T>.Zero));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store4<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c, Vector512<T> d, ref T at, int v)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        a.StoreUnsafe(ref at);
        b.StoreUnsafe(ref at, (nuint)v);
        c.StoreUnsafe(ref at, (nuint)(2 * v));
        d.StoreUnsafe(ref at, (nuint)(3 * v));
    }
}
