using EdgeNet.Training;

namespace EdgeNet.Tests;

public sealed class ReferenceRunTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Tutorial_run_reproduces_every_epoch_of_numpy()
    {
        // Given the tutorial's "Try it yourself" settings (the defaults)
        var options = new TrainingOptions();

        // When
        IReadOnlyList<EpochStats> history = Run(options);

        // Then
        AssertMatches(ReferenceFiles.ReadMetrics("tutorial-run-seed42.csv"), history);
    }

    [Fact]
    public void Deep_minibatch_run_reproduces_every_epoch_of_numpy()
    {
        var options = new TrainingOptions
        {
            Seed = 7,
            TrainSamples = 200,
            TestSamples = 50,
            Hidden = [16, 8],
            Epochs = 40,
            LearningRate = 0.2,
            BatchSize = 10,
        };

        AssertMatches(ReferenceFiles.ReadMetrics("deep-minibatch-seed7.csv"), Run(options));
    }

    [Fact]
    public void Tutorial_network_has_226_parameters()
    {
        var setup = SeededSetup<double>.Create(new TrainingOptions());
        Assert.Equal(25 * 8 + 8 + 8 * 2 + 2, setup.Network.ParameterCount);
    }

    private static IReadOnlyList<EpochStats> Run(TrainingOptions options)
    {
        var setup = SeededSetup<double>.Create(options);
        return Trainer.Train(setup.Network, setup.Train, setup.Test, options, setup.Random);
    }

    private static void AssertMatches(double[][] expected, IReadOnlyList<EpochStats> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int e = 0; e < expected.Length; e++)
        {
            EpochStats stats = actual[e];
            Assert.Equal(expected[e][0], stats.Epoch);
            Assert.True(Math.Abs(expected[e][1] - stats.TrainLoss) <= Tolerance, $"epoch {e} train loss {stats.TrainLoss} vs {expected[e][1]}");
            Assert.True(Math.Abs(expected[e][2] - stats.TrainAccuracy) <= Tolerance, $"epoch {e} train accuracy {stats.TrainAccuracy} vs {expected[e][2]}");
            Assert.True(Math.Abs(expected[e][3] - stats.TestLoss!.Value) <= Tolerance, $"epoch {e} test loss {stats.TestLoss} vs {expected[e][3]}");
            Assert.True(Math.Abs(expected[e][4] - stats.TestAccuracy!.Value) <= Tolerance, $"epoch {e} test accuracy {stats.TestAccuracy} vs {expected[e][4]}");
        }
    }
}
