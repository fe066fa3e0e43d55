namespace EdgeNet.Cli.Tests;

/// <summary>
/// Bad optimizer, activation and initialisation options: one clear line, exit 2, nothing written (the model and
/// metrics files named on the same command line do not appear).
/// </summary>
public sealed class OptimizerBadInputTests
{
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
