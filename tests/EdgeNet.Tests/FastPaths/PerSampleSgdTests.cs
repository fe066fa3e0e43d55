using System.Numerics;
using EdgeNet.Passes;
using EdgeNet.Kernels;
using EdgeNet.Optimizers;
using EdgeNet.Training;

namespace EdgeNet.Tests.FastPaths;

/// <summary>
/// <see cref="Sgd.TrainPerSample{T}"/>: the per-sample loop as one pipeline (each update in the same sweep as the next
/// sample's forward, dL/dh from a kept copy of Wᵀ) must give the bits of the one-step API run sample by sample.
/// </summary>
public sealed class PerSampleSgdTests
{
    public static TheoryData<int[], int> Shapes => new()
    {
        { [8], 2 },                                                 // the tutorial's 25→8→2
        { [16, 8], 2 },                                             // its sequel's 25→16→8→2
        { [15, 7], 3 },                                             // ragged: 512-, 256-, 128-bit and single columns (double)
        { [31, 5], 2 },                                             // the same in float
        { [5, 7, 6], 4 },                                           // deeper, with fewer units than partial sums
        { [1], 2 },                                                 // one hidden unit
        { [40], 2 },                                                // too wide for one-row kernels: the step-by-step loop
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Pipeline_gives_the_step_by_step_bits_double(int[] hidden, int classes) =>
        AssertSameBitsAsStepByStep<double>(hidden, classes);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Pipeline_gives_the_step_by_step_bits_float(int[] hidden, int classes) =>
        AssertSameBitsAsStepByStep<float>(hidden, classes);

    [Fact]
    public void A_non_finite_loss_stops_the_pass_where_the_step_by_step_loop_stops()
    {
        // Given two identical networks and a learning rate that makes the weights overflow within a few steps
        var (pipelined, x, labels) = Setup<double>([8], 2);
        var (stepped, _, _) = Setup<double>([8], 2);
        int[] order = [.. Enumerable.Range(0, labels.Length)];
        const double rate = 1e200;

        // When both run
        SamplePass pass = Sgd.TrainPerSample(pipelined, x, labels, order, rate);
        SamplePass expected = StepByStep(stepped, x, labels, order, rate);

        // Then both stop before the same sample, after real steps, and the weights agree to the bit
        Assert.InRange(pass.Steps, 1, order.Length - 1);
        Assert.Equal(expected, pass);
        AssertSameParameters(stepped, pipelined);
    }

    [Fact]
    public void No_samples_change_nothing()
    {
        var (network, x, labels) = Setup<double>([8], 2);
        var (untouched, _, _) = Setup<double>([8], 2);

        SamplePass pass = Sgd.TrainPerSample(network, x, labels, [], 0.1);

        Assert.Equal(new SamplePass(0, 0, 0), pass);
        AssertSameParameters(untouched, network);
    }

    [Fact]
    public void Bad_arguments_are_refused_before_any_step()
    {
        var (network, x, labels) = Setup<double>([8], 2);
        var (untouched, _, _) = Setup<double>([8], 2);
        int[] badLabels = [.. labels];
        badLabels[^1] = 2;                                          // two classes: labels 0 and 1

        Assert.Throws<ArgumentOutOfRangeException>(() => Sgd.TrainPerSample(network, x, labels, [0, labels.Length], 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sgd.TrainPerSample(network, x, labels, [-1], 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sgd.TrainPerSample(network, x, badLabels, [0, 1], 0.1));
        Assert.Throws<ArgumentException>(() => Sgd.TrainPerSample(network, x.AsSpan(1), labels, [0], 0.1));
        AssertSameParameters(untouched, network);
    }

    private static void AssertSameBitsAsStepByStep<T>(int[] hidden, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Given two identical networks and an order that shuffles, repeats a sample back to back and skips some
        var (pipelined, x, labels) = Setup<T>(hidden, classes);
        var (stepped, _, _) = Setup<T>(hidden, classes);
        var random = new NumpyRandom(11);
        int[] order = [.. random.Permutation(labels.Length), 3, 3, 0, .. random.Permutation(labels.Length).Take(17)];
        T rate = T.CreateChecked(0.1);

        // When one trains through the pipeline and the other through the one-step API, three passes each, with a step
        // through the one-step API on both between passes (the pipeline's copy of Wᵀ must follow W changed elsewhere)
        var passes = new List<(SamplePass Pipelined, SamplePass Stepped)>();
        for (int pass = 0; pass < 3; pass++)
        {
            passes.Add((Sgd.TrainPerSample(pipelined, x, labels, order, rate), StepByStep(stepped, x, labels, order, rate)));
            StepByStep(pipelined, x, labels, [pass], rate);
            StepByStep(stepped, x, labels, [pass], rate);
        }

        // Then the narrow networks took the pipeline (at most two 512-bit vectors of units a layer), and the losses, the counts, every weight and bias and the last forward pass agree to the bit, and they moved
        bool narrow = hidden.Append(classes).All(units => units * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() <= 128);
        Assert.Equal(narrow, pipelined.Plan(1).Path == PassPath.OneRow);
        foreach ((SamplePass p, SamplePass s) in passes)
        {
            Assert.Equal(s, p);
            Assert.Equal(order.Length, p.Steps);
        }
        Assert.NotEqual(passes[0].Pipelined.LossSum, passes[^1].Pipelined.LossSum);
        AssertSameParameters(stepped, pipelined);
        Assert.Equal(stepped.Probabilities.ToArray(), pipelined.Probabilities.ToArray());
        var (initial, _, _) = Setup<T>(hidden, classes);
        Assert.NotEqual(initial.Layers[0].Weights, pipelined.Layers[0].Weights);
    }

    /// <summary>The loop <see cref="Sgd.TrainPerSample{T}"/> stands for: the one-step API, one sample at a time.</summary>
    private static SamplePass StepByStep<T>(Network<T> network, T[] x, int[] labels, int[] order, T rate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double lossSum = 0;
        int correct = 0;
        int inputs = network.Inputs;
        for (int t = 0; t < order.Length; t++)
        {
            ReadOnlySpan<T> row = x.AsSpan(order[t] * inputs, inputs);
            ReadOnlySpan<int> label = labels.AsSpan(order[t], 1);
            double loss = double.CreateChecked(network.ForwardLoss(row, label, out int right));
            if (!double.IsFinite(loss))
            {
                return new SamplePass(lossSum, correct, t);
            }
            lossSum += loss;
            correct += right;
            Sgd.BackwardAndStep(network, row, label, rate);
        }
        return new SamplePass(lossSum, correct, order.Length);
    }

    private static (Network<T> Network, T[] X, int[] Labels) Setup<T>(int[] hidden, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new NumpyRandom(7);
        var network = Network<T>.Create(25, hidden, classes);
        network.InitializeLikeTutorial(random, 0.3);
        const int samples = 30;
        T[] x = [.. Enumerable.Range(0, samples * 25).Select(_ => T.CreateChecked(random.Randn()))];
        int[] labels = [.. Enumerable.Range(0, samples).Select(n => (n * 7) % classes)];
        return (network, x, labels);
    }

    private static void AssertSameParameters<T>(Network<T> expected, Network<T> actual)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int l = 0; l < expected.Layers.Count; l++)
        {
            Assert.Equal(expected.Layers[l].Weights, actual.Layers[l].Weights);
            Assert.Equal(expected.Layers[l].Bias, actual.Layers[l].Bias);
        }
    }
}
