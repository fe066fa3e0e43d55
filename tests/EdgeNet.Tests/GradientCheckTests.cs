using EdgeNet.Diagnostics;
using EdgeNet.Layers;

namespace EdgeNet.Tests;

public sealed class GradientCheckTests
{
    /// <summary>Property: on random shapes, depths, batches and classes, backpropagation equals finite differences.</summary>
    [Fact]
    public void Backpropagation_matches_finite_differences_on_random_shapes()
    {
        var shapes = new System.Random(20261128);
        for (int trial = 0; trial < 25; trial++)
        {
            // Given a random network and batch
            int inputs = shapes.Next(1, 12);
            int[] hidden = [.. Enumerable.Range(0, shapes.Next(0, 4)).Select(_ => shapes.Next(1, 9))];
            int classes = shapes.Next(2, 6);
            int batch = shapes.Next(1, 6);
            var random = new NumpyRandom((uint)trial);
            var network = Network<double>.Create(inputs, hidden, classes);
            network.InitializeLikeTutorial(random, 0.8);
            foreach (Dense<double> layer in network.Layers)
            {
                random.FillNormal(layer.Bias, 0.1);
            }
            double[] x = [.. Enumerable.Range(0, batch * inputs).Select(_ => random.Rand())];
            int[] labels = [.. Enumerable.Range(0, batch).Select(_ => (int)random.RandInt(0, classes))];

            // When
            IReadOnlyList<ParameterGradient> results = GradientCheck.Run(network, x, labels);

            // Then
            Assert.Equal(network.ParameterCount, results.Count);
            ParameterGradient worst = results.MaxBy(r => r.RelativeError)!;
            Assert.True(worst.RelativeError < 1e-6, $"trial {trial} ({inputs}→{string.Join("→", hidden)}→{classes}, batch {batch}): {worst}");
        }
    }

    [Fact]
    public void Relative_error_flags_a_perturbed_gradient()
    {
        // Given the checked gradients of a small network
        var network = Network<double>.Create(3, [4], 2);
        network.InitializeLikeTutorial(new NumpyRandom(1), 1.0);
        double[] x = [0.2, 0.7, 0.4];
        int[] labels = [1];
        IReadOnlyList<ParameterGradient> good = GradientCheck.Run(network, x, labels);

        // When the analytic value is perturbed
        var bad = good[0] with { Analytic = good[0].Analytic + 0.01 };

        // Then
        Assert.True(bad.RelativeError > 1e-3);
    }
}
