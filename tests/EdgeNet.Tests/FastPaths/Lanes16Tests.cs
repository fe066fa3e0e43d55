using System.Runtime.Intrinsics;
using EdgeNet.Kernels;

namespace EdgeNet.Tests.FastPaths;

/// <summary>
/// The in-register shuffles of the feature-major path against plain loops: the 16 × 16 transpose moves every number
/// to its place (exactly), and the sixteen sums at once equal plain sums within float rounding.
/// </summary>
public sealed class Lanes16Tests
{
    [Avx512Fact]
    public void Transpose_puts_each_number_in_its_place()
    {
        // Given a 16 × 16 block whose entries name their row and column
        Vector512<float>[] rows = [.. Enumerable.Range(0, 16).Select(r => Vector512.Create([.. Enumerable.Range(0, 16).Select(c => (100f * r) + c)]))];
        const int stride = 20;
        var columns = new float[16 * stride];

        // When it is transposed, keeping columns 3…12 only
        Lanes16.Transpose(rows[0], rows[1], rows[2], rows[3], rows[4], rows[5], rows[6], rows[7],
            rows[8], rows[9], rows[10], rows[11], rows[12], rows[13], rows[14], rows[15], ref columns[0], stride, 3, 10);

        // Then row t of the result holds column t + 3 for t < 10, and nothing else was written
        for (int t = 0; t < 16; t++)
        {
            for (int r = 0; r < stride; r++)
            {
                float expected = t < 10 && r < 16 ? (100f * r) + t + 3 : 0f;
                Assert.Equal(expected, columns[(t * stride) + r]);
            }
        }
    }

    [Avx512Fact]
    public void Sums_add_each_vector()
    {
        // Given sixteen vectors of random numbers
        var random = new NumpyRandom(8);
        float[][] values = [.. Enumerable.Range(0, 16).Select(_ => Enumerable.Range(0, 16).Select(_ => (float)random.Randn()).ToArray())];
        Vector512<float>[] a = [.. values.Select(v => Vector512.Create(v))];

        // When they are summed sixteen at once
        Vector512<float> sums = Lanes16.Sums(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15]);

        // Then lane k is the sum of vector k
        for (int k = 0; k < 16; k++)
        {
            Assert.Equal(values[k].Sum(v => (double)v), sums[k], 1e-5);
        }
    }
}
