using System.Runtime.Intrinsics.X86;

namespace EdgeNet.Tests.FastPaths;

/// <summary>A fact that needs AVX-512 (skipped, with the reason, on machines without it).</summary>
public sealed class Avx512FactAttribute : FactAttribute
{
    public Avx512FactAttribute()
    {
        if (!Avx512F.IsSupported)
        {
            Skip = "needs AVX-512";
        }
    }
}
