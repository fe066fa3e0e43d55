namespace EdgeNet.Playground;

/// <summary>
/// Admits sessions by memory and counts them: each holds a share of the memory budget (its footprint,
/// <see cref="RunFootprint"/>) that grows or shrinks, or is refused, before a run is created; and it counts the open
/// sessions (against the cap) and those training right now.
/// </summary>
internal sealed class SessionRegistry(int maxSessions, long memoryBudget) : ITrainingShare, IMemoryBudget
{
    private readonly Lock _gate = new();
    private int _open;
    private int _training;
    private long _reserved;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Open => Volatile.Read(ref _open);

    public int Training => Volatile.Read(ref _training);

    /// <summary>The bytes all sessions may hold together.</summary>
    public long Budget => memoryBudget;

    /// <summary>The bytes the open sessions hold now.</summary>
    public long Reserved
    {
        get
        {
            lock (_gate)
            {
                return _reserved;
            }
        }
    }

    /// <summary>Completes at the next change of <see cref="Open"/>, <see cref="Training"/> or <see cref="Reserved"/> (take it before reading them).</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    /// <summary>Takes a place holding <paramref name="footprint"/> bytes; returns why not (the tab cap, or the memory), or null.</summary>
    public string? TryEnter(long footprint)
    {
        lock (_gate)
        {
            if (_open >= maxSessions)
            {
                return $"The playground already has {maxSessions} tabs open, its cap. Close one and reload this page.";
            }
            if (_reserved + footprint > memoryBudget)
            {
                return $"The playground's memory budget ({Megabytes(memoryBudget)}) is taken by the tabs open now ({Megabytes(_reserved)}). Close one and reload this page.";
            }
            _open++;
            _reserved += footprint;
        }
        Signal();
        return null;
    }

    /// <summary>Gives the place and the <paramref name="footprint"/> it held back.</summary>
    public void Leave(long footprint)
    {
        lock (_gate)
        {
            _open--;
            _reserved -= footprint;
        }
        Signal();
    }

    public string? TryResize(long held, long wanted)
    {
        lock (_gate)
        {
            long free = memoryBudget - _reserved;
            if (wanted > held && wanted - held > free)
            {
                return $"This run needs about {Megabytes(wanted)} of memory on the server, and {Megabytes(held + Math.Max(0, free))} of the playground's budget of {Megabytes(memoryBudget)} is free for this tab now. Use fewer samples, a smaller patch or network, or close another tab.";
            }
            _reserved += wanted - held;
        }
        Signal();
        return null;
    }

    public void ChangeTraining(int change)
    {
        Interlocked.Add(ref _training, change);
        Signal();
    }

    /// <summary>Bytes as whole megabytes (MiB, rounded up), for messages.</summary>
    public static string Megabytes(long bytes) => $"{(bytes + (1L << 20) - 1) >> 20} MB";

    private void Signal() =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
