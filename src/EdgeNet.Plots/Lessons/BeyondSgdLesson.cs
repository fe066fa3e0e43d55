using EdgeNet.Layers;
using EdgeNet.Optimizers;
using EdgeNet.Training;

namespace EdgeNet.Plots.Lessons;

/// <summary>
/// The guide's "Beyond SGD" experiment, small enough to run whenever the guide is written: the same 25→8→2 network from
/// the same initial weights (<see cref="LessonData.Seed"/>), trained on the same varied patches in the same shuffled
/// order, once with each optimizer (ReLU) and once with each hidden activation (plain SGD).
/// </summary>
internal sealed class BeyondSgdLesson
{
    /// <summary>The loss every run is timed to reach: the first epoch whose mean training loss is at most this.</summary>
    public const double TargetLoss = 0.1;

    /// <summary>What every run shares: varied patches, 1000 to train and 200 to test, 20 epochs of batches of 10, shuffled.</summary>
    public static TrainingOptions Common { get; } = LessonData.Options(trainSamples: 1000, testSamples: 200, epochs: 20, batchSize: 10, shuffle: true);

    /// <summary>
    /// One run per optimizer with torch.optim's defaults and the learning rate it is usually given: 0.1 (the tutorial's)
    /// for SGD, momentum, Nesterov and Adagrad, 0.01 for RMSprop, Adam and AdamW, which divide by the root of a square.
    /// </summary>
    public static IReadOnlyList<(string Name, TrainingOptions Options)> OptimizerRuns { get; } =
        [.. Enum.GetValues<OptimizerKind>().Select(kind => (OptimizerNames.Name(kind), Common with
        {
            Optimizer = OptimizerSettings.For(kind),
            LearningRate = kind is OptimizerKind.RmsProp or OptimizerKind.Adam or OptimizerKind.AdamW ? 0.01 : 0.1,
        }))];

    /// <summary>One run per hidden activation, all with the tutorial's SGD and α 0.1.</summary>
    public static IReadOnlyList<(string Name, TrainingOptions Options)> ActivationRuns { get; } =
        [.. Enum.GetValues<HiddenActivation>().Select(activation => (HiddenActivations.Name(activation), Common with { Activation = activation }))];

    private BeyondSgdLesson(IReadOnlyList<LessonRun> optimizers, IReadOnlyList<LessonRun> activations)
    {
        Optimizers = optimizers;
        Activations = activations;
    }

    /// <summary>The optimizer runs, in <see cref="OptimizerRuns"/>' order.</summary>
    public IReadOnlyList<LessonRun> Optimizers { get; }

    /// <summary>The activation runs, in <see cref="ActivationRuns"/>' order.</summary>
    public IReadOnlyList<LessonRun> Activations { get; }

    /// <summary>Trains every run.</summary>
    public static BeyondSgdLesson Run() =>
        new([.. OptimizerRuns.Select(r => Train(r.Name, r.Options))], [.. ActivationRuns.Select(r => Train(r.Name, r.Options))]);

    /// <summary>The first epoch (counting from 1) whose mean training loss is at most <paramref name="target"/>; null when none is.</summary>
    public static int? EpochsToReach(IReadOnlyList<EpochStats> history, double target)
    {
        for (int e = 0; e < history.Count; e++)
        {
            if (history[e].TrainLoss <= target)
            {
                return e + 1;
            }
        }
        return null;
    }

    private static LessonRun Train(string name, TrainingOptions options) =>
        new(name, options, LessonData.Train(options, LessonData.Varied).History);

    /// <summary>One training run: its name, its options and its epochs.</summary>
    public sealed record LessonRun(string Name, TrainingOptions Options, IReadOnlyList<EpochStats> History);
}
