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
}
