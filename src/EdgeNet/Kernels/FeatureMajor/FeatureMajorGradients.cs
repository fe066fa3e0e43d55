using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeNet.Kernels;

/// <summary>
/// dL/dW = xᵀ·dL/dz and dL/db = Σ_n dL/dz for a feature-major float batch (see <see cref="FeatureMajor"/>): dot
/// products down the batch, added lane by lane over the whole batch, then across the lanes — sixteen sums at once
/// (<see cref="Lanes16.Sums"/>). A different order from the plain loop's: equal within rounding.
/// </summary>
internal static class FeatureMajorGradients
{
    private const int V = 16;                                                          // floats in a 512-bit vector

    /// <summary>dL/db = Σ_n dL/dz [outputs] from dL/dzᵀ [outputs × stride] (zero in the padding).</summary>
    public static void Bias(ReadOnlySpan<float> dzT, Span<float> db, int outputs, int stride)
    {
        KernelChecks.Require(KernelChecks.Holds(dzT.Length, outputs, stride) && db.Length >= outputs && stride % V == 0, "Feature-major bias gradient");
        ref float rdz = ref MemoryMarshal.GetReference(dzT);
        for (int o = 0; o < outputs; o += 4)                                           // four outputs: four independent chains
        {
            ref float d0 = ref Unsafe.Add(ref rdz, o * stride);
            ref float d1 = ref Unsafe.Add(ref rdz, Math.Min(o + 1, outputs - 1) * stride);
            ref float d2 = ref Unsafe.Add(ref rdz, Math.Min(o + 2, outputs - 1) * stride);
            ref float d3 = ref Unsafe.Add(ref rdz, Math.Min(o + 3, outputs - 1) * stride);
            Vector512<float> s0 = Vector512<float>.Zero, s1 = s0, s2 = s0, s3 = s0;
            for (nuint n = 0; n < (nuint)stride; n += V)
            {
                s0 += Vector512.LoadUnsafe(ref d0, n);                                  // dL/db = Σ_n dL/dz
                s1 += Vector512.LoadUnsafe(ref d1, n);
                s2 += Vector512.LoadUnsafe(ref d2, n);
                s3 += Vector512.LoadUnsafe(ref d3, n);
            }
            db[o] = Vector512.Sum(s0);
            for (int c = 1; c < 4 && o + c < outputs; c++)
            {
                db[o + c] = Vector512.Sum(c == 1 ? s1 : c == 2 ? s2 : s3);
            }
        }
    }

    /// <summary>dL/dW = xᵀ·dL/dz [inputs × outputs] from xᵀ [inputs × stride] and dL/dzᵀ [outputs × stride], in 4 × 4 tiles.</summary>
    public static void Weights(ReadOnlySpan<float> xT, ReadOnlySpan<float> dzT, Span<float> dw, int inputs, int outputs, int stride)
    {
        KernelChecks.Require(
            KernelChecks.Holds(xT.Length, inputs, stride) && KernelChecks.Holds(dzT.Length, outputs, stride) && KernelChecks.Holds(dw.Length, inputs, outputs)
            && stride % V == 0 && inputs > 0 && outputs > 0,
            "Feature-major gradients");
        ref float rx = ref MemoryMarshal.GetReference(xT);
        ref float rdz = ref MemoryMarshal.GetReference(dzT);
        ref float rw = ref MemoryMarshal.GetReference(dw);
        int wide = outputs - (outputs % 4 is 1 or 2 ? outputs % 4 : 0);                // outputs in 4 × 4 tiles; one or two left: 8 × 2 tiles
        for (int i = 0; i < inputs && wide < outputs; i += 8)
        {
            Vector512<float> tile = Tile8x2(ref rx, ref rdz, i, wide, inputs, outputs, stride);
            for (int r = 0; r < 8 && i + r < inputs; r++)
            {
                for (int c = 0; c < 2 && wide + c < outputs; c++)
                {
                    dw[((i + r) * outputs) + wide + c] = tile[(2 * r) + c];
                }
            }
        }
        for (int i = 0; i < inputs; i += 4)
        {
            for (int o = 0; o < wide; o += 4)
            {
                Vector512<float> tile = Tile(ref rx, ref rdz, i, o, inputs, outputs, stride);
                if (i + 4 <= inputs && o + 4 <= outputs)
                {
                    ref float at = ref Unsafe.Add(ref rw, (i * outputs) + o);               // quarter r: dL/dW[i + r, o…o + 3]
                    tile.GetLower().GetLower().StoreUnsafe(ref at);
                    tile.GetLower().GetUpper().StoreUnsafe(ref at, (nuint)outputs);
                    tile.GetUpper().GetLower().StoreUnsafe(ref at, (nuint)(2 * outputs));
                    tile.GetUpper().GetUpper().StoreUnsafe(ref at, (nuint)(3 * outputs));
                    continue;
                }
                for (int r = 0; r < 4 && i + r < inputs; r++)                          // an edge tile: the lanes that exist
                {
                    for (int c = 0; c < 4 && o + c < outputs; c++)
                    {
                        dw[((i + r) * outputs) + o + c] = tile[(4 * r) + c];
                    }
                }
            }
        }
    }

