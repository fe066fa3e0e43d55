namespace EdgeNet.Cli.Tests;

/// <summary>Runs the edgenet command in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = EdgeNetCli.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The command failed with exactly one line on stderr and no stack trace.</summary>
    public void AssertOneLineError(string expectedFragment)
    {
        Assert.NotEqual(0, ExitCode);
        string[] lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got:\n{Error}");
        Assert.Contains(expectedFragment, lines[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
    }
}
