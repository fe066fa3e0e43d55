using System.Numerics;
using EdgeNet.Passes;
using EdgeNet.Optimizers;
using EdgeNet.Training;

namespace EdgeNet.Tests.FastPaths;

/// <summary>
/// Mini-batches of narrow networks run feature-major (the batch across the vector lanes) against the plain loops.
/// Tolerance: z of every layer and dL/dh are the same bits (same order of fused multiply-adds); p, the loss, dL/dW
/// and dL/db may differ by rounding — the vector exponential and logarithm, and sums down the batch added lane by
/// lane — within 1e-5 of the larger of 1 and the reference's largest magnitude. Float only: float64 never takes this
/// path, so it stays bit-identical to the plain loops on every machine. The path needs AVX-512: without it each
/// float test here is skipped with that reason (the batches then take the matrix products, tested in
/// <see cref="FastKernelTests"/>), never silently run against another path.
/// </summary>
public sealed class FeatureMajorTests
{
    public static TheoryData<int, int, int[], int> Shapes => new()
    {
        { 256, 25, [8], 2 },                                        // the tutorial's net, batch 256
        { 100, 25, [8], 2 },                                        // a batch that is not whole vectors: padding
        { 67, 13, [5, 3], 4 },                                      // deeper, odd sizes
        { 64, 25, [8], 2 },                                         // one forward chunk exactly
        { 300, 25, [8], 2 },                                        // several chunks, the last one short and ragged
        { 130, 16, [16], 3 },                                       // 16 inputs and 16 outputs: whole 16 × 16 blocks
        { 97, 40, [12, 7], 5 },                                     // three blocks of inputs, the last overlapping
        { 75, 7, [3], 16 },                                         // fewer than 16 inputs; 16 classes
        { 80, 1, [1], 2 },                                          // one input, one hidden unit
    };

    [SkippableTheory]
    [MemberData(nameof(Shapes))]
    public void A_step_matches_the_plain_loops_float(int batch, int inputs, int[] hidden, int classes) =>
        AssertStepMatches<float>(batch, inputs, hidden, classes, 1e-5);

    [SkippableFact]
    public void A_confident_network_matches_the_plain_loops_float() =>
        AssertStepMatches<float>(256, 25, [8], 2, 1e-5, scale: 5);     // gaps between z's far beyond e^−64

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Double_never_takes_the_feature_major_path(int batch, int inputs, int[] hidden, int classes)
    {
        (Network<double> network, _) = Build<double>(batch, inputs, hidden, classes);
        Assert.False(FeatureMajorPass<double>.Fits(network.Layers, batch));
    }

    [Fact]
    public void Mini_batch_training_in_double_is_bit_identical_to_the_plain_loops()
    {
        // Given two identical setups, one forced onto the plain loops, with batches the float path would take
        var options = new TrainingOptions { Seed = 5, TrainSamples = 400, TestSamples = 50, Epochs = 5, BatchSize = 100, Shuffle = true };
        var fast = SeededSetup<double>.Create(options);
        var reference = SeededSetup<double>.Create(options);
        reference.Network.UseReferenceKernels = true;

        // When both train
        Trainer.Train(fast.Network, fast.Train, fast.Test, options, fast.Random);
        Trainer.Train(reference.Network, reference.Train, reference.Test, options, reference.Random);

        // Then every weight is the same bits
        for (int l = 0; l < fast.Network.Layers.Count; l++)
        {
            Assert.Equal(reference.Network.Layers[l].Weights, fast.Network.Layers[l].Weights);
            Assert.Equal(reference.Network.Layers[l].Bias, fast.Network.Layers[l].Bias);
        }
    }

    [SkippableFact]
    public void Accessors_after_a_forward_pass_alone_match_the_plain_loops()
    {
        // Given two identical networks, one on the plain loops, and a ragged batch
        const int batch = 90;
        (Network<float> fast, float[] x) = Build<float>(batch, 25, [8], 2);
        RequireFeatureMajor(fast, batch);
        (Network<float> reference, _) = Build<float>(batch, 25, [8], 2);
        reference.UseReferenceKernels = true;
        int[] labels = [.. Enumerable.Range(0, batch).Select(n => n % 2)];

        // When each runs only the forward pass with the loss
        fast.ForwardLoss(x, labels, out _);
        reference.ForwardLoss(x, labels, out _);

        // Then p, z and h read back row-major agree (z and h bit for bit)
        AssertClose(reference.Probabilities, fast.Probabilities, 1e-5);
        for (int l = 0; l < fast.Layers.Count; l++)
        {
            Assert.Equal(reference.PreActivation(l).ToArray(), fast.PreActivation(l).ToArray());
            Assert.Equal(reference.Activation(l).ToArray(), fast.Activation(l).ToArray());
        }
    }

