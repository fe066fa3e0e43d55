using System.Numerics;
using EdgeNet.Reference;
using EdgeNet.Layers;
using EdgeNet.Optimizers;
using EdgeNet.Training;

namespace EdgeNet.Tests.FastPaths;

/// <summary>
/// The fast kernels against the plain loops. The matrix kernels add each dot product's terms in the same order
/// with fused multiply-adds, so the contract is bit-identical results, in float and in double; the one-row path of
/// batch 1 (see <see cref="SingleRowTests"/>) agrees within rounding.
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
    [InlineData(1, 1, 2e-5)]                                        // one row: four partial sums, within rounding
    [InlineData(10, 3, 0.0)]                                        // batches: the same bits
    public void Training_fast_and_reference_give_the_same_networks(int batchSize, int seedOffset, double tolerance)
    {
        // Given two identical setups of a deeper net, one forced onto the plain loops
        var options = new TrainingOptions { Seed = (uint)(11 + seedOffset), TrainSamples = 60, TestSamples = 10, Hidden = [16, 8], Epochs = 5, BatchSize = batchSize, Shuffle = true };
        var fast = SeededSetup<float>.Create(options);
        var reference = SeededSetup<float>.Create(options);
        reference.Network.UseReferenceKernels = true;

        // (without hardware FMA the planner takes the no-FMA path: within rounding, not the same bits)
        if (fast.Network.Plan(batchSize).Path == EdgeNet.Passes.PassPath.NoFma)
        {
            tolerance = Math.Max(tolerance, 2e-5);
        }

        // When both train
        var fastHistory = Trainer.Train(fast.Network, fast.Train, fast.Test, options, fast.Random);
        var referenceHistory = Trainer.Train(reference.Network, reference.Train, reference.Test, options, reference.Random);

        // Then every weight and every reported number is the same (to the bit when the tolerance is 0)
        if (tolerance == 0)
        {
            Assert.Equal(referenceHistory, fastHistory);
        }
        for (int e = 0; e < referenceHistory.Count; e++)
        {
            Assert.Equal(referenceHistory[e].TrainLoss, fastHistory[e].TrainLoss, tolerance);
            Assert.Equal(referenceHistory[e].TestLoss!.Value, fastHistory[e].TestLoss!.Value, tolerance);
        }
        for (int l = 0; l < fast.Network.Layers.Count; l++)
        {
            float[] w = reference.Network.Layers[l].Weights, b = reference.Network.Layers[l].Bias;
            Assert.All(Enumerable.Range(0, w.Length), i => Assert.Equal(w[i], fast.Network.Layers[l].Weights[i], (float)tolerance));
            Assert.All(Enumerable.Range(0, b.Length), i => Assert.Equal(b[i], fast.Network.Layers[l].Bias[i], (float)tolerance));
        }
    }

    [Fact]
    public void Predict_agrees_with_forward_row_by_row_for_batches_larger_than_a_chunk()
    {
        var (network, x) = RandomNetwork<double>(600, 25, 8, 2);
        var probabilities = new double[600 * 2];

        network.Predict(x, 600, probabilities);

        // one row sums in four partial sums, a batch in one: the same numbers up to rounding
        for (int n = 0; n < 600; n += 37)
        {
            double[] row = network.Forward(x.AsSpan(n * 25, 25), 1).ToArray();
            Assert.Equal(row[0], probabilities[n * 2], 1e-14);
            Assert.Equal(row[1], probabilities[(n * 2) + 1], 1e-14);
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
        ReferencePass.DenseForward<T>(x, layer.Weights, layer.Bias, zReference, batch, inputs, outputs);
        var dxFast = new T[batch * inputs];
        layer.Backward(x, dz, dxFast, batch);
        T[] dwFast = [.. layer.WeightGradient], dbFast = [.. layer.BiasGradient];
        var dxReference = new T[batch * inputs];
        var dwReference = new T[inputs * outputs];
        var dbReference = new T[outputs];
        ReferencePass.DenseBackward<T>(x, dz, layer.Weights, dwReference, dbReference, dxReference, batch, inputs, outputs);

        // Then the bits agree
        Assert.Equal(zReference, zFast);
        Assert.Equal(dwReference, dwFast);
        Assert.Equal(dbReference, dbFast);
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
