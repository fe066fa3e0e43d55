using System.Numerics;
using EdgeNet.Kernels;
using EdgeNet.Layers;
using EdgeNet.Passes;
using EdgeNet.Reference;
using EdgeNet.Training;

namespace EdgeNet.Tests.FastPaths;

/// <summary>
/// The no-FMA path (<see cref="PlainRows"/>: 128-bit vectors, a plain multiply and add) against the plain loops of the
/// reference pass, which fuse every multiply-add: the same sums up to rounding, within 1e-12 relative in float64
/// (docs/architecture.md). Run directly here, on any processor; the planner takes it where there is no FMA (the
/// browser's WebAssembly, x86 without FMA).
/// </summary>
public sealed class NoFmaTests
{
    /// <summary>The contract: each number within this of the reference's, relative to max(1, |reference|).</summary>
    private const double Tolerance = 1e-12;

    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 25, 8 },                                               // the tutorial, one sample
        { 64, 8, 2 },                                               // its output layer, a batch
        { 7, 33, 70 },                                              // odd sizes: vectors and scalar tails
        { 3, 5, 1 },                                                // narrower than a vector
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_layer_forward_and_backward_are_the_reference_within_the_contract(int batch, int inputs, int outputs)
    {
        // Given a layer with random weights, inputs and upstream gradient
        var random = new NumpyRandom((uint)(batch * 1000 + inputs * 10 + outputs));
        double[] x = Normal(random, batch * inputs), w = Normal(random, inputs * outputs), b = Normal(random, outputs), dz = Normal(random, batch * outputs);

        // When both compute z, dL/dW, dL/db and dL/dx
        var (z, dW, db, dx) = (new double[batch * outputs], new double[inputs * outputs], new double[outputs], new double[batch * inputs]);
        var (zRef, dWRef, dbRef, dxRef) = (new double[batch * outputs], new double[inputs * outputs], new double[outputs], new double[batch * inputs]);
        PlainRows.Forward<double>(x, w, b, z, batch, inputs, outputs);
        PlainRows.Backward<double>(x, dz, w, dW, db, dx, batch, inputs, outputs);
        ReferencePass.DenseForward<double>(x, w, b, zRef, batch, inputs, outputs);
        ReferencePass.DenseBackward<double>(x, dz, w, dWRef, dbRef, dxRef, batch, inputs, outputs);

        // Then each within the contract, and the bias gradient (a plain sum in both) to the bit
        AssertClose(zRef, z);
        AssertClose(dWRef, dW);
        AssertClose(dxRef, dx);
        Assert.Equal(dbRef, db);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void Training_on_the_no_fma_pass_stays_within_the_contract_of_the_reference(int batchSize)
    {
        // Given the tutorial's run twice, one on the reference pass, one on the no-FMA pass forced
        var options = new TrainingOptions { Seed = 42, TrainSamples = 100, TestSamples = 20, Epochs = 3, BatchSize = batchSize, Shuffle = true };
        var reference = SeededSetup<double>.Create(options);
        reference.Network.UseReferenceKernels = true;
        var plain = SeededSetup<double>.Create(options);
        var pass = new GemmPass<double>([.. plain.Network.Layers], HiddenActivation.Relu, plainMultiplyAdd: true);

        // When each trains three epochs with the same order
        var history = Trainer.Train(reference.Network, reference.Train, reference.Test, options, reference.Random);
        double[] x = plain.Train.FeaturesAs<double>();
        int[] labels = plain.Train.Labels.ToArray();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            int[] order = plain.Random.Permutation(plain.Train.Count);
            for (int start = 0; start < order.Length; start += batchSize)
            {
                int rows = Math.Min(batchSize, order.Length - start);
                double[] xs = [.. order.Skip(start).Take(rows).SelectMany(n => x.Skip(n * 25).Take(25))];
                int[] ys = [.. order.Skip(start).Take(rows).Select(n => labels[n])];
                Forwarded<double> forwarded = pass.ForwardLoss(xs, ys);
                pass.Backward(forwarded, xs, ys, descend: true, options.LearningRate);
            }
        }

        // Then the weights are the reference's within the contract (training compounds rounding: 1e-10 after three epochs)
        Assert.Equal(3, history.Count);
        Assert.Equal(PassPath.NoFma, pass.Path);
        for (int l = 0; l < plain.Network.Layers.Count; l++)
        {
            AssertClose(reference.Network.Layers[l].Weights, plain.Network.Layers[l].Weights, 1e-10);
            AssertClose(reference.Network.Layers[l].Bias, plain.Network.Layers[l].Bias, 1e-10);
        }
    }

    [Fact]
    public void The_planner_takes_it_only_without_fma()
    {
        var network = Network<double>.Create(25, [8], 2);
        PassPath path = network.Plan(1).Path;
        Assert.Equal(PlainRows.Applies, path == PassPath.NoFma);
        Assert.Equal(System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated && !Fma.IsSupported, PlainRows.Applies);
    }

    private static double[] Normal(NumpyRandom random, int count) => [.. Enumerable.Range(0, count).Select(_ => random.Randn())];

    private static void AssertClose(double[] expected, double[] actual, double tolerance = Tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"[{i}]: reference {expected[i]:R}, no-FMA {actual[i]:R}");
        }
    }
}
