using EdgeNet.Diagnostics;
using EdgeNet.Layers;

namespace EdgeNet.Tests;

public sealed class GradientCheckTests
{
    /// <summary>Property: on random shapes, depths, batches and classes, backpropagation equals finite differences, for every hidden activation.</summary>
    [Theory]
    [InlineData(HiddenActivation.Relu)]
    [InlineData(HiddenActivation.LeakyRelu)]
    [InlineData(HiddenActivation.Tanh)]
    [InlineData(HiddenActivation.Sigmoid)]
    public void Backpropagation_matches_finite_differences_on_random_shapes(HiddenActivation activation)
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
            var network = Network<double>.Create(inputs, hidden, classes, activation);
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
            // (a relative error below 1e-6, or for the tiny gradients of deep tanh and sigmoid networks an absolute one below
            // 1e-10: the difference quotient's own rounding, about 1e-16·L/ε, is 1e-11)
            ParameterGradient? worst = results.Where(r => r.RelativeError >= 1e-6 && Math.Abs(r.Analytic - r.Numeric) >= 1e-10).MaxBy(r => r.RelativeError);
            Assert.True(worst is null, $"{activation}, trial {trial} ({inputs}→{string.Join("→", hidden)}→{classes}, batch {batch}): {worst}");
            Assert.True(results.Count(r => r.RelativeError < 1e-6) > results.Count / 2, "most gradients should pass on the relative error alone");
        }
    }

    /// <summary>
    /// On a kink (z exactly 0) backpropagation takes the slope torch takes, ReLU′(0) = 0 and leaky-ReLU′(0) = 0.01, while
    /// the central difference straddles the kink and averages the slopes on its two sides: the two disagree there, and
    /// the check reports it.
    /// </summary>
    [Theory]
    [InlineData(HiddenActivation.Relu, 0.0)]
    [InlineData(HiddenActivation.LeakyRelu, HiddenActivations.LeakyReluSlope)]
    public void On_a_kink_backpropagation_takes_torchs_slope_and_the_finite_difference_the_mean_of_both_sides(HiddenActivation activation, double slopeAtZero)
    {
        // Given a 3→2→2 network whose hidden weights and biases are 0: every hidden z is exactly 0
        var network = Network<double>.Create(3, [2], 2, activation);
        network.InitializeLikeTutorial(new NumpyRandom(5), 1.0);
        network.Layers[0].Weights.AsSpan().Clear();
        double[] x = [0.2, 0.7, 0.4];
        int[] labels = [1];

        // When
        IReadOnlyList<ParameterGradient> results = GradientCheck.Run(network, x, labels, epsilon: 1e-6);
        network.ForwardLoss(x, labels, out _);
        network.Backward(x, labels);
        double[] dh = network.ActivationGradient(0).ToArray();      // dL/dh of the hidden layer at h = 0

        // Then: for W1[i, j], the analytic value is x_i·dL/dh_j·f′(0), the numeric one x_i·dL/dh_j·(1 + slope below 0)/2
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                ParameterGradient w = results.Single(r => r.Parameter == "W1" && r.Index == $"[{i}, {j}]");
                Assert.Equal(x[i] * dh[j] * slopeAtZero, w.Analytic, 1e-15);
                Assert.Equal(x[i] * dh[j] * (1 + slopeAtZero) / 2, w.Numeric, 1e-6);
                Assert.True(w.RelativeError > 0.9, $"{w} should be flagged");
            }
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
