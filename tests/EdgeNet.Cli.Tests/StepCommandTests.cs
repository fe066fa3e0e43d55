using System.Globalization;
using EdgeNet.Data;
using EdgeNet.Diagnostics;
using EdgeNet.Models;

namespace EdgeNet.Cli.Tests;

public sealed class StepCommandTests
{
    [Fact]
    public void Default_step_prints_every_quantity_with_its_formula_and_tutorial_part()
    {
        // Given the trace the command shows (Part 1's network and edge)
        StepTrace expected = StepTrace.Record(Part1Network(), TutorialExamples.ForwardTraceEdge(), 0, 0.1);

        // When
        CliRun run = CliRun.Of("step");
        var output = new StepOutput(run.Out);

        // Then every quantity the tutorial names is on a line with its formula and its part
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        string[] named = ["x", "z1", "h", "z2", "p", "L", "dL/dz2", "dL/dW2", "dL/db2", "dL/dh", "dL/dz1", "dL/dW1", "dL/db1",
            "W1 (updated)", "b1 (updated)", "W2 (updated)", "b2 (updated)", "L (after)"];
        Assert.Subset(expected.Quantities.Select(q => q.Symbol).ToHashSet(), named.ToHashSet());
        foreach (StepQuantity quantity in expected.Quantities)
        {
            Assert.Contains(quantity.TutorialPart, output.Line(quantity.Formula), StringComparison.Ordinal);
        }
        Assert.Contains("dL/dz2 = p − y", run.Out, StringComparison.Ordinal);
        Assert.Contains("Part 7, Step 1 (A.1)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Printed_numbers_are_the_traces_numbers_rounded()
    {
        // Given
        StepTrace expected = StepTrace.Record(Part1Network(), TutorialExamples.ForwardTraceEdge(), 0, 0.1);

        // When
        var output = new StepOutput(CliRun.Of("step").Out);

        // Then each vector shown in full is the trace's, to the 4 decimals printed
        foreach (StepQuantity quantity in expected.Quantities.Where(q => q.Value.IsVector && !q.Value.IsScalar && q.Value.Count <= 8))
        {
            AssertPrinted(quantity.Value.Values.ToArray(), output.Values(quantity.Formula));
        }
        double[] summary = StepOutput.Numbers(output.Line("Loss before:"));
        AssertPrinted([expected.Loss, expected.LossAfter, expected.LossDrop], summary[..3]);
    }

    [Fact]
    public void Default_step_lowers_the_loss_and_says_by_how_much()
    {
        // When
        CliRun run = CliRun.Of("step");
        var output = new StepOutput(run.Out);
        string summary = output.Line("Loss before:");
        double[] numbers = StepOutput.Numbers(summary);   // before, after, drop, percent

        // Then
        Assert.True(numbers[1] < numbers[0], summary);
        Assert.Equal(numbers[0] - numbers[1], numbers[2], 3);
        Assert.DoesNotContain("WARNING", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Part1_forward_numbers_are_the_tutorials()
    {
        // When
        var output = new StepOutput(CliRun.Of("step").Out);

        // Then z1 starts [-0.27, -1.06, +0.58] and p = [0.583, 0.417], as the tutorial printed them
        double[] z1 = output.Values("z1 = x·W1 + b1");
        double[] p = output.Values("p = softmax(z2)");
        Assert.Equal([-0.27, -1.06, 0.58], z1[..3].Select(v => Math.Round(v, 2)));
        Assert.Equal([0.583, 0.417], p.Select(v => Math.Round(v, 3)));
    }

    [Fact]
    public void Full_prints_all_200_values_of_W1_and_the_default_only_the_first_rows()
    {
        // Given W1 as Part 1 draws it
        double[] w1 = Part1Network().Layers[0].Weights;

        // When
        var full = new StepOutput(CliRun.Of("step", "--full").Out);
        var partial = new StepOutput(CliRun.Of("step").Out);

        // Then
        double[] printed = full.Values("W1 (before the update)");
        Assert.Equal(200, printed.Length);
        AssertPrinted(w1, printed);
        Assert.Equal(200, full.Values("dL/dW1 = xᵀ · dL/dz1").Length);
        Assert.Equal(200, full.Values("W1 ← W1 − α·dL/dW1").Length);
        Assert.Equal(25, full.Values("x = flatten(patch)").Length);
        Assert.Equal(3 * 4, partial.Values("W1 (before the update)").Length);
        Assert.Contains("… 22 more rows: 25×8 = 200 values (--full shows all)", CliRun.Of("step").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_learning_rate_that_overshoots_is_reported_plainly()
    {
        // Given a 25→16→8→2 network and a patch where α = 5 makes the loss rise (found by search; the engine test pins it)
        string patch = string.Join(",", RandomPatch(1026).Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

        // When
        CliRun run = CliRun.Of("step", "--hidden", "16,8", "--seed", "26", "--patch", patch, "--label", "1", "--lr", "5");

        // Then it still shows the step (exit 0) but warns on stdout and in one stderr line
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("WARNING: the loss did not go down", run.Out, StringComparison.Ordinal);
        string warning = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("edgenet: warning: ", warning, StringComparison.Ordinal);
        double[] numbers = StepOutput.Numbers(new StepOutput(run.Out).Line("Loss before:"));
        Assert.True(numbers[1] > numbers[0]);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("No Edge", 1)]
    [InlineData("no-edge", 1)]
    [InlineData("Edge", 0)]
    [InlineData("0", 0)]
    public void Label_is_a_number_or_a_class_name(string label, int expected)
    {
        // When
        CliRun run = CliRun.Of("step", "--label", label);

        // Then
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"label {Dataset.EdgeClasses[expected]} ({expected})", run.Out, StringComparison.Ordinal);
        Assert.Equal(expected == 0 ? [1.0, 0.0] : [0.0, 1.0], new StepOutput(run.Out).Values("y = one-hot(label)"));
    }

    [Fact]
    public void Saved_update_continues_where_the_step_ended()
    {
        // Given
        using var folder = new TempFolder();
        string updated = folder.File("updated.json");
        StepTrace expected = StepTrace.Record(Part1Network(), TutorialExamples.ForwardTraceEdge(), 0, 0.1);

        // When one step saves its network and a second step starts from it
        CliRun first = CliRun.Of("step", "--save-updated", updated);
        CliRun second = CliRun.Of("step", "--model", updated);

        // Then the file holds the updated weights, and the second step's loss before is the first's loss after
        Assert.Equal(0, first.ExitCode);
        Model model = ModelFile.Load(updated);
        Assert.Equal(expected.Layers[0].UpdatedWeights.Values.ToArray(), model.Network.Layers[0].Weights);
        Assert.Equal(expected.Layers[1].UpdatedBias.Values.ToArray(), model.Network.Layers[1].Bias);
        Assert.Equal(0, second.ExitCode);
        AssertPrinted([expected.LossAfter], [new StepOutput(second.Out).After("Loss before:")]);
        Assert.Contains("loaded from updated.json", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_patch_step_is_the_first_update_of_train_with_one_sample()
    {
        // Given
        using var folder = new TempFolder();
        string stepped = folder.File("step.json");
        string trained = folder.File("train.json");

        // When
        CliRun step = CliRun.Of("step", "--random-patch", "--seed", "42", "--save-updated", stepped);
        CliRun train = CliRun.Of("train", "--seed", "42", "--train-samples", "1", "--test-samples", "0", "--epochs", "1", "--save", trained);

        // Then both networks are the same, bit for bit
        Assert.Equal(0, step.ExitCode);
        Assert.Equal(0, train.ExitCode);
        Network<double> a = ModelFile.Load(stepped).Network, b = ModelFile.Load(trained).Network;
        for (int l = 0; l < a.Layers.Count; l++)
        {
            Assert.Equal(b.Layers[l].Weights, a.Layers[l].Weights);
            Assert.Equal(b.Layers[l].Bias, a.Layers[l].Bias);
        }
    }

    [Fact]
    public void Deeper_networks_and_other_patch_sizes_use_numbered_names()
    {
        // When a 3×3 patch goes through 9→6→4→2
        CliRun run = CliRun.Of("step", "--hidden", "6,4", "--patch", "0.1 0.9 0.9 0.1 0.9 0.9 0.1 0.9 0.9", "--label", "Edge");

        // Then
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Input image (3×3):", run.Out, StringComparison.Ordinal);
        var output = new StepOutput(run.Out);
        Assert.Contains("Part 2, Step 2", output.Line("h1 = ReLU(z1)"), StringComparison.Ordinal);
        Assert.Contains("Part 7, Step 3 (A.4)", output.Line("dL/dh2 = dL/dz3 · W3ᵀ"), StringComparison.Ordinal);
        Assert.Contains("Part 7, Step 1 (A.1)", output.Line("dL/dz3 = p − y"), StringComparison.Ordinal);
        Assert.Equal(9 * 6, new StepOutput(CliRun.Of("step", "--hidden", "6,4", "--patch", "0.1 0.9 0.9 0.1 0.9 0.9 0.1 0.9 0.9", "--label", "0", "--full").Out).Values("W1 (before the update)").Length);
    }

    // Printed with 4 decimals: each printed value is within half a unit of the last digit of the computed one.
    private static void AssertPrinted(double[] computed, double[] printed)
    {
        Assert.Equal(computed.Length, printed.Length);
        for (int i = 0; i < computed.Length; i++)
        {
            Assert.True(Math.Abs(computed[i] - printed[i]) <= 0.00005 + 1e-12, $"value {i}: computed {computed[i]}, printed {printed[i]}");
        }
    }

    private static Network<double> Part1Network()
    {
        var network = Network<double>.Create(25, [8], 2);
        network.InitializeLikeTutorial(new NumpyRandom(TutorialExamples.ForwardTraceSeed));
        return network;
    }

    private static double[] RandomPatch(uint seed)
    {
        var random = new NumpyRandom(seed);
        return [.. Enumerable.Range(0, 25).Select(_ => random.Rand())];
    }
}
