using EdgeNet.Kernels;

namespace EdgeNet.Tests.Fast;

public sealed class GemmTests
{
    [Theory]
    [InlineData(9, 70, 13)]
    [InlineData(5, 3, 4)]
    [InlineData(17, 33, 2)]
    [InlineData(6, 40, 600)]                                        // deep enough to be cut into blocks of k
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

    [Fact]
    public void Spans_too_short_for_the_shapes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Gemm.Multiply<double>(2, 2, 2, new double[3], 2, 1, new double[4], 2, new double[4], 2, GemmStart.Zero, default));
    }
}
