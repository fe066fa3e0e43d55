using EdgeNet.Data;
using EdgeNet.Training;

namespace EdgeNet.Plots.Tests.Support;

/// <summary>
/// A seeded training run trained here with the engine's own loop (seed → patches → initial weights, then
/// <see cref="Trainer.Train"/>), never through the guide's code: the figure tests draw from a short one, the guide's
/// lesson tests recompute the page's numbers from theirs.
/// </summary>
internal sealed class TrainedRun
{
    private static readonly Lazy<TrainedRun> Shared = new(() => new TrainedRun(new TrainingOptions { Epochs = 5 }));

    /// <summary>Trains <paramref name="options"/> on <paramref name="data"/> (the tutorial's patches when null).</summary>
    public TrainedRun(TrainingOptions options, GeneratedData? data = null)
    {
        Options = options;
        Setup = SeededSetup<double>.Create(options, data ?? GeneratedData.Tutorial);
        History = Trainer.Train(Setup.Network, Setup.Train, Setup.Test, options, Setup.Random);
    }

    /// <summary>A few epochs of the tutorial's run (the pictures need real numbers, not a converged net).</summary>

    public static TrainedRun Tutorial => Shared.Value;

    public TrainingOptions Options { get; }

    public SeededSetup<double> Setup { get; }

    public IReadOnlyList<EpochStats> History { get; }

    public Network<double> Network => Setup.Network;

    /// <summary>
    /// The held-out patches of a lesson: from <paramref name="seed"/>, after <paramref name="trainSamples"/> training
    /// patches, the next <paramref name="count"/> varied ones (with what each shows, into <paramref name="drawings"/>).
    /// </summary>
    public static Dataset HeldOut(uint seed, int trainSamples, int count, VariedOptions options, List<PatchDrawing>? drawings = null)
    {
        var random = new NumpyRandom(seed);
        VariedPatches.Generate(random, trainSamples, options);
        return VariedPatches.Generate(random, count, options, drawings);
    }
}
