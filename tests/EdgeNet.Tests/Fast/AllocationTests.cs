using System.Numerics;
using EdgeNet.Optimizers;

namespace EdgeNet.Tests.Fast;

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
