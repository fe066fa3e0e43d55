using System.Numerics;
using System.Runtime.Intrinsics;
using EdgeNet.Reference;
using EdgeNet.Kernels;
using EdgeNet.Optimizers;
using EdgeNet.Training;

namespace EdgeNet.Tests.FastPaths;

/// <summary>
/// The one-row path (batch 1, layers whose outputs fit in two 512-bit vectors) and the fused backward + update.
/// Its forward dot products run as four interleaved partial sums: the same bits at every vector width (so on every
/// machine), and within rounding of the plain loops, which add in one chain.
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

    public static TheoryData<int, int> Layers => new()
    {
        { 25, 8 },                                                  // the tutorial's first layer: 6 rounds of 4, one left
        { 8, 2 },                                                   // its output layer
        { 20, 3 },                                                  // narrower than a vector: 128-bit and scalar columns
        { 3, 16 },                                                  // fewer inputs than partial sums
        { 1, 1 },
        { 7, 17 },                                                  // a ragged end: the last vector overlaps
        { 30, 32 },                                                 // two 512-bit vectors of float
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Per_sample_training_fast_agrees_with_reference_double(int[] hidden, int classes) =>
        AssertTrainingClose<double>(hidden, classes, 1e-12);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Per_sample_training_fast_agrees_with_reference_float(int[] hidden, int classes) =>
        AssertTrainingClose<float>(hidden, classes, 2e-5);

    [Theory]
    [MemberData(nameof(Layers))]
    public void One_row_forward_gives_the_same_bits_at_every_vector_width_double(int inputs, int outputs) =>
        AssertSameBitsAtEveryWidth<double>(inputs, outputs);

    [Theory]
    [MemberData(nameof(Layers))]
    public void One_row_forward_gives_the_same_bits_at_every_vector_width_float(int inputs, int outputs) =>
        AssertSameBitsAtEveryWidth<float>(inputs, outputs);

    [Theory]
    [MemberData(nameof(Layers))]
    public void One_row_forward_is_the_plain_loop_within_rounding(int inputs, int outputs)
    {
        // Given a layer and one row
        var random = new NumpyRandom((uint)(inputs * 100 + outputs));
        var network = Network<double>.Create(inputs, [outputs], 2);
        network.InitializeLikeTutorial(random, 0.3);
        double[] x = [.. Enumerable.Range(0, inputs).Select(_ => random.Randn())];
        var reference = new double[outputs];
        ReferencePass.DenseForward<double>(x, network.Layers[0].Weights, network.Layers[0].Bias, reference, 1, inputs, outputs);

        // When the one-row path runs
        network.Forward(x, 1);
        double[] fast = network.PreActivation(0).ToArray();

        // Then z agrees to rounding: a few units in the last place of the largest term
        double scale = Enumerable.Range(0, inputs).Max(i => Math.Abs(x[i])) * network.Layers[0].Weights.Max(Math.Abs) * inputs;
        for (int o = 0; o < outputs; o++)
        {
            Assert.True(Math.Abs(fast[o] - reference[o]) <= 4 * double.Epsilon + (scale * 1e-15), $"z[{o}]: {fast[o]:R} vs {reference[o]:R}");
        }
    }

    [Theory]
    [InlineData(new[] { 12 }, 3)]                                   // a 512-bit vector of columns, then four single ones
    [InlineData(new[] { 16, 5 }, 2)]                                // two hidden layers: dL/dh through both
    [InlineData(new[] { 8 }, 2)]                                    // the tutorial's shape
    public void One_row_backward_gives_the_plain_loops_bits(int[] hidden, int classes)
    {
        // Given two copies of a network with weights k/8 and a row of small integers: every forward sum is exact,
        // so both paths see the same z, h and p, and the backward pass alone is compared
        Network<double> fast = Dyadic(hidden, classes), reference = Dyadic(hidden, classes);
        reference.UseReferenceKernels = true;
        double[] x = [.. Enumerable.Range(0, 25).Select(i => (double)((i * 7) % 4))];
        int[] label = [1];
        fast.ForwardLoss(x, label, out _);
        reference.ForwardLoss(x, label, out _);
        Assert.Equal(reference.Probabilities.ToArray(), fast.Probabilities.ToArray());

        // When both run the backward pass, and then copies of them the fused backward + update
        fast.Backward(x, label);
        reference.Backward(x, label);

        // Then every gradient has the same bits, and the gradients are not all zero
        for (int l = 0; l < fast.Layers.Count; l++)
        {
            Assert.Equal(reference.Layers[l].WeightGradient, fast.Layers[l].WeightGradient);
            Assert.Equal(reference.Layers[l].BiasGradient, fast.Layers[l].BiasGradient);
            Assert.Equal(reference.PreActivationGradient(l).ToArray(), fast.PreActivationGradient(l).ToArray());
            Assert.Contains(fast.Layers[l].WeightGradient, g => g != 0);
        }
        Sgd.Step(reference, 0.25);
        Network<double> fused = Dyadic(hidden, classes);
        fused.ForwardLoss(x, label, out _);
        Sgd.BackwardAndStep(fused, x, label, 0.25);
        for (int l = 0; l < fused.Layers.Count; l++)
        {
            Assert.Equal(reference.Layers[l].Weights, fused.Layers[l].Weights);
            Assert.Equal(reference.Layers[l].Bias, fused.Layers[l].Bias);
        }
    }

    private static Network<double> Dyadic(int[] hidden, int classes)
    {
        var network = Network<double>.Create(25, hidden, classes);
        foreach (var layer in network.Layers)
        {
            for (int i = 0; i < layer.Weights.Length; i++)
            {
                layer.Weights[i] = (((i * 5) + layer.Outputs) % 9 - 4) / 8.0;              // −4/8 … 4/8
            }
            for (int o = 0; o < layer.Bias.Length; o++)
            {
                layer.Bias[o] = ((o % 3) - 1) / 8.0;
            }
        }
        return network;
    }

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

        // Then weights and biases agree to the bit, and the weights moved
        var (fresh, _) = FastKernelTests.RandomNetwork<double>(batch, 25, 12, 3);
        for (int l = 0; l < first.Layers.Count; l++)
        {
            Assert.Equal(first.Layers[l].Weights, second.Layers[l].Weights);
            Assert.Equal(first.Layers[l].Bias, second.Layers[l].Bias);
            Assert.NotEqual(fresh.Layers[l].Weights, second.Layers[l].Weights);
        }
    }

    private static void AssertTrainingClose<T>(int[] hidden, int classes, double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Given data and two identical networks, one forced onto the plain loops, trained one sample at a time
        var options = new TrainingOptions { Seed = 5, TrainSamples = 40, TestSamples = 10, Hidden = hidden, Epochs = 3, BatchSize = 1, Shuffle = true };
        var data = SeededSetup<T>.Create(options);
        Network<T> fast = Build<T>(hidden, classes);
        Network<T> reference = Build<T>(hidden, classes);
        reference.UseReferenceKernels = true;

        // When both train
        var fastHistory = Trainer.Train(fast, data.Train, data.Test, options, new NumpyRandom(9));
        var referenceHistory = Trainer.Train(reference, data.Train, data.Test, options, new NumpyRandom(9));

        // Then every weight and every reported number agrees within rounding
        for (int e = 0; e < referenceHistory.Count; e++)
        {
            Assert.Equal(referenceHistory[e].TrainLoss, fastHistory[e].TrainLoss, tolerance);
            Assert.Equal(referenceHistory[e].TrainAccuracy, fastHistory[e].TrainAccuracy);
            Assert.Equal(referenceHistory[e].TestLoss!.Value, fastHistory[e].TestLoss!.Value, tolerance);
        }
        for (int l = 0; l < fast.Layers.Count; l++)
        {
            for (int i = 0; i < fast.Layers[l].Weights.Length; i++)
            {
                Assert.Equal(double.CreateChecked(reference.Layers[l].Weights[i]), double.CreateChecked(fast.Layers[l].Weights[i]), tolerance);
            }
            for (int o = 0; o < fast.Layers[l].Bias.Length; o++)
            {
                Assert.Equal(double.CreateChecked(reference.Layers[l].Bias[o]), double.CreateChecked(fast.Layers[l].Bias[o]), tolerance);
            }
        }
    }

    private static void AssertSameBitsAtEveryWidth<T>(int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Given a layer, a row with a zero and a negative zero in it, and a bias
        var random = new NumpyRandom((uint)(inputs * 1000 + outputs));
        T[] x = [.. Enumerable.Range(0, inputs).Select(_ => T.CreateChecked(random.Randn()))];
        T[] w = [.. Enumerable.Range(0, inputs * outputs).Select(_ => T.CreateChecked(random.Randn()))];
        T[] b = [.. Enumerable.Range(0, outputs).Select(_ => T.CreateChecked(random.Randn()))];
        x[0] = T.Zero;
        x[^1] = inputs > 1 ? T.NegativeZero : x[^1];

        // When the plain loop and every vector width compute z and h (widths wider than the row are skipped)
        (T[] Z, T[] H) plain = Run((in SingleRow.Row<T> row, ref T rb, ref T rz, ref T rh) => SingleRow.ForwardScalar(row, ref rb, ref rz, ref rh, true));
        var widths = new List<(T[] Z, T[] H)>();
        if (outputs >= Vector128<T>.Count)
        {
            widths.Add(Run((in SingleRow.Row<T> row, ref T rb, ref T rz, ref T rh) => SingleRow.Forward<T, Vector128<T>, Simd128<T>>(row, ref rb, ref rz, ref rh, true)));
        }
        if (outputs >= Vector256<T>.Count)
        {
            widths.Add(Run((in SingleRow.Row<T> row, ref T rb, ref T rz, ref T rh) => SingleRow.Forward<T, Vector256<T>, Simd256<T>>(row, ref rb, ref rz, ref rh, true)));
        }
        if (outputs >= Vector512<T>.Count)
        {
            widths.Add(Run((in SingleRow.Row<T> row, ref T rb, ref T rz, ref T rh) => SingleRow.Forward<T, Vector512<T>, Simd512<T>>(row, ref rb, ref rz, ref rh, true)));
        }

        // Then every width gives the plain loop's bits, and the test had real numbers to add
        foreach ((T[] z, T[] h) in widths)
        {
            Assert.Equal(plain.Z, z);
            Assert.Equal(plain.H, h);
        }
        Assert.NotEqual(T.Zero, plain.Z.Select(T.Abs).Max());

        (T[] Z, T[] H) Run(ForwardKernel<T> kernel)
        {
            var z = new T[outputs];
            var h = new T[outputs];
            var row = new SingleRow.Row<T>(ref x[0], ref w[0], inputs, outputs);
            kernel(row, ref b[0], ref z[0], ref h[0]);
            return (z, h);
        }
    }

    private delegate void ForwardKernel<T>(in SingleRow.Row<T> row, ref T b, ref T z, ref T h)
        where T : unmanaged;

    private static Network<T> Build<T>(int[] hidden, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var network = Network<T>.Create(25, hidden, classes);
        network.InitializeLikeTutorial(new NumpyRandom(3), 0.3);
        return network;
    }
}
