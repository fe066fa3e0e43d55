namespace EdgeNet.Cli.Tests;

/// <summary>
/// Bad optimizer, activation and initialisation options: one clear line, exit 2, nothing written (the model and
/// metrics files named on the same command line do not appear).
/// </summary>
public sealed class OptimizerBadInputTests
{
    [Theory]
    [InlineData("--optimizer must be one of", "--optimizer", "adam2")]
    [InlineData("--optimizer must be one of", "--optimizer", "Adam")]
    [InlineData("--activation must be one of", "--activation", "softmax")]
    [InlineData("--init must be one of", "--init", "glorot")]
    [InlineData("momentum μ must be in [0, 1)", "--optimizer", "momentum", "--momentum", "1")]
    [InlineData("momentum μ must be in [0, 1)", "--optimizer", "nesterov", "--momentum", "-0.1")]
    [InlineData("β1 must be in [0, 1)", "--optimizer", "adam", "--beta1", "1")]
    [InlineData("β2 must be in [0, 1)", "--optimizer", "adamw", "--beta2", "-0.5")]
    [InlineData("ρ must be in [0, 1)", "--optimizer", "rmsprop", "--rms-decay", "1.5")]
    [InlineData("ε must be a finite number above 0", "--optimizer", "adam", "--eps", "0")]
    [InlineData("ε must be a finite number above 0", "--optimizer", "adagrad", "--eps", "-1e-8")]
    [InlineData("weight decay λ must be a finite number, 0 or more", "--weight-decay", "-0.01")]
    [InlineData("--weight-decay must be a finite number", "--optimizer", "adam", "--weight-decay", "NaN")]
    [InlineData("--weight-decay must be a finite number", "--weight-decay", "Infinity")]
    [InlineData("--beta1 is not a setting of --optimizer sgd", "--beta1", "0.9")]
    [InlineData("--momentum is not a setting of --optimizer adam", "--optimizer", "adam", "--momentum", "0.9")]
    [InlineData("--rms-decay is not a setting of --optimizer momentum", "--optimizer", "momentum", "--rms-decay", "0.9")]
    [InlineData("--eps is not a setting of --optimizer nesterov", "--optimizer", "nesterov", "--eps", "1e-8")]
    [InlineData("--beta2 is not a setting of --optimizer rmsprop", "--optimizer", "rmsprop", "--beta2", "0.9")]
    [InlineData("--beta1", "--optimizer", "adam", "--beta1", "lots")]
    public void Train_refuses_in_one_line_and_writes_nothing(string expected, params string[] options)
    {
        // Given output files that must not appear
        using var folder = new TempFolder();
        string model = folder.File("model.json");
        string metrics = folder.File("m.csv");

        // When
        CliRun run = CliRun.Of(["train", "--epochs", "1", "--save", model, "--metrics", metrics, .. options]);

        // Then
        run.AssertOneLineError(expected);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.False(File.Exists(model));
        Assert.False(File.Exists(metrics));
    }

    [Theory]
    [InlineData("--optimizer must be one of", "--optimizer", "lbfgs")]
    [InlineData("β1 must be in [0, 1)", "--optimizer", "adam", "--beta1", "1.0")]
    [InlineData("--beta1 is not a setting of --optimizer sgd", "--beta1", "0.5")]
    [InlineData("--momentum is not a setting of --optimizer adagrad", "--optimizer", "adagrad", "--momentum", "0.5")]
    [InlineData("--steps must be between 1 and 100", "--optimizer", "adam", "--steps", "0")]
    [InlineData("--steps must be between 1 and 100", "--steps", "101")]
    public void Step_refuses_in_one_line_and_writes_nothing(string expected, params string[] options)
    {
        using var folder = new TempFolder();
        string model = folder.File("updated.json");

        CliRun run = CliRun.Of(["step", "--save-updated", model, .. options]);

        run.AssertOneLineError(expected);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.False(File.Exists(model));
    }
}
