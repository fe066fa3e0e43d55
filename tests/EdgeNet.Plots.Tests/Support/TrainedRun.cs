using EdgeNet.Training;

namespace EdgeNet.Plots.Tests.Support;

/// <summary>A short seeded training run the figure tests draw from (a few epochs: the pictures need real numbers, not a converged net).</summary>
internal sealed class TrainedRun
{
    private static readonly Lazy<TrainedRun> Shared = new(() => new TrainedRun(new TrainingOptions { Epochs = 5 }));

    public TrainedRun(TrainingOptions options)
    {
        Options = options;
        Setup = SeededSetup<double>.Create(options);
        History = Trainer.Train(Setup.Network, Setup.Train, Setup.Test, options, Setup.Random);
    }

    public static TrainedRun Tutorial => Shared.Value;

    public TrainingOptions Options { get; }

    public SeededSetup<double> Setup { get; }

    public IReadOnlyList<EpochStats> History { get; }

    public Network<double> Network => Setup.Network;
}
