using System.Numerics;
using EdgeNet.Optimizers;

namespace EdgeNet.Tests.FastPaths;

/// <summary>Training steps allocate nothing once the buffers exist: an allocation count, not a timing.</summary>
public sealed class AllocationTests
{
    [Theory]
    [InlineData(1, 25, 8, 2)]                                       // the tutorial's step
    [InlineData(64, 200, 70, 10)]                                   // larger layers, mini-batch
    [InlineData(256, 25, 8, 2)]
    public void Sgd_steps_allocate_no_bytes_after_warm_up_double(int batch, int inputs, int hidden, int classes) =>
        AssertNoAllocation<double>(batch, inputs, hidden, classes);

    [Theory]
    [InlineData(1, 25, 8, 2)]
    [InlineData(64, 200, 70, 10)]
    [InlineData(256, 25, 8, 2)]                                     // narrow layers: the feature-major path
    [InlineData(100, 25, 8, 2)]
    public void Sgd_steps_allocate_no_bytes_after_warm_up_float(int batch, int inputs, int hidden, int classes) =>
        AssertNoAllocation<float>(batch, inputs, hidden, classes);

    [Theory]
    [InlineData(8, 2)]                                              // the tutorial's loop: the per-sample pipeline
    [InlineData(40, 2)]                                             // too wide for it: the one-step API, sample by sample
    public void Per_sample_passes_allocate_no_bytes_after_warm_up(int hidden, int classes)
    {
        // Given a network, 50 samples and an order, warmed up
        var (network, x) = FastKernelTests.RandomNetwork<double>(50, 25, hidden, classes);
        int[] labels = [.. Enumerable.Range(0, 50).Select(n => n % classes)];
        int[] order = [.. Enumerable.Range(0, 50).Reverse()];
        for (int i = 0; i < 100; i++)
        {
            Sgd.TrainPerSample(network, x, labels, order, 0.01);
        }

        // When many more passes run
        long before = GC.GetAllocatedBytesForCurrentThread();
        int steps = 0;
        for (int i = 0; i < 100; i++)
        {
            steps += Sgd.TrainPerSample(network, x, labels, order, 0.01).Steps;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then every step ran and nothing was allocated
        Assert.Equal(100 * 50, steps);
        Assert.Equal(0, allocated);
    }

    private static void AssertNoAllocation<T>(int batch, int inputs, int hidden, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Given a network and a batch, warmed up (buffers sized, methods compiled through the JIT tiers)
        var (network, x) = FastKernelTests.RandomNetwork<T>(batch, inputs, hidden, classes);
        int[] labels = [.. Enumerable.Range(0, batch).Select(n => n % classes)];
        T rate = T.CreateChecked(0.01);
        for (int i = 0; i < 300; i++)
        {
            Step(network, x, labels, rate);
        }

        // When many more steps run
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            Step(network, x, labels, rate);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then nothing was allocated
        Assert.Equal(0, allocated);
    }

    private static void Step<T>(Network<T> network, T[] x, int[] labels, T rate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        network.ForwardLoss(x, labels, out _);                      // forward + loss
        network.Backward(x, labels);                                // backward
        Sgd.Step(network, rate);                                    // update
        network.ForwardLoss(x, labels, out _);                      // and the trainer's way: backward and update in one sweep
        Sgd.BackwardAndStep(network, x, labels, rate);
    }
}
