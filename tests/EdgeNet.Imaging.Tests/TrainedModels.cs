using EdgeNet.Data;
using EdgeNet.Training;

namespace EdgeNet.Imaging.Tests;

/// <summary>Small seeded models trained once per test run on varied patches (3000 patches, 10 epochs of SGD).</summary>
internal static class TrainedModels
{
    private static readonly Lazy<(Network<double>, IReadOnlyList<string>)> OrientationModel = new(() => Train(EdgeTask.Orientation));
    private static readonly Lazy<(Network<double>, IReadOnlyList<string>)> EdgeModel = new(() => Train(EdgeTask.Edge));

    public static (Network<double> Network, IReadOnlyList<string> ClassNames) Orientation => OrientationModel.Value;

    public static (Network<double> Network, IReadOnlyList<string> ClassNames) Edge => EdgeModel.Value;

    private static (Network<double>, IReadOnlyList<string>) Train(EdgeTask task)
    {
        var options = new TrainingOptions { Seed = 1, TrainSamples = 3000, TestSamples = 0, Epochs = 10 };
        GeneratedData data = GeneratedData.VariedWith(new VariedOptions { Task = task });
        var setup = SeededSetup<double>.Create(options, data);
        Trainer.Train(setup.Network, setup.Train, null, options, setup.Random);
        return (setup.Network, data.ClassNames);
    }
}
