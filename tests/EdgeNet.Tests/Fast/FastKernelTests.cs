using System.Numerics;
using EdgeNet.Layers;
using EdgeNet.Optimizers;
using EdgeNet.Training;

namespace EdgeNet.Tests.Fast;

/// <summary>
/// The fast kernels against the plain loops. Both add each dot product's terms in the same order with fused
/// multiply-adds, so the contract is bit-identical results, in float and in double.
/// </summary>
public sealed class FastKernelTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 25, 8 },                                               // the tutorial, batch 1
        { 3, 8, 2 },                                                // its output layer
        { 19, 8, 2 },                                               // narrow columns over many rows: eight scalar chains, then four, then one
        { 7, 33, 70 },                                              // odd sizes: full tiles, single vectors, 128-bit and scalar tails
        { 64, 100, 129 },
        { 5, 3, 1 },
        { 3, 300, 20 },                                             // deep: the product is cut into blocks of k
        { 13, 785, 64 },                                            // packed panels: 6-row tiles, 1- and 4-row leftovers, uneven k blocks, ragged columns
        { 12, 1, 80 },                                              // packed panels with k = 1 (forward) and one row (dW)
        { 25, 40, 300 },                                            // packed panels with narrow-vector tails after them
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Dense_fast_forward_and_backward_equal_the_reference_bits_double(int batch, int inputs, int outputs) =>
        AssertDenseIdentical<double>(batch, inputs, outputs);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Dense_fast_forward_and_backward_equal_the_reference_bits_float(int batch, int inputs, int outputs) =>
        AssertDenseIdentical<float>(batch, inputs, outputs);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 3)]
    public void Training_fast_and_reference_give_identical_networks(int batchSize, int seedOffset)
    {
        // Given two identical setups of a deeper net, one forced onto the plain loops
        var options = new TrainingOptions { Seed = (uint)(11 + seedOffset), TrainSamples = 60, TestSamples = 10, Hidden = [16, 8], Epochs = 5, BatchSize = batchSize, Shuffle = true };
        var fast = TutorialSetup<float>.Create(options);
        var reference = TutorialSetup<float>.Create(options);
        reference.Network.UseReferenceKernels = true;

        // When both train
        var fastHistory = Trainer.Train(fast.Network, fast.Train, fast.Test, options, fast.Random);
        var referenceHistory = Trainer.Train(reference.Network, reference.Train, reference.Test, options, reference.Random);

        // Then every weight and every reported number is the same
        Assert.Equal(referenceHistory, fastHistory);
        for (int l = 0; l < fast.Network.Layers.Count; l++)
        {
            Assert.Equal(reference.Network.Layers[l].Weights, fast.Network.Layers[l].Weights);
            Assert.Equal(reference.Network.Layers[l].Bias, fast.Network.Layers[l].Bias);
        }
    }

    [Fact]
    public void Predict_equals_forward_row_by_row_for_batches_larger_than_a_chunk()
    {
        var (network, x) = RandomNetwork<double>(600, 25, 8, 2);
        var probabilities = new double[600 * 2];

        network.Predict(x, 600, probabilities);

        for (int n = 0; n < 600; n += 37)
        {
            Assert.Equal(network.Forward(x.AsSpan(n * 25, 25), 1).ToArray(), probabilities.AsSpan(n * 2, 2).ToArray());
        }
    }

    private static void AssertDenseIdentical<T>(int batch, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Given a layer with random weights, inputs and upstream gradient (with some negative zeros and exact zeros)
        var random = new NumpyRandom((uint)(batch * 1000 + inputs * 10 + outputs));
        var layer = new Dense<T>(inputs, outputs);
        Fill(layer.Weights, random);
        Fill(layer.Bias, random);
        T[] x = Fill(new T[batch * inputs], random);
        T[] dz = Fill(new T[batch * outputs], random);
        x[0] = T.Zero;
        dz[^1] = T.NegativeZero;

        // When both paths run
        var zFast = new T[batch * outputs];
        var zReference = new T[batch * outputs];
        layer.Forward(x, zFast, batch);
        layer.ForwardReference(x, zReference, batch);
        var dxFast = new T[batch * inputs];
        layer.Backward(x, dz, dxFast, batch);
        T[] dwFast = [.. layer.WeightGradient], dbFast = [.. layer.BiasGradient];
        var dxReference = new T[batch * inputs];
        layer.BackwardReference(x, dz, dxReference, batch);

        // Then the bits agree
        Assert.Equal(zReference, zFast);
        Assert.Equal(layer.WeightGradient, dwFast);
        Assert.Equal(layer.BiasGradient, dbFast);
        Assert.Equal(dxReference, dxFast);
        Assert.NotEqual(T.Zero, zFast.Select(T.Abs).Max());         // and the test exercised real numbers
    }

    internal static (Network<T> Network, T[] X) RandomNetwork<T>(int batch, int inputs, int hidden, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new NumpyRandom(17);
        var network = Network<T>.Create(inputs, [hidden], classes);
        network.InitializeLikeTutorial(random, 0.3);
        return (network, Fill(new T[batch * inputs], random));
    }

    private static T[] Fill<T>(T[] values, NumpyRandom random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.CreateChecked(random.Randn());
        }
        return values;
    }
}
