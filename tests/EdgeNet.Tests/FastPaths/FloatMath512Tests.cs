using System.Runtime.Intrinsics;
using EdgeNet.Kernels;

namespace EdgeNet.Tests.FastPaths;

/// <summary>
/// The feature-major softmax's inlined e^x and log x against <see cref="Math.Exp(double)"/> and
/// <see cref="Math.Log(double)"/> over the domains it uses them on: within 4e-7 relative (a few units in the last place
/// of a float).
/// </summary>
public sealed class FloatMath512Tests
{
    [Avx512Fact]
    public void Exp_matches_the_double_exponential_from_minus_87_to_0()
    {
        // Given arguments across [−87, 0], the ends included
        float[] x = [.. Enumerable.Range(0, 16 * 1000).Select(k => -87f * k / ((16 * 1000) - 1))];

        // When e^x is taken sixteen at a time
        float[] y = Apply(x, FloatMath512.Exp);

        // Then each is e^x within the tolerance
        for (int k = 0; k < x.Length; k++)
        {
            double expected = Math.Exp(x[k]);
            Assert.True(Math.Abs(y[k] - expected) <= 4e-7 * expected, $"e^{x[k]}: expected {expected}, got {y[k]}");
        }
        Assert.Equal(1f, y[0]);
    }

    [Fact]
    public void Log_matches_the_double_logarithm_on_positive_numbers()
    {
        // Given arguments from 1e−30 to 1e30 (the softmax's sums lie in [1, classes])
        float[] x = [.. Enumerable.Range(0, 16 * 1000).Select(k => (float)Math.Pow(10, -30 + (60.0 * k / ((16 * 1000) - 1))))];

        // When log x is taken sixteen at a time
        float[] y = Apply(x, FloatMath512.Log);

        // Then each is log x within the tolerance (relative to the larger of 1 and |log x|)
        for (int k = 0; k < x.Length; k++)
        {
            double expected = Math.Log(x[k]);
            Assert.True(Math.Abs(y[k] - expected) <= 4e-7 * Math.Max(1, Math.Abs(expected)), $"log {x[k]}: expected {expected}, got {y[k]}");
        }
        Assert.Equal(0f, Apply([.. Enumerable.Repeat(1f, 16)], FloatMath512.Log)[0]);
    }

    private static float[] Apply(float[] x, Func<Vector512<float>, Vector512<float>> function)
    {
        var y = new float[x.Length];
        for (int k = 0; k < x.Length; k += 16)
        {
            function(Vector512.Create(x.AsSpan(k, 16))).CopyTo(y.AsSpan(k, 16));
        }
        return y;
    }
}
