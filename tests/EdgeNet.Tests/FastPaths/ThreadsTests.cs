using System.Collections.Concurrent;
using System.Numerics;
using EdgeNet.Kernels;
using EdgeNet.Optimizers;

namespace EdgeNet.Tests.FastPaths;

/// <summary>
/// <see cref="Network{T}.Threads"/>: large products split their rows across threads, and the numbers must not depend
/// on how many threads there are. Also the pool behind it (<see cref="WorkerPool"/>).
/// </summary>
public sealed class ThreadsTests
{
    [Theory]
    [InlineData(3)]                                                 // more than this machine's two cores: the pool caps it
    public void Mini_batch_training_gives_the_same_bits_on_any_number_of_threads_double(int threads) =>
        AssertSameBitsOnThreads<double>(threads);

    [Theory]
    [InlineData(2)]
    public void Mini_batch_training_gives_the_same_bits_on_any_number_of_threads_float(int threads) =>
        AssertSameBitsOnThreads<float>(threads);

    [Fact]
    public void Threaded_steps_allocate_no_bytes_after_warm_up()
    {
        // Given a network large enough to split its products, on two threads, warmed up
        var (network, x, labels) = Setup<double>(2, Small);
        Assert.True(Gemm.Splits(Batch, Small[1], Small[0], 2));   // z1 = x·W1 splits
        for (int i = 0; i < 3; i++)
        {
            Step(network, x, labels);
        }

        // When more steps run
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 3; i++)
        {
            Step(network, x, labels);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then nothing was allocated
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Threads_below_one_are_refused()
    {
        var network = Network<double>.Create(4, [3], 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => network.Threads = 0);
        Assert.Equal(1, network.Threads);
    }

    [Fact]
    public void The_pool_runs_every_part_once_and_caps_the_parts_at_its_threads()
    {
        // Given work that records which parts ran
        var work = new Recorder();

        // When the pool runs it in more parts than it has threads
        WorkerPool.Shared.Run(work, WorkerPool.Shared.Threads + 3);

        // Then each part ran once, and as many parts as threads
        Assert.Equal(Enumerable.Range(0, WorkerPool.Shared.Threads), work.Parts.Order());
        Assert.All(work.PartsSeen, seen => Assert.Equal(WorkerPool.Shared.Threads, seen));
    }

    [Fact]
    public void A_failing_part_fails_the_call_and_leaves_the_pool_usable()
    {
        // Given work whose last part throws
        var failing = new Recorder(failPart: WorkerPool.Shared.Threads - 1);

        // When it runs, and other work runs after it
        var error = Assert.Throws<InvalidOperationException>(() => WorkerPool.Shared.Run(failing, WorkerPool.Shared.Threads));
        var next = new Recorder();
        WorkerPool.Shared.Run(next, WorkerPool.Shared.Threads);

        // Then the failure reached the caller and the pool still runs every part
        Assert.Contains("part", error.Message);
        Assert.Equal(Enumerable.Range(0, WorkerPool.Shared.Threads), next.Parts.Order());
    }

    [Fact]
    public void Callers_on_several_threads_at_once_all_get_their_numbers()
    {
        // Given three copies of a network, each trained on its own thread at the same time as the others
        var (expected, x, labels) = Setup<double>(1, Small);
        Step(expected, x, labels);
        var copies = Enumerable.Range(0, 3).Select(_ => Setup<double>(2, Small).Network).ToArray();

        // When they all train at once (the pool takes one job at a time; the others run on their own thread)
        Parallel.ForEach(copies, new ParallelOptions { MaxDegreeOfParallelism = 3 }, copy => Step(copy, x, labels));

        // Then every copy has the single-threaded bits
        Assert.All(copies, copy => Assert.Equal(expected.Layers[0].Weights, copy.Layers[0].Weights));
    }

    private static void AssertSameBitsOnThreads<T>(int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Given two identical networks whose products are large enough to split (checked), one on one thread
        var (single, x, labels) = Setup<T>(1);
        var (several, _, _) = Setup<T>(threads);
        Assert.True(Gemm.Splits(Batch, Full[1], Full[0], threads)); // z1 = x·W1: rows of the batch
        Assert.True(Gemm.Splits(Full[0], Full[1], Batch, threads)); // dL/dW1 = xᵀ·dL/dz1: rows of W1
        Assert.True(Gemm.Splits(Batch, Full[2], Full[1], threads)); // z2 = h1·W2
        Assert.True(Gemm.Splits(Batch, Full[1], Full[2], threads)); // dL/dh1 = dL/dz2·W2ᵀ

        // When both take two steps
        for (int i = 0; i < 2; i++)
        {
            Step(single, x, labels);
            Step(several, x, labels);
        }

        // Then every weight and bias has the same bits, and they moved
        var (initial, _, _) = Setup<T>(1);
        for (int l = 0; l < single.Layers.Count; l++)
        {
            Assert.Equal(single.Layers[l].Weights, several.Layers[l].Weights);
            Assert.Equal(single.Layers[l].Bias, several.Layers[l].Bias);
            Assert.NotEqual(initial.Layers[l].Weights, several.Layers[l].Weights);
        }
    }

    private const int Batch = 1024;                                 // large enough that the products split

    /// <summary>300→256→128→10: every product of the step splits (dL/dh1 included).</summary>
    private static readonly int[] Full = [300, 256, 128];

    /// <summary>256→128→10: the first layer's products split (z1 and dL/dW1), at half the work.</summary>
    private static readonly int[] Small = [256, 128];

    private static (Network<T> Network, T[] X, int[] Labels) Setup<T>(int threads, int[]? sizes = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        sizes ??= Full;
        var random = new NumpyRandom(21);
        var network = Network<T>.Create(sizes[0], sizes[1..], 10);
        network.InitializeLikeTutorial(random, 0.05);
        network.Threads = threads;
        T[] x = [.. Enumerable.Range(0, Batch * sizes[0]).Select(_ => T.CreateChecked(random.Randn()))];
        int[] labels = [.. Enumerable.Range(0, Batch).Select(n => n % 10)];
        return (network, x, labels);
    }

    private static void Step<T>(Network<T> network, T[] x, int[] labels)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        network.ForwardLoss(x, labels, out _);
        Sgd.BackwardAndStep(network, x, labels, T.CreateChecked(0.05));
    }

    /// <summary>Work that records each part it ran and the part count it was given; one part may throw.</summary>
    private sealed class Recorder(int failPart = -1) : IParallelWork
    {
        public ConcurrentBag<int> Parts { get; } = [];

        public ConcurrentBag<int> PartsSeen { get; } = [];

        public void Run(int part, int parts)
        {
            Parts.Add(part);
            PartsSeen.Add(parts);
            if (part == failPart)
            {
                throw new InvalidOperationException($"part {part} failed on purpose");
            }
        }
    }
}
