using System.Numerics;
using EdgeNet.Layers;
using EdgeNet.Optimizers;

namespace EdgeNet.Tests.Optimization;

/// <summary>
/// A training step with any optimizer (forward, loss, backward, <see cref="Optimizer{T}.Step"/>) allocates nothing once
/// the buffers exist: an allocation count, not a timing.
/// </summary>
public sealed class OptimizerAllocationTests
{
    public static TheoryData<OptimizerKind, int> KindsAndBatches
    {
        get
        {
            var data = new TheoryData<OptimizerKind, int>();
            foreach (OptimizerKind kind in Enum.GetValues<OptimizerKind>())
            {
                data.Add(kind, 1);                                  // the tutorial's step
                data.Add(kind, 64);                                 // a mini-batch
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndBatches))]
    public void Optimizer_steps_allocate_no_bytes_after_warm_up_double(OptimizerKind kind, int batch) =>
        AssertNoAllocation<double>(OptimizerSettings.For(kind), HiddenActivation.Relu, batch);

    [Theory]
    [MemberData(nameof(KindsAndBatches))]
    public void Optimizer_steps_allocate_no_bytes_after_warm_up_float(OptimizerKind kind, int batch) =>
        AssertNoAllocation<float>(OptimizerSettings.For(kind), HiddenActivation.Relu, batch);

    [Theory]
    [InlineData(OptimizerKind.Sgd, HiddenActivation.Tanh)]
    [InlineData(OptimizerKind.Momentum, HiddenActivation.LeakyRelu)]
    [InlineData(OptimizerKind.Adam, HiddenActivation.Sigmoid)]
    public void Steps_with_weight_decay_and_any_activation_allocate_no_bytes(OptimizerKind kind, HiddenActivation activation) =>
        AssertNoAllocation<double>(OptimizerSettings.For(kind) with { WeightDecay = 0.05 }, activation, 8);

    [Theory]
    [InlineData(OptimizerKind.Momentum)]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.AdamW)]
    public void Reset_allocates_nothing_and_then_steps_as_a_fresh_optimizer(OptimizerKind kind)
    {
        // Given two copies of a network, one optimizer stepped 7 times and then reset, and one never stepped
        static Network<double> Seeded()
        {
            var network = Network<double>.Create(25, [8], 2);
            network.InitializeLikeTutorial(new NumpyRandom(5), 0.3);
            return network;
        }
        var random = new NumpyRandom(6);
        double[] x = [.. Enumerable.Range(0, 4 * 25).Select(_ => random.Rand())];
        int[] labels = [0, 1, 1, 0];
        Network<double> network = Seeded(), twin = Seeded();
        var used = new Optimizer<double>(OptimizerSettings.For(kind) with { WeightDecay = 0.01 }, 0.01, network.Layers);
        var fresh = new Optimizer<double>(OptimizerSettings.For(kind) with { WeightDecay = 0.01 }, 0.01, twin.Layers);
        for (int i = 0; i < 7; i++)
        {
            network.ForwardLoss(x, labels, out _);
            network.Backward(x, labels);
            used.Step(network.Layers);                              // state and bias corrections move on
        }
        for (int l = 0; l < twin.Layers.Count; l++)
        {
            twin.Layers[l].Weights.CopyTo(network.Layers[l].Weights, 0);   // the same weights again
            twin.Layers[l].Bias.CopyTo(network.Layers[l].Bias, 0);
        }

        // When it is reset, and both take three steps
        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        used.Reset();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        for (int i = 0; i < 3; i++)
        {
            Step(network, used, x, labels);
            Step(twin, fresh, x, labels);
        }

        // Then Reset allocated nothing and the two are the same to the bit: the state and the step count started over
        Assert.Equal(0, allocated);
        Assert.Equal(3, used.Steps);
        for (int l = 0; l < twin.Layers.Count; l++)
        {
            Assert.Equal(twin.Layers[l].Weights, network.Layers[l].Weights);
            Assert.Equal(twin.Layers[l].Bias, network.Layers[l].Bias);
            Assert.Equal(fresh.FirstState[l].Weights, used.FirstState[l].Weights);
        }
    }

    private static void AssertNoAllocation<T>(OptimizerSettings settings, HiddenActivation activation, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Given the tutorial's 25→8→2 network, a batch and an optimizer, warmed up (state allocated, methods compiled through the JIT tiers)
        var random = new NumpyRandom(17);
        var network = Network<T>.Create(25, [8], 2, activation);
        network.InitializeLikeTutorial(random, 0.3);
        T[] x = [.. Enumerable.Range(0, batch * 25).Select(_ => T.CreateChecked(random.Rand()))];
        int[] labels = [.. Enumerable.Range(0, batch).Select(n => n % 2)];
        var optimizer = new Optimizer<T>(settings, 0.001, network.Layers);
        T[] before = [.. network.Layers[0].Weights];
        for (int i = 0; i < 300; i++)
        {
            Step(network, optimizer, x, labels);
        }

        // When many more steps run
        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 300; i++)
        {
            Step(network, optimizer, x, labels);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;

        // Then every step ran, the weights moved, and nothing was allocated
        Assert.Equal(600, optimizer.Steps);
        Assert.NotEqual(before, network.Layers[0].Weights.ToArray());
        Assert.Equal(0, allocated);
    }

    private static void Step<T>(Network<T> network, Optimizer<T> optimizer, T[] x, int[] labels)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        network.ForwardLoss(x, labels, out _);                      // forward + loss
        network.Backward(x, labels);                                // dL/dW, dL/db into the layers
        optimizer.Step(network.Layers);                             // the rule's update
    }
}
