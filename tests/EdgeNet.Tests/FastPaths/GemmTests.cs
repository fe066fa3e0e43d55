using EdgeNet.Kernels;

namespace EdgeNet.Tests.FastPaths;

public sealed class GemmTests
{
    [Theory]
    [InlineData(9, 70, 13)]
    [InlineData(5, 3, 4)]
    [InlineData(17, 33, 2)]
    [InlineData(6, 40, 600)]                                        // deep enough to be cut into blocks of k
    [InlineData(31, 83, 40)]                                        // tall: packed panels of B, leftover rows and columns
    [InlineData(12, 64, 1)]                                         // packed, k = 1 (the first half is empty)
    [InlineData(25, 130, 530)]                                      // packed and cut into blocks of k
    public void Product_in_two_accumulated_halves_equals_the_plain_fused_loop(int m, int n, int k)
    {
        // Given A read transposed (row stride 1), B row-major, and a bias per row
        var random = new NumpyRandom((uint)(m + n + k));
        float[] a = [.. Enumerable.Range(0, m * k).Select(_ => (float)random.Randn())];
        float[] b = [.. Enumerable.Range(0, k * n).Select(_ => (float)random.Randn())];
        float[] bias = [.. Enumerable.Range(0, m).Select(_ => (float)random.Randn())];

        // When C = bias + A·B is computed as two calls, the second accumulating
        var c = new float[m * n];
        int half = k / 2;
        Gemm.Multiply<float>(m, n, half, a, 1, m, b, n, c, n, GemmStart.BiasPerRow, bias);
        Gemm.Multiply<float>(m, n, k - half, a.AsSpan(half * m), 1, m, b.AsSpan(half * n), n, c, n, GemmStart.Accumulate, default);

        // Then each element equals the plain loop's fused sum over k in order, bit for bit
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = bias[i];
                for (int p = 0; p < k; p++)
                {
                    sum = MathF.FusedMultiplyAdd(a[(p * m) + i], b[(p * n) + j], sum);
                }
                Assert.Equal(sum, c[(i * n) + j]);
            }
        }
    }

    [Theory]
    [InlineData(12, 64, 7)]
    [InlineData(37, 150, 260)]                                      // packed 6-row tiles, then 4- and 1-row leftovers, blocks of k
    [InlineData(19, 33, 3)]
    [InlineData(14, 5, 30)]                                         // tall and narrower than a vector: the zero-padded edge panel
    public void Bias_per_column_through_relu_equals_the_plain_loop_in_double(int m, int n, int k)
    {
        // Given A row-major, B row-major and a bias per column (a layer's z = x·W + b, h = ReLU(z))
        var random = new NumpyRandom((uint)(m * n + k));
        double[] a = [.. Enumerable.Range(0, m * k).Select(_ => random.Randn())];
        double[] b = [.. Enumerable.Range(0, k * n).Select(_ => random.Randn())];
        double[] bias = [.. Enumerable.Range(0, n).Select(_ => random.Randn())];

        // When C = ReLU(bias + A·B) is computed by the fast kernel
        var c = new double[m * n];
        Gemm.Multiply<double>(m, n, k, a, k, 1, b, n, c, n, GemmStart.BiasPerColumn, bias, relu: true);

        // Then each element equals the plain loop's fused sum over k in order, through ReLU, bit for bit
        int positive = 0;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = bias[j];
                for (int p = 0; p < k; p++)
                {
                    sum = Math.FusedMultiplyAdd(a[(i * k) + p], b[(p * n) + j], sum);
                }
                Assert.Equal(sum > 0 ? sum : 0.0, c[(i * n) + j]);
                positive += sum > 0 ? 1 : 0;
            }
        }
        Assert.InRange(positive, 1, (m * n) - 1);                   // both sides of ReLU were exercised
    }

    [Fact]
    public void Spans_too_short_for_the_shapes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Gemm.Multiply<double>(2, 2, 2, new double[3], 2, 1, new double[4], 2, new double[4], 2, GemmStart.Zero, default));
    }
}
