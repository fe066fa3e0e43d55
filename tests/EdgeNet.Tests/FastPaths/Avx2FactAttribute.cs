using EdgeNet.Kernels;

namespace EdgeNet.Tests.FastPaths;

/// <summary>A fact that needs AVX2 and FMA (skipped, with the reason, on machines without them).</summary>
public sealed class Avx2FactAttribute : FactAttribute
{
    public Avx2FactAttribute()
    {
        if (!FloatMath256.IsSupported)
        {
            Skip = "needs AVX2 and FMA";
        }
    }
}
