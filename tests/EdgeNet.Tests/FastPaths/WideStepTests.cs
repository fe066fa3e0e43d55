using System.Numerics;
using EdgeNet.Optimizers;

namespace EdgeNet.Tests.FastPaths;

/// <summary>
/// Mini-batch SGD steps of wide layers (packed GEMM panels, row-major path) against the plain loops' backward
/// followed by the plain step: the same bits, gradients still readable afterwards.
/// </summary>
public sealed class WideStepTests
{
    public static TheoryData<int, int, int, int> Shapes => new()
    {
        { 64, 200, 70, 10 },                                        // packed panels, a single-vector tail, a narrow output layer
        { 13, 785, 64, 3 },                                         // 6-row tiles with 4- and 1-row leftovers
        { 12, 30, 17, 2 },                                          // one panel row of tiles, ragged columns
        { 5, 9, 40, 7 },                                            // too few rows to pack: the step after the product
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Backward_and_step_equal_backward_then_step_on_the_plain_loops_float(int batch, int inputs, int hidden, int classes) =>
        AssertSameSteps<float>(batch, inputs, hidden, classes);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Backward_and_step_equal_backward_then_step_on_the_plain_loops_double(int batch, int inputs, int hidden, int classes) =>
        AssertSameSteps<double>(batch, inputs, hidden, classes);

    private static void AssertSameSteps<T>(int batch, int inputs, int hidden, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Given two identical networks and a batch, one on the plain loops
        var (fast, x) = FastKernelTests.RandomNetwork<T>(batch, inputs, hidden, classes);
        var (reference, _) = FastKernelTests.RandomNetwork<T>(batch, inputs, hidden, classes);
        reference.UseReferenceKernels = true;
        int[] labels = [.. Enumerable.Range(0, batch).Select(n => (n * 5) % classes)];
        T rate = T.CreateChecked(0.05);

        for (int step = 0; step < 2; step++)                       // the second step runs on the updated weights
        {
            // When the fast network takes backward-and-step and the reference network backward, then the step
            fast.ForwardLoss(x, labels, out _);
            reference.ForwardLoss(x, labels, out _);
            Sgd.BackwardAndStep(fast, x, labels, rate);
            reference.Backward(x, labels);
            Sgd.Step(reference, rate);

            // Then weights, biases, their gradients and dL/dh are the same bits
            for (int l = 0; l < fast.Layers.Count; l++)
            {
                Assert.Equal(reference.Layers[l].WeightGradient, fast.Layers[l].WeightGradient);
                Assert.Equal(reference.Layers[l].BiasGradient, fast.Layers[l].BiasGradient);
                Assert.Equal(reference.Layers[l].Weights, fast.Layers[l].Weights);
                Assert.Equal(reference.Layers[l].Bias, fast.Layers[l].Bias);
            }
            Assert.Equal(reference.ActivationGradient(0).ToArray(), fast.ActivationGradient(0).ToArray());
        }
        Assert.NotEqual(T.Zero, fast.Layers[0].WeightGradient.Select(T.Abs).Max()); // and the step moved something
    }
}
