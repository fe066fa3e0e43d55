using System.Runtime.Intrinsics;

namespace EdgeNet.Tests.FastPaths;

/// <summary>
/// CI runs the engine tests again with the runtime's AVX-512 and then all its vector instructions switched off, and
/// says so in <c>EDGENET_MAX_VECTOR_BITS</c> (256, 0): this test fails if a switch silently did nothing, so that the
/// narrower paths are really the ones those runs test.
/// </summary>
public sealed class VectorWidthTests
{
    [SkippableFact]
    public void The_widest_accelerated_vector_is_no_wider_than_the_run_asked_for()
    {
        // Given the width this run was asked to stay within
        string? asked = Environment.GetEnvironmentVariable("EDGENET_MAX_VECTOR_BITS");
        Skip.If(string.IsNullOrEmpty(asked), "EDGENET_MAX_VECTOR_BITS is not set (.ci/run sets it for its narrower runs)");
        int limit = int.Parse(asked, System.Globalization.CultureInfo.InvariantCulture);

        // When the runtime says which vectors it accelerates
        int widest = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;

        // Then none is wider than asked
        Assert.True(widest <= limit, $"asked for at most {limit}-bit vectors, the runtime accelerates {widest}-bit ones");
    }
}
