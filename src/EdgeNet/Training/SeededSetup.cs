using System.Numerics;
using EdgeNet.Data;

namespace EdgeNet.Training;

/// <summary>
/// The tutorial's draw order: seed → training set → test set → for each layer W = randn(in, out)·0.3, b = 0.
/// Seeded runs therefore reproduce the tutorial's NumPy numbers.
/// </summary>
public sealed class SeededSetup<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private SeededSetup(NumpyRandom random, Dataset train, Dataset? test, Network<T> network)
    {
        Random = random;
        Train = train;
        Test = test;
        Network = network;
    }

    /// <summary>The generator, positioned after the initial weights (shuffling draws from it next).</summary>
    public NumpyRandom Random { get; }

    /// <summary>The training set.</summary>
    public Dataset Train { get; }

    /// <summary>The test set, if any.</summary>
    public Dataset? Test { get; }

    /// <summary>The freshly initialised network.</summary>
    public Network<T> Network { get; }

    /// <summary>
    /// Draws the data and the initial network for <paramref name="options"/>. A given training set (from a file)
    /// replaces the generated one; the test set is then only what is given.
    /// </summary>
    public static SeededSetup<T> Create(TrainingOptions options, Dataset? trainFromFile = null, Dataset? testFromFile = null) =>
        Create(options, GeneratedData.Tutorial, trainFromFile, testFromFile);

    /// <summary>
    /// As <see cref="Create(TrainingOptions, Dataset?, Dataset?)"/>, drawing the generated sets from
    /// <paramref name="data"/> (the tutorial's patches or the varied ones) in the same order.
    /// </summary>
    public static SeededSetup<T> Create(TrainingOptions options, GeneratedData data, Dataset? trainFromFile = null, Dataset? testFromFile = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        options.Validate();
        var random = new NumpyRandom(options.Seed);                       // np.random.seed(seed)
        Dataset train;
        Dataset? test;
        if (trainFromFile is null)
        {
            train = data.Generate(random, options.TrainSamples);           // X_train = make_data(n)
            test = testFromFile ?? (options.TestSamples > 0 ? data.Generate(random, options.TestSamples) : null);
        }
        else
        {
            train = trainFromFile;
            test = testFromFile;
        }
        var network = Network<T>.Create(train.FeatureCount, options.Hidden, train.ClassCount);
        network.InitializeLikeTutorial(random, options.InitScale);        // W = randn(in, out)·0.3, b = 0
        return new SeededSetup<T>(random, train, test, network);
    }
}
