using EdgeNet.Optimizers;
using EdgeNet.Passes;
using EdgeNet.Reference;
using EdgeNet.Training;

namespace EdgeNet.Tests.Passes;

/// <summary>
/// The reference pass against independent numbers: NumPy's run of the tutorial, the softmax and loss of
/// <see cref="SoftmaxCrossEntropy"/>, and finite differences of its own loss.
/// </summary>
public sealed class ReferencePassTests
{
    [Fact]
    public void The_reference_pass_reproduces_every_epoch_of_the_numpy_tutorial_run()
    {
        // Given the tutorial's run with the plain loops asked for
        var options = new TrainingOptions();
        var setup = SeededSetup<double>.Create(options);
        setup.Network.UseReferenceKernels = true;

        // When it trains
        IReadOnlyList<EpochStats> history = Trainer.Train(setup.Network, setup.Train, setup.Test, options, setup.Random);

        // Then every epoch's numbers are NumPy's (within 1e-9, as the fast run's test)
        double[][] expected = ReferenceFiles.ReadMetrics("tutorial-run-seed42.csv");
        Assert.Equal(expected.Length, history.Count);
        for (int e = 0; e < expected.Length; e++)
        {
            Assert.True(Math.Abs(expected[e][1] - history[e].TrainLoss) <= 1e-9, $"epoch {e}: {history[e].TrainLoss} vs {expected[e][1]}");
            Assert.True(Math.Abs(expected[e][3] - history[e].TestLoss!.Value) <= 1e-9, $"epoch {e}: {history[e].TestLoss} vs {expected[e][3]}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Its_softmax_loss_and_output_gradient_are_the_bits_of_SoftmaxCrossEntropy(int batch)
    {
        // Given a network and a batch
        var network = Network<double>.Create(25, [8], 3);
        network.InitializeLikeTutorial(new NumpyRandom(3), 0.9);
        var random = new NumpyRandom(4);
        double[] x = [.. Enumerable.Range(0, batch * 25).Select(_ => random.Rand())];
        int[] y = [.. Enumerable.Range(0, batch).Select(n => n % 3)];
        var a = new PassBuffers<double>(network.Layers, batch);

        // When the reference pass runs forward, loss and backward
        double loss = ReferencePass.ForwardLoss(network.Layers, a, x, y, out int correct);
        ReferencePass.Backward(network.Layers, a, x, y);

        // Then p, L, the count and dL/dz are SoftmaxCrossEntropy's bits on the same z
        double[] z = a.Z[1].AsSpan(0, batch * 3).ToArray();
        var p = new double[batch * 3];
        var dz = new double[batch * 3];
        double expectedLoss = SoftmaxCrossEntropy.Forward<double>(z, p, y, 3, out int expectedCorrect);
        SoftmaxCrossEntropy.Backward<double>(p, y, 3, dz);
        Assert.Equal(p, a.P.AsSpan(0, batch * 3).ToArray());
        Assert.Equal(expectedLoss, loss);
        Assert.Equal(expectedCorrect, correct);
        Assert.Equal(dz, a.DZ[1].AsSpan(0, batch * 3).ToArray());
    }

    [Fact]
    public void Its_gradients_agree_with_finite_differences_of_its_loss()
    {
        // Given a two-hidden-layer network and a small batch
        var network = Network<double>.Create(25, [6, 4], 2);
        network.InitializeLikeTutorial(new NumpyRandom(8), 0.5);
        var random = new NumpyRandom(9);
        const int batch = 3;
        double[] x = [.. Enumerable.Range(0, batch * 25).Select(_ => random.Rand())];
        int[] y = [0, 1, 1];
        var a = new PassBuffers<double>(network.Layers, batch);

        // When the reference pass computes dL/dW (of the mean loss)
        ReferencePass.Forward(network.Layers, a, x, batch);
        ReferencePass.Backward(network.Layers, a, x, y);

        // Then each weight's gradient is the central difference of the mean loss, for a spread of weights
        const double h = 1e-6;
        for (int l = 0; l < network.Layers.Count; l++)
        {
            double[] w = network.Layers[l].Weights;
            for (int i = 0; i < w.Length; i += 5)
            {
                double saved = w[i];
                w[i] = saved + h;
                double plus = MeanLoss();
                w[i] = saved - h;
                double minus = MeanLoss();
                w[i] = saved;
                Assert.True(Math.Abs(((plus - minus) / (2 * h)) - network.Layers[l].WeightGradient[i]) <= 1e-7, $"layer {l} weight {i}");
            }
        }

        double MeanLoss()
        {
            var b = new PassBuffers<double>(network.Layers, batch);
            return ReferencePass.ForwardLoss(network.Layers, b, x, y, out _) / batch;
        }
    }

    [Fact]
    public void The_update_is_w_minus_rate_times_gradient_and_Sgd_gives_its_bits()
    {
        // Given two identical networks with the same gradients
        var network = Network<double>.Create(25, [8], 2);
        network.InitializeLikeTutorial(new NumpyRandom(11), 0.3);
        var copy = Network<double>.Create(25, [8], 2);
        for (int l = 0; l < 2; l++)
        {
            network.Layers[l].Weights.CopyTo(copy.Layers[l].Weights, 0);
            for (int i = 0; i < network.Layers[l].WeightGradient.Length; i++)
            {
                network.Layers[l].WeightGradient[i] = copy.Layers[l].WeightGradient[i] = Math.Sin(i + l);
            }
            for (int o = 0; o < network.Layers[l].BiasGradient.Length; o++)
            {
                network.Layers[l].BiasGradient[o] = copy.Layers[l].BiasGradient[o] = Math.Cos(o + l);
            }
        }
        double[] before = [.. network.Layers[0].Weights];

        // When one takes the reference update and the other Sgd.Step
        ReferencePass.Update(network.Layers, 0.1);
        Sgd.Step(copy, 0.1);

        // Then W ← W − α·dW for the first weight, and both have the same bits everywhere
        Assert.Equal(before[0] - (0.1 * Math.Sin(0)), network.Layers[0].Weights[0]);
        for (int l = 0; l < 2; l++)
        {
            Assert.Equal(network.Layers[l].Weights, copy.Layers[l].Weights);
            Assert.Equal(network.Layers[l].Bias, copy.Layers[l].Bias);
        }
    }
}
