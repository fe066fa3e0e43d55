using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EdgeNet.Kernels;

/// <summary>
/// h = ReLU(z) on one vector in one instruction where x86 has it: <c>max(z, 0)</c> returns its second operand when
/// z is NaN or ±0, so it gives exactly the plain loop's <c>z &gt; 0 ? z : 0</c>. Elsewhere <see cref="ISimd{T, TVector}.Relu"/>.
/// </summary>
internal static class VectorRelu
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<T, TVector, TSimd>(TVector z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        if (typeof(TVector) == typeof(Vector512<float>) && Avx512F.IsSupported)
        {
            return Unsafe.BitCast<Vector512<float>, TVector>(Avx512F.Max(Unsafe.BitCast<TVector, Vector512<float>>(z), Vector512<float>.Zero));
        }
        if (typeof(TVector) == typeof(Vector512<double>) && Avx512F.IsSupported)
        {
            return Unsafe.BitCast<Vector512<double>, TVector>(Avx512F.Max(Unsafe.BitCast<TVector, Vector512<double>>(z), Vector512<double>.Zero));
        }
        if (typeof(TVector) == typeof(Vector256<float>) && Avx.IsSupported)
        {
            return Unsafe.BitCast<Vector256<float>, TVector>(Avx.Max(Unsafe.BitCast<TVector, Vector256<float>>(z), Vector256<float>.Zero));
        }
        if (typeof(TVector) == typeof(Vector256<double>) && Avx.IsSupported)
        {
            return Unsafe.BitCast<Vector256<double>, TVector>(Avx.Max(Unsafe.BitCast<TVector, Vector256<double>>(z), Vector256<double>.Zero));
        }
        return TSimd.Relu(z);
    }
}
