using System.Globalization;
using EdgeNet.Data;
using EdgeNet.Diagnostics;
using EdgeNet.Optimizers;

namespace EdgeNet.Cli.Tests;

/// <summary><c>edgenet step --optimizer NAME [--steps N]</c>: the optimizer's state before and after each update.</summary>
public sealed class StepOptimizerTests
{
    [Theory]
    [InlineData("sgd", "W1 after")]
    [InlineData("momentum", "v before")]
    [InlineData("nesterov", "v after")]
    [InlineData("adagrad", "s before")]
    [InlineData("rmsprop", "s after")]
    [InlineData("adam", "v̂")]
    [InlineData("adamw", "m̂")]
    public void Each_optimizer_shows_its_state_for_every_step(string name, string column)
    {
        // Given the engine's trace of the same three updates
        OptimizerSettings settings = OptimizerSettings.For(OptimizerNames.Parse(name)!.Value);
        OptimizerTrace expected = OptimizerTrace.Record(Part1(), TutorialExamples.ForwardTraceEdge(), 0, settings, 0.01, 3);

        // When
        CliRun run = CliRun.Of("step", "--optimizer", name, "--steps", "3", "--lr", "0.01");

        // Then three steps, each with the state column, its losses and its largest step as the engine computed them
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains(settings.ToString(), run.Out, StringComparison.Ordinal);
        Assert.Contains(column, run.Out, StringComparison.Ordinal);
        string[] headings = [.. run.Out.Split('\n').Where(l => l.StartsWith("── Step", StringComparison.Ordinal))];
        Assert.Equal(3, headings.Length);
        string[] largest = [.. run.Out.Split('\n').Where(l => l.Contains("Largest step", StringComparison.Ordinal))];
        for (int s = 0; s < 3; s++)
        {
            OptimizerStepTrace step = expected.Steps[s];
            double[] losses = Numbers(headings[s][headings[s].IndexOf("loss", StringComparison.Ordinal)..]);
            AssertPrinted(step.Loss, losses[0]);
            AssertPrinted(step.LossAfter, losses[1]);
            double biggest = step.Parameters.Max(p => p.Step.Values.ToArray().Max(Math.Abs));
            AssertPrinted(biggest, Numbers(largest[s][largest[s].IndexOf('=', StringComparison.Ordinal)..])[0]);
        }
    }

    [Fact]
    public void Adams_table_shows_the_engines_moments_of_the_output_bias()
    {
        // Given
        OptimizerTrace expected = OptimizerTrace.Record(Part1(), TutorialExamples.ForwardTraceEdge(), 0, OptimizerSettings.For(OptimizerKind.Adam), 0.1, 1);
        ParameterTrace b2 = expected.Steps[0].Parameters[^1];

        // When
        string[] lines = CliRun.Of("step", "--optimizer", "adam").Out.Split('\n');

        // Then the row of b2[0] reads b, g, m before, m after, v before, v after, m̂, v̂, Δb, b after
        int table = Array.FindIndex(lines, l => l.Contains("b2 (1×2)", StringComparison.Ordinal));
        double[] row = Numbers(lines[table + 2].Replace("[0]", string.Empty, StringComparison.Ordinal));
        double[] engine = [b2.Before[0], b2.Gradient[0], b2.FirstBefore![0], b2.FirstAfter![0], b2.SecondBefore![0], b2.SecondAfter![0], b2.FirstCorrected![0], b2.SecondCorrected![0], b2.Step[0], b2.After[0]];
        Assert.Equal(engine.Length, row.Length);
        for (int i = 0; i < engine.Length; i++)
        {
            AssertPrinted(engine[i], row[i]);
        }
        Assert.Equal(0.1, Math.Abs(b2.Step[0]), 6);
    }

    [Fact]
    public void Saved_network_is_the_one_after_the_last_update()
    {
        using var folder = new TempFolder();
        string path = folder.File("after.json");
        OptimizerTrace expected = OptimizerTrace.Record(Part1(), TutorialExamples.ForwardTraceEdge(), 0, OptimizerSettings.For(OptimizerKind.RmsProp), 0.1, 2);

        CliRun run = CliRun.Of("step", "--optimizer", "rmsprop", "--steps", "2", "--save-updated", path);

        Assert.Equal(0, run.ExitCode);
        Network<double> saved = Models.ModelFile.Load(path).Network;
        Assert.Equal(expected.Steps[^1].Parameters[0].After.Values.ToArray(), saved.Layers[0].Weights);
    }

    // The numbers of a printed line: "+0.1000", "-2.507e-3", "0".
    private static double[] Numbers(string text) =>
        [.. text.Split([' ', '(', ')', '→', '=', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : double.NaN)
            .Where(double.IsFinite)];

    // Printed with four decimals, or four significant digits when small.
    private static void AssertPrinted(double expected, double printed) =>
        Assert.True(Math.Abs(expected - printed) <= Math.Max(5e-5 * Math.Min(1, Math.Abs(expected) * 1e4), Math.Abs(expected) * 1e-3), $"expected {expected:R}, printed {printed:R}");

    private static Network<double> Part1()
    {
        var network = Network<double>.Create(25, [8], 2);
        network.InitializeLikeTutorial(new NumpyRandom(TutorialExamples.ForwardTraceSeed));
        return network;
    }
}
