using EdgeNet.Data;
using EdgeNet.Inference;

namespace EdgeNet.Tests.Inference;

public sealed class ProbabilityMapTests
{
    [Fact]
    public void Five_class_7x7_scan_matches_the_network_on_each_window_one_at_a_time()
    {
        // Given a random 49→6→5 network and a random 23×9 image
        var random = new NumpyRandom(11);
        var network = Network<double>.Create(49, [6], 5);
        network.InitializeLikeTutorial(random);
        double[] image = [.. Enumerable.Range(0, 23 * 9).Select(_ => random.Rand())];

        // When
        ProbabilityMap map = ProbabilityMap.Scan(network, EdgeTasks.OrientationClasses, image, 23, 9, 7, threads: 2);

        // Then each pixel holds p of its own window, borders replicated (the plain loop: one Forward per window)
        var window = new double[49];
        for (int y = 0; y < 9; y++)
        {
            for (int x = 0; x < 23; x++)
            {
                for (int dy = 0; dy < 7; dy++)
                {
                    for (int dx = 0; dx < 7; dx++)
                    {
                        window[dy * 7 + dx] = image[Math.Clamp(y + dy - 3, 0, 8) * 23 + Math.Clamp(x + dx - 3, 0, 22)];
                    }
                }
                double[] p = network.Forward(window, 1).ToArray();
                for (int k = 0; k < 5; k++)
                {
                    Assert.True(Math.Abs(p[k] - map.Probability(k, x, y)) <= 1e-12, $"({x}, {y}) class {k}: {map.Probability(k, x, y)} vs {p[k]}");
                }
                Assert.Equal(1 - p[EdgeTasks.None], map.EdgeProbability(x, y), 12);
                Assert.Equal(Array.IndexOf(p, p.Max()), map.MostProbableClass(x, y));
            }
        }
    }

    [Fact]
    public void Edge_probability_of_the_tutorial_classes_is_p_Edge()
    {
        // Given a two-class map: p(Edge) 0.8, p(No Edge) 0.2 at both pixels
        var map = new ProbabilityMap(2, 1, Dataset.EdgeClasses, [0.8, 0.8, 0.2, 0.2]);

        // Then
        Assert.Equal(1, map.NoEdgeClass);
        Assert.Equal([0.8, 0.8], map.EdgeProbabilities(), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Class_names_must_match_the_network()
    {
        var network = Network<double>.Create(25, [4], 2);

        Assert.Throws<ArgumentException>(() => ProbabilityMap.Scan(network, EdgeTasks.OrientationClasses, new double[9], 3, 3, 5));
    }
}
