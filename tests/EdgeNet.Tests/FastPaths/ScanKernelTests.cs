using System.Runtime.Intrinsics;
using EdgeNet.Kernels;

namespace EdgeNet.Tests.FastPaths;

/// <summary>The scanner's small vector pieces held to their plain definitions.</summary>
public sealed class ScanKernelTests
{
    [Avx512Fact]                                                    // without AVX-512 the scanner uses the BCL's exponential
    public void Float_exp_is_within_2_ulp_of_MathF_Exp_and_saturates_like_it()
    {
        // Given x across the whole range where e^x is a normal float, and beyond it
        float[] xs = [.. Enumerable.Range(0, 200_001).Select(i => -87f + (i * (175f / 200_000)))];
        float[] extremes = [-1000f, -104f, 89f, 100f, 1000f, 0f, -0f];

        // When e^x is computed 16 lanes at a time
        float[] got = ExpOf([.. xs, .. extremes]);

        // Then within 2 ulp of MathF.Exp, ∞ above the range, 0 below it, e^0 = 1
        for (int i = 0; i < xs.Length; i++)
        {
            float expected = MathF.Exp(xs[i]);
            Assert.True(Math.Abs(got[i] - expected) <= 2 * MathF.BitIncrement(expected) - (2 * expected), $"e^{xs[i]}: {got[i]} vs {expected}");
        }
        Assert.Equal([0f, 0f, float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity, 1f, 1f], got[xs.Length..(xs.Length + extremes.Length)]);
        Assert.True(float.IsNaN(ExpOf([float.NaN])[0]));
    }

    [Fact]
    public void Two_class_probability_is_the_softmax_and_saturates_to_exactly_0_and_1()
    {
        // Given logit differences d = z_other − z_c, small to huge
        float[] d = [-200f, -30f, -1f, -1e-3f, 0f, 1e-3f, 1f, 30f, 200f, 5f, -5f, 0.25f, 12f, -12f, 88f, -88f];

        // When p_c = 1 / (1 + e^d) is computed on a vector
        float[] p = new float[16];
        TwoClassSoftmax.Probability<float, Vector512<float>>(Vector512.Create(d)).CopyTo(p);

        // Then it is the plain softmax of (z_c, z_other) = (0, d) within 1e-7, and exactly 1 and 0 at the ends
        for (int i = 0; i < d.Length; i++)
        {
            var softmax = new float[2];
            SoftmaxCrossEntropy.Softmax<float>([0f, d[i]], softmax, out _);
            Assert.True(Math.Abs(softmax[0] - p[i]) <= 1e-7f, $"d = {d[i]}: {p[i]} vs {softmax[0]}");
        }
        Assert.Equal(1f, p[0]);
        Assert.Equal(0f, p[8]);
    }

    [Fact]
    public void Vector_relu_gives_the_plain_loops_bits_for_NaN_and_negative_zero()
    {
        // Given values including NaN, −0, negatives, tiny and huge
        float[] z = [float.NaN, -0f, 0f, -1f, 2f, float.Epsilon, -float.Epsilon, float.PositiveInfinity, float.NegativeInfinity, 3.5f, -7f, 1e-30f, -1e30f, 1e30f, 0.5f, -0.5f];
        double[] zd = [.. z.Select(v => (double)v)];
        var expected = new float[16];
        var expectedDouble = new double[16];
        Layers.HiddenActivations.Forward<float>(Layers.HiddenActivation.Relu, z, expected);
        Layers.HiddenActivations.Forward<double>(Layers.HiddenActivation.Relu, zd, expectedDouble);

        // When ReLU runs on vectors of every width, float and double
        float[] h512 = new float[16], h256 = new float[16], h128 = new float[16];
        Simd512<float>.Relu(Vector512.Create(z)).CopyTo(h512);
        Simd256<float>.Relu(Vector256.Create(z[..8])).CopyTo(h256);
        Simd256<float>.Relu(Vector256.Create(z[8..])).CopyTo(h256, 8);
        for (int i = 0; i < 16; i += 4)
        {
            Simd128<float>.Relu(Vector128.Create(z[i..(i + 4)])).CopyTo(h128, i);
        }
        double[] d512 = new double[16];
        Simd512<double>.Relu(Vector512.Create(zd[..8])).CopyTo(d512);
        Simd512<double>.Relu(Vector512.Create(zd[8..])).CopyTo(d512, 8);

        // Then exactly as the ReLU of the training passes: z > 0 ? z : +0
        int[] bits = [.. expected.Select(BitConverter.SingleToInt32Bits)];
        Assert.Equal(bits, h512.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(bits, h256.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(bits, h128.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(expectedDouble.Select(BitConverter.DoubleToInt64Bits), d512.Select(BitConverter.DoubleToInt64Bits));
    }

    private static float[] ExpOf(float[] xs)
    {
        var result = new float[xs.Length];
        for (int i = 0; i < xs.Length; i += 16)
        {
            var lanes = new float[16];
            xs.AsSpan(i, Math.Min(16, xs.Length - i)).CopyTo(lanes);
            float[] e = new float[16];
            FloatMath512.Exp(Vector512.Create(lanes)).CopyTo(e);
            e.AsSpan(0, Math.Min(16, xs.Length - i)).CopyTo(result.AsSpan(i));
        }
        return result;
    }
}
