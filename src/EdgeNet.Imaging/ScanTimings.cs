using System.Diagnostics;

namespace EdgeNet.Imaging;

/// <summary>The stages of a scan, in the order a photo goes through them.</summary>
public enum ScanStage
{
    /// <summary>Reading the photo's file into memory.</summary>
    Read,

    /// <summary>Decoding the compressed pixels (JPEG to RGBA, or PNG).</summary>
    Decode,

    /// <summary>Turning decoded pixels into one gray byte a pixel (and upright, as EXIF says).</summary>
    Gray,

    /// <summary>Gray bytes to floats and the network over every window (<see cref="Inference.PatchScanner"/>).</summary>
    Network,

    /// <summary>Thinning, thresholds, the map's bytes, the colour pictures and Sobel's comparison.</summary>
    Paint,

    /// <summary>PNG encoding (filter, deflate, chunks).</summary>
    Encode,

    /// <summary>Writing files (temporary file, then rename), the raw numbers too.</summary>
    Write,

    /// <summary>The scan waiting for rows the decoder has not delivered yet (wall only).</summary>
    WaitForDecoder,
}

/// <summary>
/// Where a scan's time goes: per <see cref="ScanStage"/>, the wall time of the thread that runs or waits for the
/// stage, and the CPU time of every thread that works on it (each thread's own CPU clock, read before and after its
/// piece). Adds up over every photo of a run; safe to add to from any thread.
/// </summary>
public sealed class ScanTimings
{
    private static readonly int Stages = Enum.GetValues<ScanStage>().Length;
    private readonly long[] _wallTicks = new long[Stages];
    private readonly long[] _cpuNanoseconds = new long[Stages];

    /// <summary>Whether this platform gives each thread's CPU time (Linux, macOS, Windows); without it CPU columns are zero.</summary>
    public static bool ThreadCpuAvailable => ThreadCpu.Available;

    /// <summary>Wall time of a stage (summed over photos; a stage that runs beside another overlaps it).</summary>
    public TimeSpan Wall(ScanStage stage) => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _wallTicks[(int)stage]));

    /// <summary>CPU time of a stage: every thread that worked on it.</summary>
    public TimeSpan Cpu(ScanStage stage) => TimeSpan.FromTicks(Interlocked.Read(ref _cpuNanoseconds[(int)stage]) / 100);

    /// <summary>Times a stage run by the calling thread alone: wall and CPU (null timings: nothing).</summary>
    internal static Measure Both(ScanTimings? timings, ScanStage stage) => new(timings, stage, wall: true, cpu: true);

    /// <summary>Times the wall of a stage whose work runs on other threads (each measures its own <see cref="CpuOf"/>).</summary>
    internal static Measure WallOf(ScanTimings? timings, ScanStage stage) => new(timings, stage, wall: true, cpu: false);

    /// <summary>Times one worker's piece of a parallel stage: its CPU only.</summary>
    internal static Measure CpuOf(ScanTimings? timings, ScanStage stage) => new(timings, stage, wall: false, cpu: true);

    /// <summary>A running measurement; disposing adds it to its stage.</summary>
    internal readonly struct Measure : IDisposable
    {
        private readonly ScanTimings? _owner;
        private readonly ScanStage _stage;
        private readonly long _wallStart;
        private readonly long _cpuStart;

        public Measure(ScanTimings? owner, ScanStage stage, bool wall, bool cpu)
        {
            (_owner, _stage) = (owner, stage);
            _wallStart = owner is not null && wall ? Stopwatch.GetTimestamp() : -1;
            _cpuStart = owner is not null && cpu ? ThreadCpu.Nanoseconds() : -1;
        }

        public void Dispose()
        {
            if (_owner is null)
            {
                return;
            }
            if (_wallStart >= 0)
            {
                Interlocked.Add(ref _owner._wallTicks[(int)_stage], Stopwatch.GetTimestamp() - _wallStart);
            }
            if (_cpuStart >= 0)
            {
                Interlocked.Add(ref _owner._cpuNanoseconds[(int)_stage], ThreadCpu.Nanoseconds() - _cpuStart);
            }
        }
    }
}