    [SkippableFact]
    public void Ties_between_two_classes_give_one_half_and_count_the_first_class()
    {
        // Given a network whose last layer outputs the same z for both classes (zero weights, equal biases)
        const int batch = 96;
        (Network<float> fast, float[] x) = Build<float>(batch, 25, [8], 2);
        RequireFeatureMajor(fast, batch);
        (Network<float> reference, _) = Build<float>(batch, 25, [8], 2);
        reference.UseReferenceKernels = true;
        foreach (Network<float> network in new[] { fast, reference })
        {
            Array.Clear(network.Layers[1].Weights);
            network.Layers[1].Bias[0] = network.Layers[1].Bias[1] = 0.25f;
        }
        int[] labels = [.. Enumerable.Range(0, batch).Select(n => n % 3 == 0 ? 1 : 0)];

        // When each runs the forward pass with the loss
        float fastLoss = fast.ForwardLoss(x, labels, out int fastCorrect);
        float referenceLoss = reference.ForwardLoss(x, labels, out int referenceCorrect);

        // Then every p is one half, the loss is batch·log 2, and the rows labelled 0 count as right
        Assert.All(fast.Probabilities.ToArray(), p => Assert.Equal(0.5f, p));
        Assert.Equal(referenceLoss, fastLoss, 1e-3f);
        Assert.Equal(batch * MathF.Log(2), fastLoss, 1e-3f);
        Assert.Equal(referenceCorrect, fastCorrect);
        Assert.Equal(labels.Count(l => l == 0), fastCorrect);
    }

    [SkippableFact]
    public void Backward_then_a_separate_step_matches_the_plain_loops()
    {
        // Given two identical networks, one on the plain loops
        const int batch = 144;
        (Network<float> fast, float[] x) = Build<float>(batch, 25, [8], 2);
        RequireFeatureMajor(fast, batch);
        (Network<float> reference, _) = Build<float>(batch, 25, [8], 2);
        reference.UseReferenceKernels = true;
        int[] labels = [.. Enumerable.Range(0, batch).Select(n => (n / 3) % 2)];

        // When each runs forward, Backward (no update), then Sgd.Step
        fast.ForwardLoss(x, labels, out _);
        reference.ForwardLoss(x, labels, out _);
        fast.Backward(x, labels);
        reference.Backward(x, labels);
        Sgd.Step(fast, 0.1f);
        Sgd.Step(reference, 0.1f);

        // Then the gradients and the updated parameters agree
        for (int l = 0; l < fast.Layers.Count; l++)
        {
            AssertClose(reference.Layers[l].WeightGradient, fast.Layers[l].WeightGradient, 1e-5);
            AssertClose(reference.Layers[l].BiasGradient, fast.Layers[l].BiasGradient, 1e-5);
            AssertClose(reference.Layers[l].Weights, fast.Layers[l].Weights, 1e-5);
        }
    }

    [SkippableFact]
    public void Many_steps_on_one_batch_stay_close_to_the_plain_loops()
    {
        // Given two identical networks, one on the plain loops, and the tutorial's batch shape
        const int batch = 256, steps = 200;
        (Network<float> fast, float[] x) = Build<float>(batch, 25, [8], 2);
        RequireFeatureMajor(fast, batch);
        (Network<float> reference, _) = Build<float>(batch, 25, [8], 2);
        reference.UseReferenceKernels = true;
        int[] labels = [.. Enumerable.Range(0, batch).Select(n => (x[n * 25] > 0.5f) ? 1 : 0)];

        // When each takes many SGD steps on it (at a rate where the descent is smooth, not chaotic)
        float fastLoss = 0, referenceLoss = 0;
        for (int s = 0; s < steps; s++)
        {
            fastLoss = fast.ForwardLoss(x, labels, out _);
            referenceLoss = reference.ForwardLoss(x, labels, out _);
            Sgd.BackwardAndStep(fast, x, labels, 0.1f);
            Sgd.BackwardAndStep(reference, x, labels, 0.1f);
        }

        // Then the loss and the weights have not drifted apart
        AssertClose([referenceLoss], [fastLoss], 1e-5 * batch);
        for (int l = 0; l < fast.Layers.Count; l++)
        {
            AssertClose(reference.Layers[l].Weights, fast.Layers[l].Weights, 1e-4);
        }
    }

