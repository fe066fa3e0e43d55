using System.Numerics;
using System.Runtime.CompilerServices;

namespace EdgeNet.Kernels;

/// <summary>
/// The register tiles of <see cref="Gemm"/>: each keeps a block of C in vector registers while k runs, adding one
/// broadcast A[i, p] times a vector of B's row p per step, fused, in order. <c>bj</c> is B at column j.
/// </summary>
internal static partial class Gemm
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Begin<T, TV, TS>(in Operands<T> o, int i, int j, ref T bias, ref T c)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV> => o.Start switch
        {
            GemmStart.BiasPerColumn => TS.Load(in Unsafe.Add(ref bias, j)),    // z = b …
            GemmStart.BiasPerRow => TS.Broadcast(Unsafe.Add(ref bias, i)),
            GemmStart.Accumulate => TS.Load(in Unsafe.Add(ref c, (i * o.Ldc) + j)),
            _ => default,
        };

    private static void Tile4x4<T, TV, TS>(in Operands<T> o, int ldb, int i, int j, ref T a, ref T bj, ref T c, ref T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        int w = TS.Count;
        TV c00 = Begin<T, TV, TS>(o, i, j, ref bias, ref c), c01 = Begin<T, TV, TS>(o, i, j + w, ref bias, ref c);
        TV c02 = Begin<T, TV, TS>(o, i, j + (2 * w), ref bias, ref c), c03 = Begin<T, TV, TS>(o, i, j + (3 * w), ref bias, ref c);
        TV c10 = Begin<T, TV, TS>(o, i + 1, j, ref bias, ref c), c11 = Begin<T, TV, TS>(o, i + 1, j + w, ref bias, ref c);
        TV c12 = Begin<T, TV, TS>(o, i + 1, j + (2 * w), ref bias, ref c), c13 = Begin<T, TV, TS>(o, i + 1, j + (3 * w), ref bias, ref c);
        TV c20 = Begin<T, TV, TS>(o, i + 2, j, ref bias, ref c), c21 = Begin<T, TV, TS>(o, i + 2, j + w, ref bias, ref c);
        TV c22 = Begin<T, TV, TS>(o, i + 2, j + (2 * w), ref bias, ref c), c23 = Begin<T, TV, TS>(o, i + 2, j + (3 * w), ref bias, ref c);
        TV c30 = Begin<T, TV, TS>(o, i + 3, j, ref bias, ref c), c31 = Begin<T, TV, TS>(o, i + 3, j + w, ref bias, ref c);
        TV c32 = Begin<T, TV, TS>(o, i + 3, j + (2 * w), ref bias, ref c), c33 = Begin<T, TV, TS>(o, i + 3, j + (3 * w), ref bias, ref c);
        ref T a0 = ref Unsafe.Add(ref a, i * o.ARow);
        for (int p = 0; p < o.K; p++)
        {
            ref T bp = ref Unsafe.Add(ref bj, (p * ldb));
            TV b0 = TS.Load(in bp), b1 = TS.Load(in Unsafe.Add(ref bp, w));
            TV b2 = TS.Load(in Unsafe.Add(ref bp, 2 * w)), b3 = TS.Load(in Unsafe.Add(ref bp, 3 * w));
            ref T ap = ref Unsafe.Add(ref a0, p * o.ACol);
            TV x = TS.Broadcast(ap);                                            // … + A[i, p]·B[p, j]
            c00 = TS.MultiplyAdd(x, b0, c00); c01 = TS.MultiplyAdd(x, b1, c01); c02 = TS.MultiplyAdd(x, b2, c02); c03 = TS.MultiplyAdd(x, b3, c03);
            x = TS.Broadcast(Unsafe.Add(ref ap, o.ARow));
            c10 = TS.MultiplyAdd(x, b0, c10); c11 = TS.MultiplyAdd(x, b1, c11); c12 = TS.MultiplyAdd(x, b2, c12); c13 = TS.MultiplyAdd(x, b3, c13);
            x = TS.Broadcast(Unsafe.Add(ref ap, 2 * o.ARow));
            c20 = TS.MultiplyAdd(x, b0, c20); c21 = TS.MultiplyAdd(x, b1, c21); c22 = TS.MultiplyAdd(x, b2, c22); c23 = TS.MultiplyAdd(x, b3, c23);
            x = TS.Broadcast(Unsafe.Add(ref ap, 3 * o.ARow));
            c30 = TS.MultiplyAdd(x, b0, c30); c31 = TS.MultiplyAdd(x, b1, c31); c32 = TS.MultiplyAdd(x, b2, c32); c33 = TS.MultiplyAdd(x, b3, c33);
        }
        ref T r = ref Unsafe.Add(ref c, (i * o.Ldc) + j);
        Put<T, TV, TS>(o, c00, ref r); Put<T, TV, TS>(o, c01, ref Unsafe.Add(ref r, w)); Put<T, TV, TS>(o, c02, ref Unsafe.Add(ref r, 2 * w)); Put<T, TV, TS>(o, c03, ref Unsafe.Add(ref r, 3 * w));
        r = ref Unsafe.Add(ref r, o.Ldc);
        Put<T, TV, TS>(o, c10, ref r); Put<T, TV, TS>(o, c11, ref Unsafe.Add(ref r, w)); Put<T, TV, TS>(o, c12, ref Unsafe.Add(ref r, 2 * w)); Put<T, TV, TS>(o, c13, ref Unsafe.Add(ref r, 3 * w));
        r = ref Unsafe.Add(ref r, o.Ldc);
        Put<T, TV, TS>(o, c20, ref r); Put<T, TV, TS>(o, c21, ref Unsafe.Add(ref r, w)); Put<T, TV, TS>(o, c22, ref Unsafe.Add(ref r, 2 * w)); Put<T, TV, TS>(o, c23, ref Unsafe.Add(ref r, 3 * w));
        r = ref Unsafe.Add(ref r, o.Ldc);
        Put<T, TV, TS>(o, c30, ref r); Put<T, TV, TS>(o, c31, ref Unsafe.Add(ref r, w)); Put<T, TV, TS>(o, c32, ref Unsafe.Add(ref r, 2 * w)); Put<T, TV, TS>(o, c33, ref Unsafe.Add(ref r, 3 * w));
    }

    private static void Tile8x1<T, TV, TS>(in Operands<T> o, int ldb, int i, int j, ref T a, ref T bj, ref T c, ref T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        TV c0 = Begin<T, TV, TS>(o, i, j, ref bias, ref c), c1 = Begin<T, TV, TS>(o, i + 1, j, ref bias, ref c);
        TV c2 = Begin<T, TV, TS>(o, i + 2, j, ref bias, ref c), c3 = Begin<T, TV, TS>(o, i + 3, j, ref bias, ref c);
        TV c4 = Begin<T, TV, TS>(o, i + 4, j, ref bias, ref c), c5 = Begin<T, TV, TS>(o, i + 5, j, ref bias, ref c);
        TV c6 = Begin<T, TV, TS>(o, i + 6, j, ref bias, ref c), c7 = Begin<T, TV, TS>(o, i + 7, j, ref bias, ref c);
        ref T a0 = ref Unsafe.Add(ref a, i * o.ARow);
        int r = o.ARow;
        for (int p = 0; p < o.K; p++)
        {
            TV bp = TS.Load(in Unsafe.Add(ref bj, (p * ldb)));
            ref T ap = ref Unsafe.Add(ref a0, p * o.ACol);
            c0 = TS.MultiplyAdd(TS.Broadcast(ap), bp, c0);
            c1 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref ap, r)), bp, c1);
            c2 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref ap, 2 * r)), bp, c2);
            c3 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref ap, 3 * r)), bp, c3);
            c4 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref ap, 4 * r)), bp, c4);
            c5 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref ap, 5 * r)), bp, c5);
            c6 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref ap, 6 * r)), bp, c6);
            c7 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref ap, 7 * r)), bp, c7);
        }
        ref T row = ref Unsafe.Add(ref c, (i * o.Ldc) + j);
        int l = o.Ldc;
        Put<T, TV, TS>(o, c0, ref row);
        Put<T, TV, TS>(o, c1, ref Unsafe.Add(ref row, l));
        Put<T, TV, TS>(o, c2, ref Unsafe.Add(ref row, 2 * l));
        Put<T, TV, TS>(o, c3, ref Unsafe.Add(ref row, 3 * l));
        Put<T, TV, TS>(o, c4, ref Unsafe.Add(ref row, 4 * l));
        Put<T, TV, TS>(o, c5, ref Unsafe.Add(ref row, 5 * l));
        Put<T, TV, TS>(o, c6, ref Unsafe.Add(ref row, 6 * l));
        Put<T, TV, TS>(o, c7, ref Unsafe.Add(ref row, 7 * l));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile1x4<T, TV, TS>(in Operands<T> o, int ldb, int i, int j, ref T a, ref T bj, ref T c, ref T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        int w = TS.Count;
        TV c0 = Begin<T, TV, TS>(o, i, j, ref bias, ref c), c1 = Begin<T, TV, TS>(o, i, j + w, ref bias, ref c);
        TV c2 = Begin<T, TV, TS>(o, i, j + (2 * w), ref bias, ref c), c3 = Begin<T, TV, TS>(o, i, j + (3 * w), ref bias, ref c);
        ref T a0 = ref Unsafe.Add(ref a, i * o.ARow);
        for (int p = 0; p < o.K; p++)
        {
            ref T bp = ref Unsafe.Add(ref bj, (p * ldb));
            TV x = TS.Broadcast(Unsafe.Add(ref a0, p * o.ACol));
            c0 = TS.MultiplyAdd(x, TS.Load(in bp), c0);
            c1 = TS.MultiplyAdd(x, TS.Load(in Unsafe.Add(ref bp, w)), c1);
            c2 = TS.MultiplyAdd(x, TS.Load(in Unsafe.Add(ref bp, 2 * w)), c2);
            c3 = TS.MultiplyAdd(x, TS.Load(in Unsafe.Add(ref bp, 3 * w)), c3);
        }
        ref T r = ref Unsafe.Add(ref c, (i * o.Ldc) + j);
        Put<T, TV, TS>(o, c0, ref r);
        Put<T, TV, TS>(o, c1, ref Unsafe.Add(ref r, w));
        Put<T, TV, TS>(o, c2, ref Unsafe.Add(ref r, 2 * w));
        Put<T, TV, TS>(o, c3, ref Unsafe.Add(ref r, 3 * w));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile4x1<T, TV, TS>(in Operands<T> o, int ldb, int i, int j, ref T a, ref T bj, ref T c, ref T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        TV c0 = Begin<T, TV, TS>(o, i, j, ref bias, ref c), c1 = Begin<T, TV, TS>(o, i + 1, j, ref bias, ref c);
        TV c2 = Begin<T, TV, TS>(o, i + 2, j, ref bias, ref c), c3 = Begin<T, TV, TS>(o, i + 3, j, ref bias, ref c);
        ref T a0 = ref Unsafe.Add(ref a, i * o.ARow);
        for (int p = 0; p < o.K; p++)
        {
            TV bp = TS.Load(in Unsafe.Add(ref bj, (p * ldb)));
            ref T ap = ref Unsafe.Add(ref a0, p * o.ACol);
            c0 = TS.MultiplyAdd(TS.Broadcast(ap), bp, c0);
            c1 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref ap, o.ARow)), bp, c1);
            c2 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref ap, 2 * o.ARow)), bp, c2);
            c3 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref ap, 3 * o.ARow)), bp, c3);
        }
        ref T r = ref Unsafe.Add(ref c, (i * o.Ldc) + j);
        Put<T, TV, TS>(o, c0, ref r);
        Put<T, TV, TS>(o, c1, ref Unsafe.Add(ref r, o.Ldc));
        Put<T, TV, TS>(o, c2, ref Unsafe.Add(ref r, 2 * o.Ldc));
        Put<T, TV, TS>(o, c3, ref Unsafe.Add(ref r, 3 * o.Ldc));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile1x1<T, TV, TS>(in Operands<T> o, int ldb, int i, int j, ref T a, ref T bj, ref T c, ref T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : struct, ISimd<T, TV>
    {
        TV c0 = Begin<T, TV, TS>(o, i, j, ref bias, ref c);
        ref T a0 = ref Unsafe.Add(ref a, i * o.ARow);
        for (int p = 0; p < o.K; p++)
        {
            c0 = TS.MultiplyAdd(TS.Broadcast(Unsafe.Add(ref a0, p * o.ACol)), TS.Load(in Unsafe.Add(ref bj, (p * ldb))), c0);
        }
        Put<T, TV, TS>(o, c0, ref Unsafe.Add(ref c, (i * o.Ldc) + j));
    }
}
