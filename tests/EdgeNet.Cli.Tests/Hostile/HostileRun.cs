using System.Security.Cryptography;

namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// One run of edgenet on hostile input, held to what docs/errors.md promises: exit 0, 1 or 2 (never 70, the code for
/// a bug); no stack trace and at most one line on standard error, with no terminal escape, cut to a sensible length;
/// after a failure no file added or changed in the folder; never a temporary file left; and memory within
/// <see cref="MemoryBudget"/> (bytes allocated on the managed heap, and the growth of the process's peak resident
/// memory where Linux lets it be measured).
/// </summary>
internal static class HostileRun
{
    /// <summary>
    /// Memory one run may take. The fuzz inputs are small (a few KB, images of at most a few thousand pixels unless
    /// the header lies): anything near this means a size was trusted before it was checked.
    /// </summary>
    public const long MemoryBudget = 256L << 20;

    private static readonly SortedDictionary<int, int> Exits = [];

    private static (long Allocated, long Resident) _largest;

    /// <summary>What the runs since the last call did: how many ended with each exit code, and the most memory one took.</summary>
    public static string TakeSummary()
    {
        string summary = string.Join(", ", Exits.Select(e => $"{e.Value} × exit {e.Key}"))
            + $"; largest allocation {_largest.Allocated >> 20} MB, largest peak resident growth {_largest.Resident >> 20} MB (budget {MemoryBudget >> 20} MB)";
        Exits.Clear();
        _largest = (0, 0);
        return summary;
    }

    public static CliRun Check(TempFolder folder, params string[] args)
    {
        Dictionary<string, string> before = Snapshot(folder.Path);
        long residentBefore = PeakResident.Reset();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        CliRun run = CliRun.Of(args);

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        long resident = residentBefore < 0 ? 0 : Math.Max(0, PeakResident.Read() - residentBefore);
        _largest = (Math.Max(_largest.Allocated, allocated), Math.Max(_largest.Resident, resident));
        Exits[run.ExitCode] = Exits.GetValueOrDefault(run.ExitCode) + 1;
        if (Environment.GetEnvironmentVariable("EDGENET_FUZZ_LOG") is { Length: > 0 } log)
        {
            File.AppendAllText(log, $"{run.ExitCode}\t{allocated >> 20}\t{resident >> 20}\t{run.Error.TrimEnd()}\n");
        }
        Dictionary<string, string> after = Snapshot(folder.Path);

        string shown = string.Join(' ', args.Select(a => a.Length > 60 ? a[..60] + "…" : a));
        Assert.True(run.ExitCode is ExitCodes.Success or ExitCodes.Failure or ExitCodes.Usage, $"exit {run.ExitCode} for {shown}: {run.Error}");
        Assert.False(run.Error.Contains("   at ", StringComparison.Ordinal) || run.Error.Contains("Unhandled exception", StringComparison.Ordinal), $"stack trace for {shown}: {run.Error}");
        Assert.True(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 1, $"more than one line on stderr for {shown}:\n{run.Error}");
        Assert.True(run.ExitCode == 0 || run.Error.StartsWith("edgenet: ", StringComparison.Ordinal), $"failure without its line for {shown}: '{run.Error}'");
        Assert.DoesNotContain('\u001b', run.Error);
        Assert.True(run.Error.Length <= EdgeNet.IO.UserText.MaxLine + 20, $"{run.Error.Length} characters on stderr for {shown}");
        Assert.True(!after.Keys.Any(IsTemporary), $"temporary file left by {shown}: {string.Join(", ", after.Keys)}");
        if (run.ExitCode != 0)
        {
            Assert.True(before.Count == after.Count && before.All(b => after.TryGetValue(b.Key, out string? hash) && hash == b.Value),
                $"exit {run.ExitCode} but the folder changed for {shown}: [{string.Join(", ", before.Keys)}] → [{string.Join(", ", after.Keys)}]");
        }
        Assert.True(allocated < MemoryBudget, $"{allocated >> 20} MB allocated for {shown}");
        Assert.True(resident < MemoryBudget, $"peak resident memory grew by {resident >> 20} MB for {shown}");
        return run;
    }

    private static bool IsTemporary(string path) => Path.GetFileName(path).EndsWith(".tmp", StringComparison.Ordinal);

    // Every entry under the folder (recursively, links not followed) with a hash of its bytes ("dir" for a folder).
    private static Dictionary<string, string> Snapshot(string folder)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            entries[path] = new FileInfo(path).LinkTarget is { } target ? "link→" + target
                : Directory.Exists(path) ? "dir"
                : Hash(path);
        }
        return entries;
    }

    private static string Hash(string path)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            return stream.Length > (64 << 20) ? $"{stream.Length} bytes" : Convert.ToHexString(SHA256.HashData(stream));
        }
        catch (IOException)
        {
            return "unreadable";
        }
        catch (UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }
}
