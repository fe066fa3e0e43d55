using System.Text.Json;

namespace EdgeNet.Tests;

public sealed class NumpyRandomTests
{
    private static readonly JsonElement Vectors = JsonDocument.Parse(ReferenceFiles.Read("numpy-rng-vectors.json")).RootElement;

    private static double[] Expected(string key) => [.. Vectors.GetProperty(key).EnumerateArray().Select(e => e.GetDouble())];

    [Fact]
    public void Rand_matches_numpy_for_seed_42()
    {
        var random = new NumpyRandom(42);
        Assert.Equal(Expected("seed42_rand_x5"), Enumerable.Range(0, 5).Select(_ => random.Rand()));
    }

    [Fact]
    public void Randn_matches_numpy_including_the_cached_second_value()
    {
        var random = new NumpyRandom(42);
        Assert.Equal(Expected("seed42_randn_x7"), Enumerable.Range(0, 7).Select(_ => random.Randn()));
    }

    [Fact]
    public void RandInt_matches_numpy_masked_rejection()
    {
        var random = new NumpyRandom(42);
        Assert.Equal(Expected("seed42_randint_1_4_x10"), Enumerable.Range(0, 10).Select(_ => (double)random.RandInt(1, 4)));
    }

    [Fact]
    public void Uniform_matches_numpy()
    {
        var random = new NumpyRandom(42);
        Assert.Equal(Expected("seed42_uniform_0.3_0.7_x3"), Enumerable.Range(0, 3).Select(_ => random.Uniform(0.3, 0.7)));
    }

    [Fact]
    public void Mixed_sequence_keeps_numpy_state_between_kinds_of_draw()
    {
        var random = new NumpyRandom(42);
        double[] drawn = [random.Rand(), random.Randn(), random.RandInt(1, 4), random.Randn(), random.Randn()];
        Assert.Equal(Expected("seed42_sequence_rand_randn_randint14_randn_randn"), drawn);
    }

    [Fact]
    public void Randn_matrix_times_scale_matches_numpy_first_row()
    {
        var random = new NumpyRandom(123);
        var w = new double[25 * 8];
        random.FillNormal(w, 0.3);
        Assert.Equal(Expected("seed123_randn_25x8_times_0.3_first_row"), w.Take(8));
    }

    [Fact]
    public void Largest_seed_matches_numpy()
    {
        var random = new NumpyRandom(uint.MaxValue);
        Assert.Equal(Expected("seed4294967295_rand_x3"), Enumerable.Range(0, 3).Select(_ => random.Rand()));
    }

    [Fact]
    public void Permutation_is_a_permutation_and_depends_on_the_seed()
    {
        int[] a = new NumpyRandom(1).Permutation(50);
        int[] b = new NumpyRandom(2).Permutation(50);
        Assert.Equal(Enumerable.Range(0, 50), a.Order());
        Assert.NotEqual(a, b);
    }
}
