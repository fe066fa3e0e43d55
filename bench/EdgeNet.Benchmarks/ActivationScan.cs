using BenchmarkDotNet.Attributes;
using EdgeNet.Inference;
using EdgeNet.Layers;
using EdgeNet.Reference;
using EdgeNet.Training;

namespace EdgeNet.Benchmarks;

/// <summary>
/// p(Edge) for every 5×5 window of a 1920×1080 image, float32, one thread, with the tutorial's initial 25→8→2 weights
/// (seed 42) and the given hidden activation; image = rand(1080, 1920) with seed 1, as <see cref="Workloads.Scan"/>.
/// <see cref="Fast"/> is <see cref="PatchScanner"/>; <see cref="Reference"/> the reference rows
/// (<see cref="ReferenceScan"/>) that scans of non-ReLU networks ran before they had vector kernels.
/// </summary>
public sealed class ActivationScan
{
    public const int Width = 1920;
    public const int Height = 1080;
    private readonly Network<float> _network;
    private readonly float[] _image;
    private readonly float[] _map = new float[Width * Height];
    private readonly ScanPlan<float> _plan;

    public ActivationScan(HiddenActivation activation)
    {
        _network = SeededSetup<float>.Create(new TrainingOptions { Activation = activation }).Network;
        var random = new NumpyRandom(1);
        _image = [.. Enumerable.Range(0, Width * Height).Select(_ => (float)random.Rand())];
        _plan = new ScanPlan<float>(_network, Width, Height, 5, 0, tile: 1);
    }

    public float Fast()
    {
        PatchScanner.Scan(_network, _image, Width, Height, 5, 0, _map, threads: 1);
        return _map[(Height / 2 * Width) + (Width / 2)];          // pixel (960, 540)
    }

    public float Reference()
    {
        ReferenceScan.Rows(_plan, _image, _map, 0, Height);
        return _map[(Height / 2 * Width) + (Width / 2)];
    }
}

/// <summary>The 1920×1080 float32 scan of <see cref="ActivationScan"/> for each hidden activation, one thread: fast path against reference rows.</summary>
[MemoryDiagnoser]
public class ActivationScanBenchmarks
{
    private ActivationScan _scan = null!;

    [Params("relu", "leaky-relu", "tanh", "sigmoid")]
    public string Activation { get; set; } = "relu";

    [GlobalSetup]
    public void Setup() => _scan = new ActivationScan(HiddenActivations.Parse(Activation) ?? throw new ArgumentException($"No activation {Activation}."));

    [Benchmark(Baseline = true, Description = "scan 1920x1080 f32, 1 thread, reference rows")]
    public float Reference() => _scan.Reference();

    [Benchmark(Description = "scan 1920x1080 f32, 1 thread, fast path")]
    public float Fast() => _scan.Fast();
}
