using System.Diagnostics;
using CsCheck;
using Xunit.Abstractions;

namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// Runs a property over a fixed number of inputs drawn by a CsCheck generator from a fixed seed: the same inputs on
/// every machine and every run (CsCheck's own <c>Sample</c> draws fresh seeds after the first iteration). A failing
/// input is reported with its number, the seed and the input itself.
/// </summary>
internal static class FuzzCases
{
    /// <summary>Checks <paramref name="property"/> on <paramref name="count"/> inputs, then writes what the runs did to <paramref name="log"/>.</summary>
    public static void Run<T>(ITestOutputHelper log, Gen<T> gen, ulong seed, int count, Action<T> property, Func<T, string> show)
    {
        var clock = Stopwatch.StartNew();
        _ = HostileRun.TakeSummary();
        var random = new PCG(1, seed);
        for (int i = 0; i < count; i++)
        {
            T input = gen.Generate(random, null, out _);
            try
            {
                property(input);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"fuzz case {i} (seed {seed}) failed for {show(input)}:\n{e}");
            }
        }
        log.WriteLine($"{count} inputs in {clock.Elapsed.TotalSeconds:F1} s: {HostileRun.TakeSummary()}");
    }
}