    /// <summary>
    /// dL/dW[i + r, o + c] for an 8 × 2 tile (the last one or two outputs), as lane 2r + c: sixteen chains. Past the
    /// last input or output the tile repeats the last one (its lanes are not stored).
    /// </summary>
    private static Vector512<float> Tile8x2(ref float rx, ref float rdz, int i, int o, int inputs, int outputs, int stride)
    {
        nint s = stride, last = inputs - 1;
        ref float x0 = ref Unsafe.Add(ref rx, i * s);
        nint x1 = (Math.Min(i + 1, last) - i) * s, x2 = (Math.Min(i + 2, last) - i) * s, x3 = (Math.Min(i + 3, last) - i) * s;
        nint x4 = (Math.Min(i + 4, last) - i) * s, x5 = (Math.Min(i + 5, last) - i) * s, x6 = (Math.Min(i + 6, last) - i) * s;
        nint x7 = (Math.Min(i + 7, last) - i) * s;
        ref float d0 = ref Unsafe.Add(ref rdz, o * s);
        ref float d1 = ref Unsafe.Add(ref rdz, Math.Min(o + 1, outputs - 1) * s);
        Vector512<float> a0 = Vector512<float>.Zero, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        Vector512<float> b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0, b6 = a0, b7 = a0;
        for (nint n = 0; n < s; n += V)
        {
            Vector512<float> da = Vector512.LoadUnsafe(ref Unsafe.Add(ref d0, n)), db = Vector512.LoadUnsafe(ref Unsafe.Add(ref d1, n));
            ref float xn = ref Unsafe.Add(ref x0, n);
            Vector512<float> x = Vector512.LoadUnsafe(ref xn);
            a0 = Vector512.FusedMultiplyAdd(x, da, a0);                                  // dL/dW = xᵀ · dL/dz
            b0 = Vector512.FusedMultiplyAdd(x, db, b0);
            x = Vector512.LoadUnsafe(ref Unsafe.Add(ref xn, x1));
            a1 = Vector512.FusedMultiplyAdd(x, da, a1);
            b1 = Vector512.FusedMultiplyAdd(x, db, b1);
            x = Vector512.LoadUnsafe(ref Unsafe.Add(ref xn, x2));
            a2 = Vector512.FusedMultiplyAdd(x, da, a2);
            b2 = Vector512.FusedMultiplyAdd(x, db, b2);
            x = Vector512.LoadUnsafe(ref Unsafe.Add(ref xn, x3));
            a3 = Vector512.FusedMultiplyAdd(x, da, a3);
            b3 = Vector512.FusedMultiplyAdd(x, db, b3);
            x = Vector512.LoadUnsafe(ref Unsafe.Add(ref xn, x4));
            a4 = Vector512.FusedMultiplyAdd(x, da, a4);
            b4 = Vector512.FusedMultiplyAdd(x, db, b4);
            x = Vector512.LoadUnsafe(ref Unsafe.Add(ref xn, x5));
            a5 = Vector512.FusedMultiplyAdd(x, da, a5);
            b5 = Vector512.FusedMultiplyAdd(x, db, b5);
            x = Vector512.LoadUnsafe(ref Unsafe.Add(ref xn, x6));
            a6 = Vector512.FusedMultiplyAdd(x, da, a6);
            b6 = Vector512.FusedMultiplyAdd(x, db, b6);
            x = Vector512.LoadUnsafe(ref Unsafe.Add(ref xn, x7));
            a7 = Vector512.FusedMultiplyAdd(x, da, a7);
            b7 = Vector512.FusedMultiplyAdd(x, db, b7);
        }
        return Lanes16.Sums(a0, b0, a1, b1, a2, b2, a3, b3, a4, b4, a5, b5, a6, b6, a7, b7);
    }

