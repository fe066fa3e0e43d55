using BenchmarkDotNet.Attributes;
using EdgeNet.Layers;
using EdgeNet.Passes;
using EdgeNet.Training;

namespace EdgeNet.Benchmarks;

/// <summary>
/// Each pass object against the ones it stands in for, on the workload the planner gives it, in one run: the tutorial's
/// 25→8→2 float64 SGD step at batch 1 (the per-sample pipeline, the one-row pass, the GEMM pass, the plain loops),
/// and 25→8→2 float32 at batch 256 (the feature-major pass, where the processor has AVX-512, and the GEMM pass).
/// The same seeded weights and patches for every pass; each step is forward with the loss, then backward and update.
/// </summary>
[MemoryDiagnoser]
public class PassBenchmarks
{
    private Dense<double>[] _layers = null!;
    private double[] _x = null!;
    private int[] _labels = null!;
    private int[] _order = null!;
    private OneRowPass<double> _oneRow = null!;
    private GemmPass<double> _gemm = null!;
    private ReferenceLoopsPass<double> _reference = null!;
    private Dense<float>[] _layers256 = null!;
    private float[] _x256 = null!;
    private int[] _labels256 = null!;
    private GemmPass<float> _gemm256 = null!;
    private FeatureMajorPass<float> _featureMajor256 = null!;
    private int _sample;

    [GlobalSetup]
    public void Setup()
    {
        var setup = SeededSetup<double>.Create(new TrainingOptions());
        _layers = [.. setup.Network.Layers];
        _x = setup.Train.FeaturesAs<double>();
        _labels = setup.Train.Labels.ToArray();
        _order = [.. Enumerable.Range(0, _labels.Length)];
        _oneRow = new OneRowPass<double>(_layers);
        _gemm = new GemmPass<double>(_layers, HiddenActivation.Relu);
        _reference = new ReferenceLoopsPass<double>(_layers, HiddenActivation.Relu);
        var batch = SeededSetup<float>.Create(new TrainingOptions { TrainSamples = 256, TestSamples = 0 });
        _layers256 = [.. batch.Network.Layers];
        _x256 = batch.Train.FeaturesAs<float>();
        _labels256 = batch.Train.Labels.ToArray();
        _gemm256 = new GemmPass<float>(_layers256, HiddenActivation.Relu);
        _featureMajor256 = new FeatureMajorPass<float>(_layers256);
    }

    [Benchmark(OperationsPerInvoke = 100, Description = "25-8-2 b1 f64 step: per-sample pipeline (an epoch)")]
    public double PerSample() => _oneRow.TrainPerSample(_x, _labels, _order, 0.1).LossSum;

    [Benchmark(Description = "25-8-2 b1 f64 step: one-row pass")]
    public double OneRow() => Step(_oneRow);

    [Benchmark(Description = "25-8-2 b1 f64 step: GEMM pass")]
    public double Gemm() => Step(_gemm);

    [Benchmark(Baseline = true, Description = "25-8-2 b1 f64 step: reference pass")]
    public double Reference() => Step(_reference);

    [Benchmark(Description = "25-8-2 b256 f32 step: GEMM pass")]
    public float Gemm256() => Step256(_gemm256);

    [Benchmark(Description = "25-8-2 b256 f32 step: feature-major pass (AVX-512 only; 0 elsewhere)")]
    public float FeatureMajor256() => FeatureMajorPass<float>.Fits(_layers256, _labels256.Length) ? Step256(_featureMajor256) : 0f;

    private double Step(IPass<double> pass)
    {
        int n = _sample;
        _sample = n + 1 == _labels.Length ? 0 : n + 1;
        ReadOnlySpan<double> x = _x.AsSpan(n * 25, 25);
        ReadOnlySpan<int> y = _labels.AsSpan(n, 1);
        Forwarded<double> forwarded = pass.ForwardLoss(x, y);
        pass.Backward(forwarded, x, y, descend: true, 0.1);
        return forwarded.Loss;
    }

    private float Step256(IPass<float> pass)
    {
        Forwarded<float> forwarded = pass.ForwardLoss(_x256, _labels256);
        pass.Backward(forwarded, _x256, _labels256, descend: true, 0.1f);
        return forwarded.Loss;
    }
}
