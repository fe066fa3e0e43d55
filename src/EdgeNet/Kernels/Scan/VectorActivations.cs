using System.Numerics;
using System.Runtime.CompilerServices;

namespace EdgeNet.Kernels;

/// <summary>A hidden activation over stored values, a vector at a time.</summary>
internal static class VectorActivation
{
    /// <summary>h = f(z) in place for <paramref name="vectors"/> whole vectors from <paramref name="values"/> on.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ApplyInPlace<T, TVector, TSimd, TActivation>(ref T values, int vectors)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
        where TActivation : IActivation
    {
        int n = TSimd.Count;
        for (int i = 0; i < vectors; i++)
        {
            ref T v = ref Unsafe.Add(ref values, i * n);
            TSimd.Store(TActivation.Invoke<T, TVector, TSimd>(TSimd.Load(in v)), ref v);
        }
    }
}
