namespace EdgeNet.Tests.FastPaths;

/// <summary>
/// The scanner's column softmax (with its two-class shortcut: the larger z's term is e^0 = 1, one exponential a
/// pixel) against the plain row softmax. Tolerance 1e-6 on each probability: the vectorised float exponential may
/// round its last bits differently from <see cref="MathF.Exp"/> (a few units in the last place, ~1e-7).
/// </summary>
public sealed class ScanSoftmaxTests
{
    [Fact]
    public void Two_classes_match_the_plain_softmax()
    {
        // Given z for two classes over 70 pixels (whole vectors and a scalar tail), with ties and large gaps
        const int stride = 80, count = 70;
        var random = new NumpyRandom(4);
        var z = new float[2 * stride];
        for (int p = 0; p < count; p++)
        {
            z[p] = (float)(random.Randn() * 10);
            z[stride + p] = p % 7 == 0 ? z[p] : (float)(random.Randn() * 10);
        }
        float[] columns = [.. z];

        // When the column softmax runs
        Kernels.ScanSoftmax.Apply<float>(columns, 2, stride, count);

        // Then each pixel's probabilities are the plain softmax's, and ties give one half each
        var expected = new float[2];
        for (int p = 0; p < count; p++)
        {
            SoftmaxCrossEntropy.Softmax<float>([z[p], z[stride + p]], expected, out _);
            Assert.Equal(expected[0], columns[p], 1e-6f);
            Assert.Equal(expected[1], columns[stride + p], 1e-6f);
        }
        Assert.Equal(0.5f, columns[7]);
        Assert.Equal(0.5f, columns[stride + 7]);
    }
}
