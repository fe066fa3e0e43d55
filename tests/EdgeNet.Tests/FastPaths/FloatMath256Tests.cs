using System.Runtime.Intrinsics;
using EdgeNet.Kernels;

namespace EdgeNet.Tests.FastPaths;

/// <summary>
/// The AVX2 scanner's inlined e^x: against <see cref="Math.Exp(double)"/> (within 4e-7 relative, a few units in the
/// last place of a float), at the ends of the float range, and bit for bit against the AVX-512 one where both run.
/// </summary>
public sealed class FloatMath256Tests
{
    [Avx2Fact]
    public void Exp_matches_the_double_exponential_from_minus_87_to_88()
    {
        // Given arguments across [−87, 88], the ends included
        float[] x = [.. Enumerable.Range(0, 8 * 2000).Select(k => -87f + (175f * k / ((8 * 2000) - 1)))];

        // When e^x is taken eight at a time
        float[] y = Apply(x);

        // Then each is e^x within the tolerance
        for (int k = 0; k < x.Length; k++)
        {
            double expected = Math.Exp(x[k]);
            Assert.True(Math.Abs(y[k] - expected) <= 4e-7 * expected, $"e^{x[k]}: expected {expected}, got {y[k]}");
        }
        Assert.Equal(1f, Apply([0f])[0]);
    }

    [Avx2Fact]
    public void Exp_overflows_underflows_and_keeps_NaN_as_the_exponential_does()
    {
        // Given arguments past both ends of float's range, into the subnormals, and NaN
        float[] x = [89f, 100f, float.PositiveInfinity, -104f, -110f, float.NegativeInfinity, -100f, -95f, -90f, float.NaN];

        // When e^x is taken
        float[] y = Apply(x);

        // Then overflow is ∞, underflow 0, a subnormal result is the float nearest e^x within a unit of the smallest
        // subnormal, and NaN stays NaN
        Assert.Equal([float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity, 0f, 0f, 0f], y[..6]);
        for (int k = 6; k < 9; k++)
        {
            float nearest = (float)Math.Exp(x[k]);
            Assert.True(Math.Abs(BitConverter.SingleToInt32Bits(y[k]) - BitConverter.SingleToInt32Bits(nearest)) <= 1, $"e^{x[k]}: expected {nearest}, got {y[k]}");
        }
        Assert.True(float.IsNaN(y[9]));
    }

    [Avx512Fact]
    public void Exp_gives_the_bits_of_the_AVX_512_exponential()
    {
        // Given arguments from −120 to 95, through the subnormals and past overflow
        float[] x = [.. Enumerable.Range(0, 16 * 2000).Select(k => -120f + (215f * k / ((16 * 2000) - 1)))];

        // When e^x is taken eight at a time here and sixteen at a time with AVX-512
        float[] y = Apply(x);
        var wide = new float[x.Length];
        for (int k = 0; k < x.Length; k += 16)
        {
            FloatMath512.Exp(Vector512.Create(x.AsSpan(k, 16))).CopyTo(wide.AsSpan(k, 16));
        }

        // Then the bits are the same
        Assert.Equal(wide.Select(BitConverter.SingleToInt32Bits), y.Select(BitConverter.SingleToInt32Bits));
    }

    private static float[] Apply(float[] x)
    {
        var y = new float[x.Length];
        for (int k = 0; k < x.Length; k += 8)
        {
            var lanes = new float[8];
            x.AsSpan(k, Math.Min(8, x.Length - k)).CopyTo(lanes);
            var e = new float[8];
            FloatMath256.Exp(Vector256.Create(lanes)).CopyTo(e);
            e.AsSpan(0, Math.Min(8, x.Length - k)).CopyTo(y.AsSpan(k));
        }
        return y;
    }
}
