using System.Runtime.InteropServices;

namespace EdgeNet.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): on a shared machine it leaves out the
/// time other processes held the core. The Python peers use the same clock (<c>time.thread_time_ns</c>).
/// </summary>
public static partial class ThreadClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux();

    public static long Nanoseconds()
    {
        if (!IsAvailable)
        {
            return (long)(System.Diagnostics.Stopwatch.GetTimestamp() * (1e9 / System.Diagnostics.Stopwatch.Frequency));
        }
        _ = ClockGetTime(ClockThreadCpuTimeId, out TimeSpec time);
        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