    private static void AssertStepMatches<T>(int batch, int inputs, int[] hidden, int classes, double tolerance, double scale = 0.5)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Given two identical random networks and a batch, one network on the plain loops
        (Network<T> fast, T[] x) = Build<T>(batch, inputs, hidden, classes, scale);
        (Network<T> reference, _) = Build<T>(batch, inputs, hidden, classes, scale);
        reference.UseReferenceKernels = true;
        int[] labels = [.. Enumerable.Range(0, batch).Select(n => (n * 7 / 3) % classes)];
        RequireFeatureMajor(fast, batch);
        T rate = T.CreateChecked(0.1);

        // When each takes one SGD step
        T fastLoss = fast.ForwardLoss(x, labels, out int fastCorrect);
        T referenceLoss = reference.ForwardLoss(x, labels, out int referenceCorrect);
        Sgd.BackwardAndStep(fast, x, labels, rate);
        Sgd.BackwardAndStep(reference, x, labels, rate);

        // Then z and h are the same bits, everything else (read back after the update) agrees within the tolerance
        AssertClose([referenceLoss], [fastLoss], tolerance * batch);
        Assert.Equal(referenceCorrect, fastCorrect);
        AssertClose(reference.Probabilities, fast.Probabilities, tolerance);
        for (int l = 0; l < fast.Layers.Count; l++)
        {
            Assert.Equal(reference.PreActivation(l).ToArray(), fast.PreActivation(l).ToArray());
            Assert.Equal(reference.Activation(l).ToArray(), fast.Activation(l).ToArray());
            AssertClose(reference.PreActivationGradient(l), fast.PreActivationGradient(l), tolerance);
            AssertClose(reference.ActivationGradient(l), fast.ActivationGradient(l), tolerance);
            AssertClose(reference.Layers[l].WeightGradient, fast.Layers[l].WeightGradient, tolerance);
            AssertClose(reference.Layers[l].BiasGradient, fast.Layers[l].BiasGradient, tolerance);
            AssertClose(reference.Layers[l].Weights, fast.Layers[l].Weights, tolerance);
            AssertClose(reference.Layers[l].Bias, fast.Layers[l].Bias, tolerance);
        }
    }

    /// <summary>Skips the test, saying why, where the batch cannot take the feature-major path; else checks it does.</summary>
    private static void RequireFeatureMajor<T>(Network<T> fast, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        PassPlan plan = fast.Plan(batch);
        Skip.If(plan.Path != PassPath.FeatureMajor && !(Kernels.Simd512<float>.IsAccelerated && Kernels.Lanes16.IsSupported), $"needs AVX-512 for the feature-major kernels; here: {plan.Reason}");
        Assert.Equal(PassPath.FeatureMajor, plan.Path);
    }

    private static (Network<T> Network, T[] X) Build<T>(int batch, int inputs, int[] hidden, int classes, double scale = 0.5)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new NumpyRandom(23);
        var network = Network<T>.Create(inputs, hidden, classes);
        network.InitializeLikeTutorial(random, scale);
        T[] x = [.. Enumerable.Range(0, batch * inputs).Select(_ => T.CreateChecked(random.Rand()))];
        return (network, x);
    }

    private static void AssertClose<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 1;
        foreach (T e in expected)
        {
            scale = Math.Max(scale, Math.Abs(double.CreateChecked(e)));
        }
        for (int i = 0; i < expected.Length; i++)
        {
            double difference = Math.Abs(double.CreateChecked(expected[i]) - double.CreateChecked(actual[i]));
            Assert.True(difference <= tolerance * scale, $"[{i}]: expected {expected[i]}, got {actual[i]} (off by {difference:E2})");
        }
    }
}
