using EdgeNet.Data;
using EdgeNet.Models;
using EdgeNet.Training;

namespace EdgeNet.Plots.Lessons;

/// <summary>
/// What every experiment of the guide starts from, in one place so that each lesson reads as what it changes: one
/// seed for the patches, the initial weights and every shuffle; the varied generator with its defaults; runs of the
/// tutorial's network and learning rate that differ only in their patches, epochs and batches; and training as
/// <c>edgenet train</c> does it (seed → patches → initial weights → epochs).
/// </summary>
internal static class LessonData
{
    /// <summary>Seed of every lesson run and of its held-out patches.</summary>
    public const uint Seed = 42;

    /// <summary>The varied generator's defaults, edge task.</summary>
    public static GeneratedData Varied { get; } = GeneratedData.VariedWith(new VariedOptions());

    /// <summary>
    /// A run from <see cref="Seed"/> with the tutorial's 25→8→2 network, ReLU, SGD and α 0.1: <paramref name="trainSamples"/>
    /// training and <paramref name="testSamples"/> test patches, <paramref name="epochs"/> epochs of batches of
    /// <paramref name="batchSize"/>, visited in a new order each epoch when <paramref name="shuffle"/>.
    /// </summary>
    public static TrainingOptions Options(int trainSamples, int testSamples, int epochs, int batchSize = 1, bool shuffle = false) => new()
    {
        Seed = Seed,
        TrainSamples = trainSamples,
        TestSamples = testSamples,
        Epochs = epochs,
        BatchSize = batchSize,
        Shuffle = shuffle,
    };

    /// <summary>Trains one run on <paramref name="data"/>: the model and each epoch's numbers.</summary>
    public static (Model Model, IReadOnlyList<EpochStats> History) Train(TrainingOptions options, GeneratedData data)
    {
        var history = new History();
        Model model = ModelTraining.Train(options, data, history);
        return (model, history);
    }

    /// <summary>
    /// Patches no run of <paramref name="options"/> has seen: from <see cref="Seed"/>, after its training patches,
    /// the next <paramref name="count"/> of <paramref name="data"/>.
    /// </summary>
    public static Dataset HeldOut(GeneratedData data, TrainingOptions options, int count)
    {
        var random = new NumpyRandom(Seed);
        data.Generate(random, options.TrainSamples);
        return data.Generate(random, count);
    }

    /// <summary>The epochs as the trainer reports them, in order, on the training thread.</summary>
    private sealed class History : List<EpochStats>, IProgress<EpochStats>
    {
        public void Report(EpochStats value) => Add(value);
    }
}
