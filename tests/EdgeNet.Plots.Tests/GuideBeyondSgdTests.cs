using EdgeNet.Optimizers;
using EdgeNet.Plots.Lessons;
using EdgeNet.Plots.Tests.Support;
using EdgeNet.Training;

namespace EdgeNet.Plots.Tests;

/// <summary>
/// "Beyond SGD": the section sits after "Beyond the Toy Patches", shows its two figures, and every number of its tables
/// is what this test computes itself by training the same runs with the engine.
/// </summary>
[Collection(GuideCollection.Name)]
public sealed class GuideBeyondSgdTests(GuideFixture guide)
{
    private const double Tight = 1e-12;

    private static readonly string[] SectionFigures = ["beyond-sgd-optimizers", "beyond-sgd-activations"];

    private static readonly Lazy<IReadOnlyList<(string Name, TrainingOptions Options, IReadOnlyList<EpochStats> History)>> Optimizers =
        new(() => Retrain(BeyondSgdLesson.OptimizerRuns));

    private static readonly Lazy<IReadOnlyList<(string Name, TrainingOptions Options, IReadOnlyList<EpochStats> History)>> Activations =
        new(() => Retrain(BeyondSgdLesson.ActivationRuns));

    [Fact]
    public void The_section_comes_after_beyond_the_toy_patches_and_before_the_summary_and_is_in_the_contents()
    {
        guide.AssertSectionsInOrder("beyond", "beyond-sgd", "summary");
        Assert.Contains("<a href=\"#beyond-sgd\">Beyond SGD</a>", guide.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sections_figures_are_inside_it_are_listed_and_are_not_blank()
    {
        // Given
        string section = guide.Section("beyond-sgd");

        // Then
        foreach (string name in SectionFigures)
        {
            guide.ShownFigure(section, name).AssertNotBlank(name);
        }
    }

    [Fact]
    public void Every_run_covers_every_optimizer_and_activation_and_starts_from_the_same_initial_weights()
    {
        // Given
        var runs = BeyondSgdLesson.OptimizerRuns.Concat(BeyondSgdLesson.ActivationRuns).ToList();

        // When: each run's initial network, as its training would draw it
        double[][] initial = [.. runs.Select(r => SeededSetup<double>.Create(r.Options, LessonData.Varied).Network.Layers
            .SelectMany(l => l.Weights.ToArray().Concat(l.Bias.ToArray())).ToArray())];

        // Then
        Assert.Equal(Enum.GetValues<OptimizerKind>().Select(OptimizerNames.Name), BeyondSgdLesson.OptimizerRuns.Select(r => r.Name));
        Assert.Equal(Enum.GetValues<Layers.HiddenActivation>().Select(Layers.HiddenActivations.Name), BeyondSgdLesson.ActivationRuns.Select(r => r.Name));
        Assert.All(initial, weights => Assert.Equal(initial[0], weights));
        Assert.All(runs, r => Assert.Equal(BeyondSgdLesson.Common with { Optimizer = r.Options.Optimizer, LearningRate = r.Options.LearningRate, Activation = r.Options.Activation }, r.Options));
    }

    [Theory]
    [InlineData("optimizer")]
    [InlineData("activation")]
    public void The_tables_show_the_engines_epochs_to_the_target_final_loss_and_test_accuracy(string what)
    {
        // Given: every run trained again here
        var runs = what == "optimizer" ? Optimizers.Value : Activations.Value;
        double target = guide.Value($"beyondSgd.{what}.target");
        Assert.Equal(BeyondSgdLesson.TargetLoss, target);

        // Then
        foreach ((string name, TrainingOptions options, IReadOnlyList<EpochStats> history) in runs)
        {
            string key = $"beyondSgd.{what}.{name}";
            int reached = history.TakeWhile(s => s.TrainLoss > target).Count();   // epochs before the first at or below the target
            if (reached < history.Count)
            {
                Assert.Equal(reached + 1, guide.Value(key + ".epochs"));
                Assert.DoesNotContain(key + ".epochs.limit", guide.Numbers.Keys);
            }
            else
            {
                Assert.Equal(options.Epochs, guide.Value(key + ".epochs.limit"));
                Assert.DoesNotContain(key + ".epochs", guide.Numbers.Keys);
            }
            Assert.Equal(history[^1].TrainLoss, guide.Value(key + ".finalLoss"), Tight);
            Assert.Equal(100 * history[^1].TestAccuracy!.Value, guide.Value(key + ".testAccuracy"), Tight);
            if (what == "optimizer")
            {
                Assert.Equal(options.LearningRate, guide.Value(key + ".lr"));
            }
        }
        int?[] epochs = [.. runs.Select(r => r.History.Select((s, e) => (s, e)).Where(p => p.s.TrainLoss <= target).Select(p => (int?)(p.e + 1)).FirstOrDefault())];
        Assert.Equal(epochs.Count(e => e is not null), guide.Value($"beyondSgd.{what}.reached"));
        Assert.Equal(runs.Count, guide.Value($"beyondSgd.{what}.runs"));
        Assert.Equal(epochs.Min()!.Value, guide.Value($"beyondSgd.{what}.fastest.epochs"));
    }

    [Fact]
    public void The_rule_and_the_activation_change_the_curves_and_sigmoid_learns_slowest_as_the_text_says()
    {
        // Given
        var optimizers = Optimizers.Value;
        var activations = Activations.Value;

        // Then: no two runs give the same curve, and the sigmoid network ends with the highest loss
        var curves = optimizers.Concat(activations.Skip(1)).Select(r => string.Join(",", r.History.Select(s => s.TrainLoss))).ToList();
        Assert.Equal(curves.Count, curves.Distinct().Count());
        Assert.Equal(activations[0].History, optimizers[0].History);                                    // relu + sgd is the same run
        Assert.Equal("sigmoid", activations.MaxBy(r => r.History[^1].TrainLoss).Name);
    }

    private static List<(string Name, TrainingOptions Options, IReadOnlyList<EpochStats> History)> Retrain(IEnumerable<(string Name, TrainingOptions Options)> runs) =>
        [.. runs.Select(r => (r.Name, r.Options, new TrainedRun(r.Options, LessonData.Varied).History))];
}
