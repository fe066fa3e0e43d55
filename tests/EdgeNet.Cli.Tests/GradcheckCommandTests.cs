using EdgeNet.Diagnostics;
using EdgeNet.Layers;
using EdgeNet.Training;

namespace EdgeNet.Cli.Tests;

public sealed class GradcheckCommandTests
{
    [Fact]
    public void Gradcheck_passes_and_lists_every_parameter()
    {
        CliRun run = CliRun.Of("gradcheck", "--samples", "4");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("PASS", run.Out, StringComparison.Ordinal);
        int rows = run.Out.Split('\n').Count(l => l.StartsWith('W') || l.StartsWith('b'));
        Assert.Equal(226 + 4, rows); // every parameter, then one summary line per W1, b1, W2, b2
    }

    [Fact]
    public void Gradcheck_fails_with_a_nonzero_exit_above_tolerance()
    {
        // A tolerance no floating-point difference quotient can meet.
        CliRun run = CliRun.Of("gradcheck", "--samples", "4", "--tolerance", "1e-300");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL", run.Out, StringComparison.Ordinal);
        run.AssertOneLineError("gradient check failed");
    }

    [Theory]
    [InlineData("relu", HiddenActivation.Relu)]
    [InlineData("leaky-relu", HiddenActivation.LeakyRelu)]
    [InlineData("tanh", HiddenActivation.Tanh)]
    [InlineData("sigmoid", HiddenActivation.Sigmoid)]
    public void Gradcheck_passes_for_every_activation_and_checks_that_activations_gradients(string name, HiddenActivation activation)
    {
        // Given the engine's own gradients for that network (seed 42, 4 samples, the tutorial's initial weights)
        var setup = SeededSetup<double>.Create(new TrainingOptions { TrainSamples = 4, TestSamples = 0, Activation = activation });
        IReadOnlyList<ParameterGradient> expected = GradientCheck.Run(setup.Network, setup.Train.Features, setup.Train.Labels);

        // When
        CliRun run = CliRun.Of("gradcheck", "--samples", "4", "--activation", name);

        // Then: it passes, says which activation it checked, and prints that network's gradients
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("PASS", run.Out, StringComparison.Ordinal);
        Assert.Contains($"{name} hidden layers", run.Out, StringComparison.Ordinal);
        string[] rows = [.. run.Out.Split('\n').Where(l => l.StartsWith("W1 ", StringComparison.Ordinal) && l.Contains('[', StringComparison.Ordinal))];
        Assert.Equal(expected.Count(r => r.Parameter == "W1"), rows.Length);
        foreach ((string row, ParameterGradient gradient) in rows.Zip(expected.Where(r => r.Parameter == "W1")))
        {
            Assert.Contains(gradient.Analytic.ToString("E6", System.Globalization.CultureInfo.InvariantCulture), row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Gradcheck_refuses_an_unknown_activation_in_one_line()
    {
        CliRun run = CliRun.Of("gradcheck", "--activation", "softplus");

        Assert.Equal(2, run.ExitCode);
        run.AssertOneLineError("--activation must be one of");
    }
}
