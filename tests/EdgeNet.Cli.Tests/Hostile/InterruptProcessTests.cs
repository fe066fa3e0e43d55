using System.Diagnostics;

namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// Issue #15 cases 5 and 6 as a shell user meets them: Ctrl+C and SIGTERM stop with one line and 128 + the signal,
/// earlier files intact and no temporary file left; a closed standard output is no crash.
/// </summary>
public sealed class InterruptProcessTests
{
    [Theory]
    [InlineData(2, 130, "Ctrl+C")]
    [InlineData(15, 143, "SIGTERM")]
    public async Task A_signal_during_training_stops_cleanly(int signal, int expectedCode, string expectedWord)
    {
        // Given an earlier model at the save path, and a long training run that will save over it
        using var folder = new TempFolder();
        string model = folder.Write("model.json", "earlier model");
        var start = Start(["train", "--hidden", "256,256", "--epochs", "100000", "--log-every", "1", "--save", model]);
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        Assert.StartsWith("Training", process.StandardOutput.ReadLine(), StringComparison.Ordinal);   // it is training
        Task<string> output = process.StandardOutput.ReadToEndAsync();

        // When the signal comes
        UnixFiles.Signal(process.Id, signal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        // Then
        Assert.Equal(expectedCode, process.ExitCode);
        string line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("edgenet: ", line, StringComparison.Ordinal);
        Assert.Contains(expectedWord, line, StringComparison.Ordinal);
        Assert.Equal("earlier model", File.ReadAllText(model));
        Assert.Equal(["model.json"], folder.Entries());
        Assert.DoesNotContain("   at ", await output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_standard_output_is_no_crash()
    {
        using var folder = new TempFolder();
        string model = folder.File("m.json");
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" >&-");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "edgenet.dll"));
        foreach (string arg in new[] { "train", "--epochs", "2", "--save", model })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, process.ExitCode);
        Assert.True(File.Exists(model));                            // the work is done, only the printing goes nowhere
    }

    [Fact]
    public void Response_file_errors_as_a_process_are_one_line()
    {
        using var folder = new TempFolder();

        (int code, string output, string error) = ProcessTests.Run(["train", "@" + folder.Path]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static ProcessStartInfo Start(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "edgenet.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }
}
