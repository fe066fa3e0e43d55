using EdgeNet.Data;
using EdgeNet.Diagnostics;
using EdgeNet.Layers;
using EdgeNet.Models;
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

    [Theory]
    [InlineData("relu", false)]
    [InlineData("sigmoid", false)]
    [InlineData("relu", true)]
    public void A_saved_or_imported_model_passes_gradcheck_with_the_engines_gradients(string activation, bool throughOnnx)
    {
        // Given a trained model (or the same model exported to ONNX and imported back), and the engine's own check of
        // its network on 4 tutorial patches drawn from seed 7
        using var folder = new TempFolder();
        string model = folder.File("model.json");
        CliRun train = CliRun.Of("train", "--hidden", "6,4", "--activation", activation, "--train-samples", "10", "--test-samples", "0", "--epochs", "2", "--save", model);
        Assert.True(train.ExitCode == 0, train.Error);
        if (throughOnnx)
        {
            Assert.Equal(0, CliRun.Of("export", "--model", model, "--out", folder.File("m.onnx"), "--precision", "f64").ExitCode);
            model = folder.File("imported.json");
            CliRun import = CliRun.Of("import", "--onnx", folder.File("m.onnx"), "--out", model);
            Assert.True(import.ExitCode == 0, import.Error);
        }
        Network<double> network = ModelFile.Load(model).Network;
        Dataset data = TutorialPatches.Generate(new NumpyRandom(7), 4);
        IReadOnlyList<ParameterGradient> expected = GradientCheck.Run(network, data.Features, data.Labels);

        // When
        CliRun run = CliRun.Of("gradcheck", "--model", model, "--samples", "4", "--seed", "7");

        // Then it passes on that network, names it, and prints the engine's gradients for every parameter
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("PASS", run.Out, StringComparison.Ordinal);
        Assert.StartsWith($"25→6→4→2 network from {Path.GetFileName(model)}, {activation} hidden layers, tutorial patches (5×5) seed 7, 4 samples", run.Out, StringComparison.Ordinal);
        string[] rows = [.. run.Out.Split('\n').Where(l => l.Contains('[', StringComparison.Ordinal) && !l.StartsWith("Largest", StringComparison.Ordinal))];
        Assert.Equal(expected.Count, rows.Length);
        foreach ((string row, ParameterGradient gradient) in rows.Zip(expected))
        {
            Assert.StartsWith(gradient.Parameter + " ", row, StringComparison.Ordinal);
            Assert.Contains(gradient.Analytic.ToString("E6", System.Globalization.CultureInfo.InvariantCulture), row, StringComparison.Ordinal);
            Assert.Contains(gradient.Numeric.ToString("E6", System.Globalization.CultureInfo.InvariantCulture), row, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{\"hello\": \"world\"}", "broken.json")]
    [InlineData("not json at all", "broken.json")]
    [InlineData("", "broken.json")]
    public void A_bad_model_file_is_refused_in_one_line(string content, string expected)
    {
        using var folder = new TempFolder();
        string model = folder.Write("broken.json", content);

        CliRun run = CliRun.Of("gradcheck", "--model", model);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        run.AssertOneLineError(expected);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void A_missing_model_file_is_refused_as_other_commands_refuse_it()
    {
        CliRun eval = CliRun.Of("eval", "--model", "/no/such/model.json");
        CliRun run = CliRun.Of("gradcheck", "--model", "/no/such/model.json");

        run.AssertOneLineError("does not exist");
        Assert.Equal(eval.ExitCode, run.ExitCode);
        Assert.Equal(eval.Error, run.Error);
    }

    [Theory]
    [InlineData("--hidden", "8")]
    [InlineData("--activation", "tanh")]
    [InlineData("--init", "he")]
    public void A_fresh_networks_option_beside_a_model_is_a_usage_error(string option, string value)
    {
        using var folder = new TempFolder();
        string model = folder.File("model.json");
        Assert.Equal(0, CliRun.Of("step", "--save-updated", model).ExitCode);

        CliRun run = CliRun.Of("gradcheck", "--model", model, option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        run.AssertOneLineError($"{option} describes a fresh network; with --model the model's own network is checked");
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void A_model_above_the_work_cap_is_refused_before_the_check()
    {
        // Given a model whose parameters² × 2 samples is above the cap
        using var folder = new TempFolder();
        string model = folder.File("wide.json");
        var network = Network<double>.Create(25, [2000], 2);
        long parameters = Limits.Parameters([25, 2000, 2]);
        Assert.True(parameters * parameters * 2 > Limits.MaxGradientCheckWork);
        ModelFile.Save(new Model(network, Dataset.EdgeClasses, Training: null), model);

        CliRun run = CliRun.Of("gradcheck", "--model", model, "--samples", "2");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        run.AssertOneLineError("too much work");
        Assert.Contains("Use fewer --samples (the model's layers are its own).", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void A_model_that_reads_no_square_patch_says_why_it_cannot_be_checked()
    {
        using var folder = new TempFolder();
        string model = folder.File("ten.json");
        ModelFile.Save(new Model(Network<double>.Create(10, [4], 2), Dataset.EdgeClasses, Training: null), model);

        CliRun run = CliRun.Of("gradcheck", "--model", model);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        run.AssertOneLineError("ten.json cannot be gradient-checked here: it reads 10 values, not a square patch");
    }
}
