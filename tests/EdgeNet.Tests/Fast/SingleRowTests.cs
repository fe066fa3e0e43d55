using System.Numerics;
using EdgeNet.Optimizers;
using EdgeNet.Training;

namespace EdgeNet.Tests.Fast;

/// <summary>
/// The one-row path (batch 1, layers whose outputs fit in two 512-bit vectors) and the fused backward + update,
/// against the plain loops: same order of the same fused multiply-adds, so the contract is the same bits.
/// </summary>
public sealed class SingleRowTests
{
    public static TheoryData<int[], int> Shapes => new()
    {
        { [8], 2 },                                                 // the tutorial's 25→8→2
        { [20, 3], 2 },                                             // ragged widths: an overlapping vector, scalar tails
        { [16, 1], 2 },                                             // 16 floats: one 512-bit vector; one output: scalar
        { [40], 2 },                                                // too wide for the one-row path: the matrix kernels
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Per_sample_training_fast_equals_reference_double(int[] hidden, int classes) =>
        AssertTrainingIdentical<double>(hidden, classes);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Per_sample_training_fast_equals_reference_float(int[] hidden, int classes) =>
        AssertTrainingIdentical<float>(hidden, classes);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Backward_and_step_equals_backward_then_step(int batch)
    {
        // Given two identical networks and one batch
        var (first, x) = FastKernelTests.RandomNetwork<double>(batch, 25, 12, 3);
        var (second, _) = FastKernelTests.RandomNetwork<double>(batch, 25, 12, 3);
        int[] labels = [.. Enumerable.Range(0, batch).Select(n => n % 3)];
        first.ForwardLoss(x, labels, out _);
        second.ForwardLoss(x, labels, out _);

        // When one does backward then the update, the other both in one sweep
        first.Backward(x, labels);
        Sgd.Step(first, 0.25);
        Sgd.BackwardAndStep(second, x, labels, 0.25);

        // Then weights, biases and gradients agree, and the weights moved
        var (fresh, _) = FastKernelTests.RandomNetwork<double>(batch, 25, 12, 3);
        for (int l = 0; l < first.Layers.Count; l++)
        {
            Assert.Equal(first.Layers[l].Weights, second.Layers[l].Weights);
            Assert.Equal(first.Layers[l].Bias, second.Layers[l].Bias);
            Assert.Equal(first.Layers[l].WeightGradient, second.Layers[l].WeightGradient);
            Assert.Equal(first.Layers[l].BiasGradient, second.Layers[l].BiasGradient);
            Assert.NotEqual(fresh.Layers[l].Weights, second.Layers[l].Weights);
        }
    }

    private static void AssertTrainingIdentical<T>(int[] hidden, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Given data and two identical networks, one forced onto the plain loops, trained one sample at a time
        var options = new TrainingOptions { Seed = 5, TrainSamples = 40, TestSamples = 10, Hidden = hidden, Epochs = 3, BatchSize = 1, Shuffle = true };
        var data = TutorialSetup<T>.Create(options);
        Network<T> fast = Build<T>(hidden, classes);
        Network<T> reference = Build<T>(hidden, classes);
        reference.UseReferenceKernels = true;

        // When both train
        var fastHistory = Trainer.Train(fast, data.Train, data.Test, options, new NumpyRandom(9));
        var referenceHistory = Trainer.Train(reference, data.Train, data.Test, options, new NumpyRandom(9));

        // Then every weight and every reported number is the same
        Assert.Equal(referenceHistory, fastHistory);
        for (int l = 0; l < fast.Layers.Count; l++)
        {
            Assert.Equal(reference.Layers[l].Weights, fast.Layers[l].Weights);
            Assert.Equal(reference.Layers[l].Bias, fast.Layers[l].Bias);
        }
    }

    private static Network<T> Build<T>(int[] hidden, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var network = Network<T>.Create(25, hidden, classes);
        network.InitializeLikeTutorial(new NumpyRandom(3), 0.3);
        return network;
    }
}
