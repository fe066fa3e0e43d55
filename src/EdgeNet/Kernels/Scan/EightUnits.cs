using System.Numerics;
using System.Runtime.CompilerServices;

namespace EdgeNet.Kernels;

/// <summary>
/// Eight hidden units of one vector of pixels, one register each (z_j for j = 0 … 7): the scanner's accumulators.
/// Three of these fill 24 of AVX-512's 32 registers; the JIT keeps their fields in registers. With 16 registers
/// (AVX2, 128-bit) the kernels take <see cref="FourUnitsOfThree{T, TVector, TSimd}"/> instead.
/// </summary>
internal struct EightUnits<T, TVector, TSimd>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TVector : struct
    where TSimd : ISimd<T, TVector>
{
    public TVector U0, U1, U2, U3, U4, U5, U6, U7;

    /// <summary>z_j = b_j in every lane (b: eight values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static EightUnits<T, TVector, TSimd> Start(ref readonly T b)
    {
        ref T bj = ref Unsafe.AsRef(in b);
        EightUnits<T, TVector, TSimd> z;
        z.U0 = TSimd.Broadcast(bj);
        z.U1 = TSimd.Broadcast(Unsafe.Add(ref bj, 1));
        z.U2 = TSimd.Broadcast(Unsafe.Add(ref bj, 2));
        z.U3 = TSimd.Broadcast(Unsafe.Add(ref bj, 3));
        z.U4 = TSimd.Broadcast(Unsafe.Add(ref bj, 4));
        z.U5 = TSimd.Broadcast(Unsafe.Add(ref bj, 5));
        z.U6 = TSimd.Broadcast(Unsafe.Add(ref bj, 6));
        z.U7 = TSimd.Broadcast(Unsafe.Add(ref bj, 7));
        return z;
    }

    /// <summary>
    /// z_j += x_k · W[k, j] for three vectors of pixels at once (xa, xb, xc: input k of each), w: the eight weights
    /// of input k. Each weight is broadcast once and used three times.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyAdd(ref EightUnits<T, TVector, TSimd> a, ref EightUnits<T, TVector, TSimd> b, ref EightUnits<T, TVector, TSimd> c, TVector xa, TVector xb, TVector xc, ref readonly T w)
    {
        ref T wk = ref Unsafe.AsRef(in w);
        TVector w0 = TSimd.Broadcast(wk);
        a.U0 = TSimd.MultiplyAdd(xa, w0, a.U0); b.U0 = TSimd.MultiplyAdd(xb, w0, b.U0); c.U0 = TSimd.MultiplyAdd(xc, w0, c.U0);
        TVector w1 = TSimd.Broadcast(Unsafe.Add(ref wk, 1));
        a.U1 = TSimd.MultiplyAdd(xa, w1, a.U1); b.U1 = TSimd.MultiplyAdd(xb, w1, b.U1); c.U1 = TSimd.MultiplyAdd(xc, w1, c.U1);
        TVector w2 = TSimd.Broadcast(Unsafe.Add(ref wk, 2));
        a.U2 = TSimd.MultiplyAdd(xa, w2, a.U2); b.U2 = TSimd.MultiplyAdd(xb, w2, b.U2); c.U2 = TSimd.MultiplyAdd(xc, w2, c.U2);
        TVector w3 = TSimd.Broadcast(Unsafe.Add(ref wk, 3));
        a.U3 = TSimd.MultiplyAdd(xa, w3, a.U3); b.U3 = TSimd.MultiplyAdd(xb, w3, b.U3); c.U3 = TSimd.MultiplyAdd(xc, w3, c.U3);
        TVector w4 = TSimd.Broadcast(Unsafe.Add(ref wk, 4));
        a.U4 = TSimd.MultiplyAdd(xa, w4, a.U4); b.U4 = TSimd.MultiplyAdd(xb, w4, b.U4); c.U4 = TSimd.MultiplyAdd(xc, w4, c.U4);
        TVector w5 = TSimd.Broadcast(Unsafe.Add(ref wk, 5));
        a.U5 = TSimd.MultiplyAdd(xa, w5, a.U5); b.U5 = TSimd.MultiplyAdd(xb, w5, b.U5); c.U5 = TSimd.MultiplyAdd(xc, w5, c.U5);
        TVector w6 = TSimd.Broadcast(Unsafe.Add(ref wk, 6));
        a.U6 = TSimd.MultiplyAdd(xa, w6, a.U6); b.U6 = TSimd.MultiplyAdd(xb, w6, b.U6); c.U6 = TSimd.MultiplyAdd(xc, w6, c.U6);
        TVector w7 = TSimd.Broadcast(Unsafe.Add(ref wk, 7));
        a.U7 = TSimd.MultiplyAdd(xa, w7, a.U7); b.U7 = TSimd.MultiplyAdd(xb, w7, b.U7); c.U7 = TSimd.MultiplyAdd(xc, w7, c.U7);
    }

    /// <summary>
    /// h_j = f(z_j) (or z_j), stored as rows of h: unit j at <c>h[j·stride]</c>. An activation that is not
    /// <see cref="IActivation.InRegisters"/> is left to the caller (z is stored): it runs f over all of h at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Store<TActivation>(bool activate, ref T h, int stride)
        where TActivation : IActivation
    {
        activate &= TActivation.InRegisters;
        TSimd.Store(activate ? F<TActivation>(U0) : U0, ref h);
        TSimd.Store(activate ? F<TActivation>(U1) : U1, ref Unsafe.Add(ref h, stride));
        TSimd.Store(activate ? F<TActivation>(U2) : U2, ref Unsafe.Add(ref h, 2 * stride));
        TSimd.Store(activate ? F<TActivation>(U3) : U3, ref Unsafe.Add(ref h, 3 * stride));
        TSimd.Store(activate ? F<TActivation>(U4) : U4, ref Unsafe.Add(ref h, 4 * stride));
        TSimd.Store(activate ? F<TActivation>(U5) : U5, ref Unsafe.Add(ref h, 5 * stride));
        TSimd.Store(activate ? F<TActivation>(U6) : U6, ref Unsafe.Add(ref h, 6 * stride));
        TSimd.Store(activate ? F<TActivation>(U7) : U7, ref Unsafe.Add(ref h, 7 * stride));
    }

    /// <summary>
    /// The last layer for two classes from h = f(z): d = z_other − z_c, where z_c = b_c + Σ_j h_j·W2[j, c] in the
    /// order j = 0 … 7 (w2: [8 × 2], zero rows past the last hidden unit; b2: 2 values).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly TVector TwoClassDifference<TActivation>(ref readonly T w2, ref readonly T b2, int c)
        where TActivation : IActivation
    {
        ref T w = ref Unsafe.AsRef(in w2);
        TVector h0 = F<TActivation>(U0), h1 = F<TActivation>(U1);     // h = f(z1), ReLU(z1) in the tutorial
        TVector h2 = F<TActivation>(U2), h3 = F<TActivation>(U3);
        TVector h4 = F<TActivation>(U4), h5 = F<TActivation>(U5);
        TVector h6 = F<TActivation>(U6), h7 = F<TActivation>(U7);
        TVector z0 = TSimd.Broadcast(Unsafe.AsRef(in b2)), z1 = TSimd.Broadcast(Unsafe.Add(ref Unsafe.AsRef(in b2), 1)); // z2 = b2 + h·W2
        z0 = TSimd.MultiplyAdd(h0, TSimd.Broadcast(w), z0); z1 = TSimd.MultiplyAdd(h0, TSimd.Broadcast(Unsafe.Add(ref w, 1)), z1);
        z0 = TSimd.MultiplyAdd(h1, TSimd.Broadcast(Unsafe.Add(ref w, 2)), z0); z1 = TSimd.MultiplyAdd(h1, TSimd.Broadcast(Unsafe.Add(ref w, 3)), z1);
        z0 = TSimd.MultiplyAdd(h2, TSimd.Broadcast(Unsafe.Add(ref w, 4)), z0); z1 = TSimd.MultiplyAdd(h2, TSimd.Broadcast(Unsafe.Add(ref w, 5)), z1);
        z0 = TSimd.MultiplyAdd(h3, TSimd.Broadcast(Unsafe.Add(ref w, 6)), z0); z1 = TSimd.MultiplyAdd(h3, TSimd.Broadcast(Unsafe.Add(ref w, 7)), z1);
        z0 = TSimd.MultiplyAdd(h4, TSimd.Broadcast(Unsafe.Add(ref w, 8)), z0); z1 = TSimd.MultiplyAdd(h4, TSimd.Broadcast(Unsafe.Add(ref w, 9)), z1);
        z0 = TSimd.MultiplyAdd(h5, TSimd.Broadcast(Unsafe.Add(ref w, 10)), z0); z1 = TSimd.MultiplyAdd(h5, TSimd.Broadcast(Unsafe.Add(ref w, 11)), z1);
        z0 = TSimd.MultiplyAdd(h6, TSimd.Broadcast(Unsafe.Add(ref w, 12)), z0); z1 = TSimd.MultiplyAdd(h6, TSimd.Broadcast(Unsafe.Add(ref w, 13)), z1);
        z0 = TSimd.MultiplyAdd(h7, TSimd.Broadcast(Unsafe.Add(ref w, 14)), z0); z1 = TSimd.MultiplyAdd(h7, TSimd.Broadcast(Unsafe.Add(ref w, 15)), z1);
        return c == 0 ? TSimd.Subtract(z1, z0) : TSimd.Subtract(z0, z1);                                        // z_other − z_c
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector F<TActivation>(TVector z)
        where TActivation : IActivation => TActivation.Invoke<T, TVector, TSimd>(z);
}
