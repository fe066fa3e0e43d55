namespace EdgeNet.IO;

/// <summary>
/// The temporary files being written right now (by <see cref="AtomicFile"/>), so that an interrupt can remove them:
/// the command line's Ctrl+C/SIGTERM handler calls <see cref="DeleteAllAndClose"/> before the process ends.
/// A process killed with SIGKILL cannot clean up; its <c>.NAME.PID.GUID.tmp</c> files stay behind (the target is
/// never touched by an unfinished save).
/// </summary>
internal static class TemporaryFiles
{
    private static readonly Lock s_gate = new();
    private static readonly HashSet<string> s_live = new(StringComparer.Ordinal);
    private static bool s_closed;

    /// <summary>How many temporary files are being written now.</summary>
    public static int Count
    {
        get
        {
            lock (s_gate)
            {
                return s_live.Count;
            }
        }
    }

    /// <summary>
    /// Deletes every temporary file being written and refuses new ones (a save after this throws
    /// <see cref="OperationCanceledException"/>); returns how many were deleted. Meant for the interrupt handler.
    /// </summary>
    public static int DeleteAllAndClose()
    {
        lock (s_gate)
        {
            s_closed = true;
            int deleted = 0;
            foreach (string path in s_live)
            {
                deleted += TryDelete(path) ? 1 : 0;
            }
            s_live.Clear();
            return deleted;
        }
    }

    /// <summary>Registers <paramref name="path"/> before it is created.</summary>
    internal static void Add(string path)
    {
        lock (s_gate)
        {
            ThrowIfClosed();
            s_live.Add(path);
        }
    }

    /// <summary>
    /// Renames the finished temporary file over <paramref name="target"/>, unless an interrupt came first.
    /// <paramref name="check"/> runs just before the rename (it throws to refuse; it returns whether the target exists):
    /// an absent target is never replaced by the rename (something that appeared since is checked again first).
    /// </summary>
    internal static void Commit(string temporary, string target, Func<bool> check)
    {
        lock (s_gate)
        {
            ThrowIfClosed();
            if (!FileRename.Move(temporary, target, replace: check()) && !FileRename.Move(temporary, target, replace: check()))
            {
                throw new OutputRefusedException($"{UserText.Quote(target)} kept changing during the save; nothing was replaced.");
            }
            s_live.Remove(temporary);
        }
    }

    /// <summary>
    /// Deletes a temporary file that will not be committed (the save failed); <paramref name="movedTo"/> is where it
    /// is now when its folder was moved during the save.
    /// </summary>
    internal static void Discard(string temporary, string? movedTo = null)
    {
        lock (s_gate)
        {
            TryDelete(temporary);
            if (movedTo is not null)
            {
                TryDelete(movedTo);
            }
            s_live.Remove(temporary);
        }
    }

    /// <summary>Only for tests: accept new temporary files again after <see cref="DeleteAllAndClose"/>.</summary>
    internal static void Reopen()
    {
        lock (s_gate)
        {
            s_closed = false;
        }
    }

    private static void ThrowIfClosed()
    {
        if (s_closed)
        {
            throw new OperationCanceledException("interrupted: no more files are written.");
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
