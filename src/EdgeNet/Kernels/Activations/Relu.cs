using System.Numerics;
using System.Runtime.CompilerServices;

namespace EdgeNet.Kernels;

/// <summary>ReLU, <c>h = max(0, z)</c> (tutorial Part 2), and its gate <c>1[z &gt; 0]</c> (A.5). NaN and −0 give +0.</summary>
internal readonly struct Relu : IActivation
{
    public static bool VectorIsExact => true;

    public static bool InRegisters => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Invoke<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T> => z > T.Zero ? z : T.Zero;          // h = max(0, z)

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Gradient<T>(T z, T h, T dh)
        where T : unmanaged, IFloatingPointIeee754<T> => z > T.Zero ? dh : T.Zero;         // dL/dh ⊙ 1[z > 0]

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Invoke<T, TVector, TSimd>(TVector z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector> => TSimd.Relu(z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Gradient<T, TVector, TSimd>(TVector z, TVector h, TVector dh)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector> => TSimd.Gate(dh, z);
}
