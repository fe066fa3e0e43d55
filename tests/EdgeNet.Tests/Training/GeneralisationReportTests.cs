using EdgeNet.Data;
using EdgeNet.Models;
using EdgeNet.Training;

namespace EdgeNet.Tests.Training;

/// <summary>The generalisation report: held-out varied patches split by kind, and the tutorial's model worse on them.</summary>
public sealed class GeneralisationReportTests
{
    private static readonly GeneratedData Varied = GeneratedData.VariedWith(new VariedOptions());

    [Fact]
    public void The_kinds_split_the_held_out_patches_and_add_up_to_the_overall_accuracy()
    {
        // Given: the tutorial's run and a small varied run from the same seed
        Model tutorial = ModelTraining.Train(new TrainingOptions { Seed = 7 }, GeneratedData.Tutorial);
        Model varied = ModelTraining.Train(new TrainingOptions { Seed = 7, TrainSamples = 1500, TestSamples = 0, Epochs = 5 }, Varied);

        // When
        GeneralisationReport report = GeneralisationReport.Build([("tutorial", tutorial), ("varied", varied)], 7, Varied, 1500, 600);

        // Then: every held-out patch is in exactly one kind, and the kinds' right answers are the overall ones
        Assert.Equal(["tutorial", "varied"], report.ModelNames);
        Assert.Equal(GeneralisationReport.PositiveKind, report.ByKind[0].Kind);
        Assert.Equal(600, report.ByKind.Sum(k => k.Count));
        for (int m = 0; m < 2; m++)
        {
            Assert.Equal(600, report.Varied[m].Count);
            Assert.Equal(report.Varied[m].Correct, report.ByKind.Sum(k => k.Correct[m]));
        }

        // and the toy-trained network is the worse one on varied patches, though perfect on its own kind of data
        Assert.True(report.Varied[0].Accuracy < report.Varied[1].Accuracy, $"{report.Varied[0].Accuracy} ≥ {report.Varied[1].Accuracy}");
        Assert.Equal(1.0, report.Tutorial[0].Accuracy);
    }

    [Fact]
    public void The_held_out_patches_are_the_varied_runs_own_test_set()
    {
        // Given
        var options = new TrainingOptions { Seed = 3, TrainSamples = 400, TestSamples = 200, Epochs = 2 };
        Model varied = ModelTraining.Train(options, Varied);
        var setup = SeededSetup<double>.Create(options, Varied);

        // When
        GeneralisationReport report = GeneralisationReport.Build([("varied", varied)], 3, Varied, 400, 200);

        // Then
        Evaluation own = Evaluation.Of(varied.Network, setup.Test!);
        Assert.Equal(own.Correct, report.Varied[0].Correct);
        Assert.Equal(own.Loss, report.Varied[0].Loss, 1e-12);
    }

    [Fact]
    public void Tutorial_data_is_refused_as_held_out_data()
    {
        Model tutorial = ModelTraining.Train(new TrainingOptions { Epochs = 1 }, GeneratedData.Tutorial);
        Assert.Throws<ArgumentException>(() => GeneralisationReport.Build([("tutorial", tutorial)], 1, GeneratedData.Tutorial, 10, 10));
    }
}
