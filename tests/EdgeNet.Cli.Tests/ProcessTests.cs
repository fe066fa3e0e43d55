using System.Diagnostics;

namespace EdgeNet.Cli.Tests;

/// <summary>The real edgenet process: exit codes and streams as a shell user sees them.</summary>
public sealed class ProcessTests
{
    [Theory]
    [InlineData(2, "--lr", "0")]
    [InlineData(2, "--bogus")]
    [InlineData(1, "--data", "/no/such.csv")]
    public void Bad_input_as_a_process_prints_one_line_and_exits_non_zero(int expectedCode, params string[] trainArgs)
    {
        (int code, string output, string error) = Run(["train", .. trainArgs]);

        Assert.Equal(expectedCode, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("edgenet: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirected_train_prints_plain_lines_only()
    {
        (int code, string output, string error) = Run(["train", "--epochs", "41"]);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.DoesNotContain('\u001b', output); // no terminal control codes when redirected
        Assert.Equal(3, output.Split('\n').Count(l => l.StartsWith("  Epoch ", StringComparison.Ordinal)));
    }

    internal static (int Code, string Out, string Error) Run(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "edgenet.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
