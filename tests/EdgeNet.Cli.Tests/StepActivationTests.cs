using System.Globalization;
using EdgeNet.Data;
using EdgeNet.Diagnostics;
using EdgeNet.Layers;
using EdgeNet.Models;
using EdgeNet.Training;

namespace EdgeNet.Cli.Tests;

/// <summary>
/// <c>edgenet step --model</c> on a model with another hidden activation names that function and its derivative;
/// <c>step --activation</c> / <c>--init</c> without a model steps Part 1's example through that network.
/// </summary>
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

    [Theory]
    [InlineData("relu", "tutorial")]
    [InlineData("leaky-relu", "tutorial")]
    [InlineData("tanh", "tutorial")]
    [InlineData("sigmoid", "tutorial")]
    [InlineData("tanh", "xavier")]
    [InlineData("relu", "he")]
    public void Step_without_a_model_prints_the_engines_numbers_for_that_activation(string name, string initName)
    {
        // Given the engine's trace of Part 1's step on that network: seed 123, 25→8→2, the weights drawn with that init
        HiddenActivation activation = HiddenActivations.Parse(name)!.Value;
        WeightInit init = WeightInits.Parse(initName)!.Value;
        var network = Network<double>.Create(25, [8], 2, activation);
        WeightInits.Initialize(network, new NumpyRandom(TutorialExamples.ForwardTraceSeed), init);
        StepTrace expected = StepTrace.Record(network, TutorialExamples.ForwardTraceEdge(), TutorialExamples.ForwardTraceEdgeLabel, 0.1);

        // When
        CliRun run = CliRun.Of("step", "--activation", name, "--init", initName);
        var output = new StepOutput(run.Out);

        // Then every vector it prints is the trace's, and so is the loss before and after
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(activation, expected.Activation);
        Assert.Contains(ActivationFormulas.Name(activation), output.Line("h = "), StringComparison.Ordinal);
        StepQuantity[] vectors = [.. expected.Quantities.Where(q => q.Value.IsVector && !q.Value.IsScalar && q.Value.Count <= 8)];
        Assert.Contains(vectors, q => q.Symbol == "h");
        foreach (StepQuantity quantity in vectors)
        {
            AssertPrinted(quantity.Value.Values.ToArray(), output.Values(quantity.Formula));
        }
        AssertPrinted([expected.Loss, expected.LossAfter, expected.LossDrop], StepOutput.Numbers(output.Line("Loss before:"))[..3]);
        bool part1 = activation == HiddenActivation.Relu && init == WeightInit.Tutorial;
        Assert.Equal(part1, run.Out.Contains("Part 1's random start", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tanh")]
    [InlineData("sigmoid")]
    public void Random_patch_step_with_an_activation_is_the_first_update_of_train_with_it(string name)
    {
        // Given the engine's set-up of 'train --seed 9 --train-samples 1 --activation NAME --init he'
        var options = new TrainingOptions { Seed = 9, TrainSamples = 1, TestSamples = 0, Activation = HiddenActivations.Parse(name)!.Value, Init = WeightInit.He };
        var setup = SeededSetup<double>.Create(options);
        StepTrace expected = StepTrace.Record(setup.Network, setup.Train.Sample(0), setup.Train.Labels[0], 0.1);

        // When
        CliRun run = CliRun.Of("step", "--random-patch", "--seed", "9", "--activation", name, "--init", "he");

        // Then
        Assert.True(run.ExitCode == 0, run.Error);
        var output = new StepOutput(run.Out);
        AssertPrinted([expected.Loss, expected.LossAfter, expected.LossDrop], StepOutput.Numbers(output.Line("Loss before:"))[..3]);
        AssertPrinted(expected.Quantities.Single(q => q.Symbol == "h").Value.Values.ToArray(), output.Values(expected.Quantities.Single(q => q.Symbol == "h").Formula));
    }

    [Theory]
    [InlineData("--activation", "tanh", "--activation tanh contradicts the model's hidden activation (relu)")]
    [InlineData("--init", "he", "--init he draws fresh weights")]
    [InlineData("--init", "tutorial", "--init tutorial draws fresh weights")]
    [InlineData("--activation", "softplus", "--activation must be one of relu, leaky-relu, tanh, sigmoid")]
    public void Step_on_a_model_refuses_an_activation_or_init_that_is_not_the_models(string option, string value, string expected)
    {
        // Given a ReLU model
        using var folder = new TempFolder();
        string model = folder.File("model.json");
        Assert.Equal(0, CliRun.Of("step", "--save-updated", model).ExitCode);
        string updated = folder.File("updated.json");

        // When
        CliRun run = CliRun.Of("step", "--model", model, option, value, "--save-updated", updated);

        // Then
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        run.AssertOneLineError(expected);
        Assert.Equal(string.Empty, run.Out);
        Assert.False(File.Exists(updated));
    }

    [Fact]
    public void Step_on_a_model_accepts_the_models_own_activation()
    {
        // Given a tanh model
        using var folder = new TempFolder();
        string model = folder.File("model.json");
        Assert.Equal(0, CliRun.Of("step", "--activation", "tanh", "--save-updated", model).ExitCode);

        CliRun named = CliRun.Of("step", "--model", model, "--activation", "tanh");
        CliRun plain = CliRun.Of("step", "--model", model);

        Assert.True(named.ExitCode == 0, named.Error);
        Assert.Equal(plain.Out, named.Out);
        Assert.Contains("h = tanh(z1)", named.Out, StringComparison.Ordinal);
        CliRun.Of("step", "--model", model, "--activation", "relu").AssertOneLineError("contradicts the model's hidden activation (tanh)");
    }

    private static void AssertPrinted(double[] computed, double[] printed)
    {
        Assert.Equal(computed.Length, printed.Length);
        for (int i = 0; i < computed.Length; i++)
        {
            Assert.True(Math.Abs(computed[i] - printed[i]) <= 0.00005 + 1e-12, $"value {i}: computed {computed[i]}, printed {printed[i]}");
        }
    }
}
