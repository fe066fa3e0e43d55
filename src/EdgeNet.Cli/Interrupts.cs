using System.Runtime.InteropServices;
using EdgeNet.Cli.Output;
using EdgeNet.IO;

namespace EdgeNet.Cli;

/// <summary>
/// Ctrl+C (SIGINT), SIGTERM, SIGHUP and SIGQUIT stop edgenet cleanly: the temporary files of saves under way are
/// deleted (<see cref="TemporaryFiles"/>), no new file is started, every file finished before stays as it is, one
/// line goes to standard error, and the exit code is 128 + the signal (130 for Ctrl+C, 143 for SIGTERM).
/// SIGKILL cannot be caught: a save it interrupts leaves its <c>.NAME.PID.GUID.tmp</c> file (never a half-written target).
/// SIGXFSZ (a file past <c>ulimit -f</c>) is ignored: the write fails and the save says so in one line.
/// </summary>
internal static class Interrupts
{
    private static int s_stopping;

    /// <summary>Installs the handlers for the life of the process; keep the returned registrations alive.</summary>
    public static IReadOnlyList<IDisposable> Install(TextWriter error) =>
    [
        PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Stop(c, error, "interrupted (Ctrl+C)", 130)),
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Stop(c, error, "terminated (SIGTERM)", 143)),
        PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => Stop(c, error, "hung up (SIGHUP)", 129)),
        PosixSignalRegistration.Create(PosixSignal.SIGQUIT, c => Stop(c, error, "quit (SIGQUIT)", 131)),
        PosixSignalRegistration.Create(FileSizeExceeded, c => c.Cancel = true),
    ];

    // SIGXFSZ (25 on Linux and macOS), sent when a write goes past `ulimit -f`: ignored, so that the write fails with
    // EFBIG and the save reports it in one line, its temporary file deleted (by default the signal kills the process).
    private static PosixSignal FileSizeExceeded => (PosixSignal)25;

    private static void Stop(PosixSignalContext context, TextWriter error, string what, int exitCode)
    {
        context.Cancel = true;                                          // this handler ends the process itself
        if (Interlocked.Exchange(ref s_stopping, 1) == 1)
        {
            return;
        }
        int removed = TemporaryFiles.DeleteAllAndClose();
        string cleaned = removed == 0 ? string.Empty : $", removed {removed} unfinished temporary file{(removed == 1 ? string.Empty : "s")}";
        ErrorLine.Write(error, $"{what}: stopped{cleaned}; files written before are intact.");
        Environment.Exit(exitCode);
    }
}
