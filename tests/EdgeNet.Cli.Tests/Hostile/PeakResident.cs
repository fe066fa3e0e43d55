namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// The process's peak resident memory (Linux: VmHWM in /proc/self/status), and its reset (writing 5 to
/// /proc/self/clear_refs). Where either is not available the measurement reports -1 and is skipped.
/// </summary>
internal static class PeakResident
{
    /// <summary>Resets the peak to the current resident size and returns it in bytes, or -1.</summary>
    public static long Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    /// <summary>The peak resident size in bytes since the last reset, or -1.</summary>
    public static long Read()
    {
        try
        {
            string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? -1 : long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }
}
