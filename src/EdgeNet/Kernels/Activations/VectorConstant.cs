using System.Numerics;
using System.Runtime.CompilerServices;

namespace EdgeNet.Kernels;

/// <summary>Constants of the vector activations.</summary>
internal static class VectorConstant
{
    /// <summary>The constant c rounded to T once, in every lane: folded by the JIT (no conversion call in the loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Of<T, TVector, TSimd>(double c)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        if (typeof(T) == typeof(float))
        {
            float f = (float)c;
            return TSimd.Broadcast(Unsafe.As<float, T>(ref f));
        }
        return TSimd.Broadcast(Unsafe.As<double, T>(ref c));
    }
}
