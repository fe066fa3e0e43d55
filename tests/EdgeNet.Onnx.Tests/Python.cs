using System.Diagnostics;

namespace EdgeNet.Onnx.Tests;

/// <summary>
/// Debian's python3 with the modules a test needs (onnx, torch). Where they are missing the test is skipped, unless
/// EDGENET_REQUIRE_ONNX=1 (CI installs python3-onnx and python3-torch and sets it, so there it cannot be skipped).
/// </summary>
internal static class Python
{
    /// <summary>The python3 that imports <paramref name="modules"/>; skips the test (or fails it in CI) when none does.</summary>
    public static string With(params string[] modules)
    {
        string? found = null;
        foreach (string candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                Run(candidate, ["-c", string.Join("; ", modules.Select(m => $"import {m}"))]);
                found = candidate;
                break;
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
            }
        }
        string what = $"python3 with {string.Join(" and ", modules)}";
        Skip.If(found is null && Environment.GetEnvironmentVariable("EDGENET_REQUIRE_ONNX") != "1", $"{what} is not installed");
        Assert.True(found is not null, $"EDGENET_REQUIRE_ONNX=1 but no {what} was found");
        return found!;
    }

    /// <summary>Runs python; its standard output, or an exception with its standard error when it fails.</summary>
    public static string Run(string python, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{python} failed: {error.Result}");
        }
        return output;
    }
}
