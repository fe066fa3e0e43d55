using EdgeNet.Cli;

namespace EdgeNet.Playground.Tests.Support;

/// <summary>The edgenet command run in-process: what it printed and its exit code.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = EdgeNetCli.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Fails the test with what the command said unless it succeeded.</summary>
    public CliRun Succeeded()
    {
        Assert.True(ExitCode == 0, $"edgenet failed ({ExitCode}): {Error}");
        return this;
    }
}
