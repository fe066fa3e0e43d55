using System.Diagnostics;

namespace EdgeNet.Cli.Tests;

/// <summary>
/// Runs the tutorial's own NumPy code (tools/numpy_reference.py) on configurations that are not in the reference
/// folder and holds `edgenet train --metrics` to it. Skipped where NumPy is missing, unless EDGENET_REQUIRE_NUMPY=1
/// (CI installs python3-numpy and sets it, so there the test cannot be skipped).
/// </summary>
public sealed class NumpyAgreementTests
{
    public static TheoryData<string[]> Configurations => new()
    {
        new[] { "--seed", "3", "--train-samples", "60", "--test-samples", "15", "--hidden", "5", "--epochs", "15", "--lr", "0.05" },
        new[] { "--seed", "11", "--train-samples", "90", "--test-samples", "30", "--hidden", "12,6,4", "--epochs", "12", "--lr", "0.3", "--batch-size", "7" },
        new[] { "--seed", "2024", "--train-samples", "64", "--test-samples", "10", "--hidden", "8", "--epochs", "10", "--lr", "0.1", "--batch-size", "4", "--shuffle" },
        new[] { "--seed", "4294967295", "--train-samples", "33", "--test-samples", "9", "--hidden", "3,3", "--epochs", "8", "--lr", "0.5", "--batch-size", "33" },
    };

    [SkippableTheory]
    [MemberData(nameof(Configurations))]
    public void Metrics_match_numpy_running_the_tutorials_code(string[] configuration)
    {
        string? python = FindPythonWithNumpy();
        Skip.If(python is null && Environment.GetEnvironmentVariable("EDGENET_REQUIRE_NUMPY") != "1", "python3 with numpy is not installed");
        Assert.True(python is not null, "EDGENET_REQUIRE_NUMPY=1 but no python3 with numpy was found");

        // Given NumPy's metrics for this configuration
        string script = Path.Combine(AppContext.BaseDirectory, "tools", "numpy_reference.py");
        double[][] expected = MetricsFile.Parse(RunProcess(python!, [script, .. configuration]));

        // When edgenet trains the same configuration
        using var folder = new TempFolder();
        string metrics = folder.File("m.csv");
        CliRun run = CliRun.Of(["train", .. configuration, "--metrics", metrics]);

        // Then
        Assert.Equal(0, run.ExitCode);
        MetricsFile.AssertClose(expected, MetricsFile.Read(metrics), 1e-9);
    }

    internal static string? FindPythonWithNumpy()
    {
        foreach (string candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                RunProcess(candidate, ["-c", "import numpy"]);
                return candidate;
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
            }
        }
        return null;
    }

    internal static string RunProcess(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {error}");
        }
        return output;
    }
}
