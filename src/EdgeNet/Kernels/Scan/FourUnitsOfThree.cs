using System.Numerics;
using System.Runtime.CompilerServices;

namespace EdgeNet.Kernels;

/// <summary>
/// Four hidden units of three vectors of pixels, one register each (A_j, B_j, C_j for j = 0 … 3): the scanner's
/// accumulators on machines with 16 vector registers (AVX2, 128-bit x86). Twelve independent sums leave room for the
/// three vectors of pixels and a broadcast weight, and are enough to keep both FMA pipes busy through the FMA's
/// latency (eight, one vector of pixels at a time, are not). Eight units take two passes over the window.
/// </summary>
internal struct FourUnitsOfThree<T, TVector, TSimd>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TVector : struct
    where TSimd : ISimd<T, TVector>
{
    /// <summary>Hidden units handled together.</summary>
    public const int Units = 4;

    public TVector A0, A1, A2, A3, B0, B1, B2, B3, C0, C1, C2, C3;

    /// <summary>z_j = b_j in every lane of the three vectors (b: four values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FourUnitsOfThree<T, TVector, TSimd> Start(ref readonly T b)
    {
        ref T bj = ref Unsafe.AsRef(in b);
        FourUnitsOfThree<T, TVector, TSimd> z;
        z.A0 = z.B0 = z.C0 = TSimd.Broadcast(bj);
        z.A1 = z.B1 = z.C1 = TSimd.Broadcast(Unsafe.Add(ref bj, 1));
        z.A2 = z.B2 = z.C2 = TSimd.Broadcast(Unsafe.Add(ref bj, 2));
        z.A3 = z.B3 = z.C3 = TSimd.Broadcast(Unsafe.Add(ref bj, 3));
        return z;
    }

    /// <summary>
    /// z_j += x_k · W[k, j] for the three vectors of pixels (xa, xb, xc: input k of each), w: the four weights of
    /// input k. Each weight is broadcast once and used three times.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyAdd(ref FourUnitsOfThree<T, TVector, TSimd> z, TVector xa, TVector xb, TVector xc, ref readonly T w)
    {
        ref T wk = ref Unsafe.AsRef(in w);
        TVector w0 = TSimd.Broadcast(wk);
        z.A0 = TSimd.MultiplyAdd(xa, w0, z.A0); z.B0 = TSimd.MultiplyAdd(xb, w0, z.B0); z.C0 = TSimd.MultiplyAdd(xc, w0, z.C0);
        TVector w1 = TSimd.Broadcast(Unsafe.Add(ref wk, 1));
        z.A1 = TSimd.MultiplyAdd(xa, w1, z.A1); z.B1 = TSimd.MultiplyAdd(xb, w1, z.B1); z.C1 = TSimd.MultiplyAdd(xc, w1, z.C1);
        TVector w2 = TSimd.Broadcast(Unsafe.Add(ref wk, 2));
        z.A2 = TSimd.MultiplyAdd(xa, w2, z.A2); z.B2 = TSimd.MultiplyAdd(xb, w2, z.B2); z.C2 = TSimd.MultiplyAdd(xc, w2, z.C2);
        TVector w3 = TSimd.Broadcast(Unsafe.Add(ref wk, 3));
        z.A3 = TSimd.MultiplyAdd(xa, w3, z.A3); z.B3 = TSimd.MultiplyAdd(xb, w3, z.B3); z.C3 = TSimd.MultiplyAdd(xc, w3, z.C3);
    }

    /// <summary>
    /// h_j = f(z_j) (or z_j), stored as rows of h: unit j of vector v at <c>h[j·stride + v·Count]</c>. An activation
    /// that is not <see cref="IActivation.InRegisters"/> is left to the caller (z is stored).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Store<TActivation>(bool activate, ref T h, int stride)
        where TActivation : IActivation
    {
        activate &= TActivation.InRegisters;
        int n = TSimd.Count;
        StoreUnit<TActivation>(activate, A0, B0, C0, ref h, n);
        StoreUnit<TActivation>(activate, A1, B1, C1, ref Unsafe.Add(ref h, stride), n);
        StoreUnit<TActivation>(activate, A2, B2, C2, ref Unsafe.Add(ref h, 2 * stride), n);
        StoreUnit<TActivation>(activate, A3, B3, C3, ref Unsafe.Add(ref h, 3 * stride), n);
    }

    /// <summary>
    /// The last layer of two classes, four of its terms: z_c += h_j·W2[j, c] for j = 0 … 3 of these units in order, for
    /// both classes and the three vectors (w2: four rows of [W2[j, 0], W2[j, 1]]). Two calls, the units 0 … 3 then
    /// 4 … 7, add the terms in the order <see cref="EightUnits{T, TVector, TSimd}.TwoClassDifference{TActivation}"/> does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void AddTwoClassTerms<TActivation>(ref readonly T w2, ref TwoClassSums<T, TVector, TSimd> z)
        where TActivation : IActivation
    {
        ref T w = ref Unsafe.AsRef(in w2);
        z.Add(F<TActivation>(A0), F<TActivation>(B0), F<TActivation>(C0), TSimd.Broadcast(w), TSimd.Broadcast(Unsafe.Add(ref w, 1)));
        z.Add(F<TActivation>(A1), F<TActivation>(B1), F<TActivation>(C1), TSimd.Broadcast(Unsafe.Add(ref w, 2)), TSimd.Broadcast(Unsafe.Add(ref w, 3)));
        z.Add(F<TActivation>(A2), F<TActivation>(B2), F<TActivation>(C2), TSimd.Broadcast(Unsafe.Add(ref w, 4)), TSimd.Broadcast(Unsafe.Add(ref w, 5)));
        z.Add(F<TActivation>(A3), F<TActivation>(B3), F<TActivation>(C3), TSimd.Broadcast(Unsafe.Add(ref w, 6)), TSimd.Broadcast(Unsafe.Add(ref w, 7)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreUnit<TActivation>(bool activate, TVector a, TVector b, TVector c, ref T h, int n)
        where TActivation : IActivation
    {
        TSimd.Store(activate ? F<TActivation>(a) : a, ref h);
        TSimd.Store(activate ? F<TActivation>(b) : b, ref Unsafe.Add(ref h, n));
        TSimd.Store(activate ? F<TActivation>(c) : c, ref Unsafe.Add(ref h, 2 * n));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector F<TActivation>(TVector z)
        where TActivation : IActivation => TActivation.Invoke<T, TVector, TSimd>(z);
}

/// <summary>The last layer's two logits of three vectors of pixels, summed a few hidden units at a time.</summary>
internal struct TwoClassSums<T, TVector, TSimd>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TVector : struct
    where TSimd : ISimd<T, TVector>
{
    public TVector A0, A1, B0, B1, C0, C1;

    /// <summary>z_c = b_c for both classes (b2: two values) in every lane of the three vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TwoClassSums<T, TVector, TSimd> Start(ref readonly T b2)
    {
        TwoClassSums<T, TVector, TSimd> z;
        z.A0 = z.B0 = z.C0 = TSimd.Broadcast(b2);
        z.A1 = z.B1 = z.C1 = TSimd.Broadcast(Unsafe.Add(ref Unsafe.AsRef(in b2), 1));
        return z;
    }

    /// <summary>z_c += h_j·W2[j, c] for one hidden unit j (ha, hb, hc: h_j of the three vectors; w0, w1: W2[j, 0], W2[j, 1]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(TVector ha, TVector hb, TVector hc, TVector w0, TVector w1)
    {
        A0 = TSimd.MultiplyAdd(ha, w0, A0); A1 = TSimd.MultiplyAdd(ha, w1, A1);
        B0 = TSimd.MultiplyAdd(hb, w0, B0); B1 = TSimd.MultiplyAdd(hb, w1, B1);
        C0 = TSimd.MultiplyAdd(hc, w0, C0); C1 = TSimd.MultiplyAdd(hc, w1, C1);
    }

    /// <summary>d = z_other − z_c of the three vectors into d[0 … 3n − 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void StoreDifferences(int c, ref T d)
    {
        int n = TSimd.Count;
        TSimd.Store(c == 0 ? TSimd.Subtract(A1, A0) : TSimd.Subtract(A0, A1), ref d);
        TSimd.Store(c == 0 ? TSimd.Subtract(B1, B0) : TSimd.Subtract(B0, B1), ref Unsafe.Add(ref d, n));
        TSimd.Store(c == 0 ? TSimd.Subtract(C1, C0) : TSimd.Subtract(C0, C1), ref Unsafe.Add(ref d, 2 * n));
    }
}
