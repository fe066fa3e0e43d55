using System.Globalization;
using EdgeNet.Data;
using EdgeNet.Diagnostics;
using EdgeNet.Layers;
using EdgeNet.Models;

namespace EdgeNet.Cli.Tests;

/// <summary><c>edgenet step --model</c> on a model with another hidden activation names that function and its derivative.</summary>
public sealed class StepActivationTests
{
    [Theory]
    [InlineData("leaky-relu", "h = leaky-ReLU(z1) = z1 if z1 > 0, else 0.01·z1", "dL/dz1 = dL/dh ⊙ (1 if z1 > 0, else 0.01)")]
    [InlineData("tanh", "h = tanh(z1)", "dL/dz1 = dL/dh ⊙ (1 − h²)")]
    [InlineData("sigmoid", "h = sigmoid(z1) = 1 / (1 + e^−z1)", "dL/dz1 = dL/dh ⊙ h·(1 − h)")]
    [InlineData("relu", "h = ReLU(z1)", "dL/dz1 = dL/dh ⊙ 1[z1 > 0]")]
    public void Step_on_a_model_names_its_activation_and_derivative_with_the_engines_slopes(string name, string forward, string backward)
    {
        // Given a model trained with that activation, and the engine's own trace of the step on Part 1's edge
        using var folder = new TempFolder();
        string model = folder.File("model.json");
        CliRun train = CliRun.Of("train", "--activation", name, "--train-samples", "2", "--test-samples", "0", "--epochs", "1", "--save", model);
        Assert.True(train.ExitCode == 0, train.Error);
        StepTrace expected = StepTrace.Record(ModelFile.Load(model).Network, TutorialExamples.ForwardTraceEdge(), 0, 0.1);

        // When
        CliRun run = CliRun.Of("step", "--model", model);

        // Then the formulas are that activation's, and the slopes line shows f′ as the backward pass used it
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(forward, run.Out, StringComparison.Ordinal);
        Assert.Contains(backward, run.Out, StringComparison.Ordinal);
        Assert.Equal(HiddenActivations.Parse(name), expected.Activation);
        if (expected.Activation != HiddenActivation.Relu)
        {
            Assert.DoesNotContain("ReLU(", run.Out.Replace("leaky-ReLU(", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("1[z1 > 0]", run.Out, StringComparison.Ordinal);
            TraceMatrix slope = expected.Layers[0].ActivationDerivative!;
            string line = run.Out.Split('\n').Single(l => l.Contains(ActivationFormulas.Derivative(expected.Activation, "h", "z1") + " = [", StringComparison.Ordinal));
            Assert.Contains(slope[0].ToString("0.0000", CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        }
    }
}