    /// <summary>
    /// dL/dW[i + r, o + c] for a 4 × 4 tile, as lane 4r + c: sixteen chains down the batch. Past the last input or
    /// output the tile repeats the last one (its lanes are not stored).
    /// </summary>
    private static Vector512<float> Tile(ref float rx, ref float rdz, int i, int o, int inputs, int outputs, int stride)
    {
        ref float x0 = ref Unsafe.Add(ref rx, i * stride);
        ref float x1 = ref Unsafe.Add(ref rx, Math.Min(i + 1, inputs - 1) * stride);
        ref float x2 = ref Unsafe.Add(ref rx, Math.Min(i + 2, inputs - 1) * stride);
        ref float x3 = ref Unsafe.Add(ref rx, Math.Min(i + 3, inputs - 1) * stride);
        ref float d0 = ref Unsafe.Add(ref rdz, o * stride);
        ref float d1 = ref Unsafe.Add(ref rdz, Math.Min(o + 1, outputs - 1) * stride);
        ref float d2 = ref Unsafe.Add(ref rdz, Math.Min(o + 2, outputs - 1) * stride);
        ref float d3 = ref Unsafe.Add(ref rdz, Math.Min(o + 3, outputs - 1) * stride);
        Vector512<float> a0 = Vector512<float>.Zero, a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        Vector512<float> c0 = a0, c1 = a0, c2 = a0, c3 = a0, e0 = a0, e1 = a0, e2 = a0, e3 = a0;
        for (nuint n = 0; n < (nuint)stride; n += V)
        {
            Vector512<float> da = Vector512.LoadUnsafe(ref d0, n), db = Vector512.LoadUnsafe(ref d1, n);
            Vector512<float> dc = Vector512.LoadUnsafe(ref d2, n), dd = Vector512.LoadUnsafe(ref d3, n);
            Vector512<float> x = Vector512.LoadUnsafe(ref x0, n);
            a0 = Vector512.FusedMultiplyAdd(x, da, a0);                                  // dL/dW = xᵀ · dL/dz
            a1 = Vector512.FusedMultiplyAdd(x, db, a1);
            a2 = Vector512.FusedMultiplyAdd(x, dc, a2);
            a3 = Vector512.FusedMultiplyAdd(x, dd, a3);
            x = Vector512.LoadUnsafe(ref x1, n);
            b0 = Vector512.FusedMultiplyAdd(x, da, b0);
            b1 = Vector512.FusedMultiplyAdd(x, db, b1);
            b2 = Vector512.FusedMultiplyAdd(x, dc, b2);
            b3 = Vector512.FusedMultiplyAdd(x, dd, b3);
            x = Vector512.LoadUnsafe(ref x2, n);
            c0 = Vector512.FusedMultiplyAdd(x, da, c0);
            c1 = Vector512.FusedMultiplyAdd(x, db, c1);
            c2 = Vector512.FusedMultiplyAdd(x, dc, c2);
            c3 = Vector512.FusedMultiplyAdd(x, dd, c3);
            x = Vector512.LoadUnsafe(ref x3, n);
            e0 = Vector512.FusedMultiplyAdd(x, da, e0);
            e1 = Vector512.FusedMultiplyAdd(x, db, e1);
            e2 = Vector512.FusedMultiplyAdd(x, dc, e2);
            e3 = Vector512.FusedMultiplyAdd(x, dd, e3);
        }
        return Lanes16.Sums(a0, a1, a2, a3, b0, b1, b2, b3, c0, c1, c2, c3, e0, e1, e2, e3);
    }
}
