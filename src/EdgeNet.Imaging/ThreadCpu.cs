using System.Runtime.InteropServices;

namespace EdgeNet.Imaging;

/// <summary>
/// The calling thread's CPU time (user + system), from the operating system: <c>clock_gettime</c> with the thread's
/// CPU clock on Linux and macOS, <c>GetThreadTimes</c> on Windows. Elsewhere unavailable (−1).
/// </summary>
internal static partial class ThreadCpu
{
    private const int LinuxThreadClock = 3;                                     // CLOCK_THREAD_CPUTIME_ID
    private const int MacThreadClock = 16;

    public static bool Available { get; } = Nanoseconds() >= 0;

    /// <summary>Nanoseconds of CPU the calling thread has used; −1 where the platform does not say.</summary>
    public static long Nanoseconds()
    {
        try
        {
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                return ClockGetTime(OperatingSystem.IsLinux() ? LinuxThreadClock : MacThreadClock, out Timespec now) == 0
                    ? (now.Seconds * 1_000_000_000) + now.Nanoseconds
                    : -1;
            }
            if (OperatingSystem.IsWindows())
            {
                return GetThreadTimes(GetCurrentThread(), out _, out _, out long kernel, out long user) ? (kernel + user) * 100 : -1;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
        return -1;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);

    [LibraryImport("kernel32")]
    private static partial nint GetCurrentThread();

    [LibraryImport("kernel32", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool GetThreadTimes(nint thread, out long creation, out long exit, out long kernel, out long user);
}
