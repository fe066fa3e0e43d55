namespace EdgeNet.IO;

/// <summary>
/// A save written piece by piece (a stream kept open while the work goes on), with <see cref="AtomicFile"/>'s rules:
/// the target checked first (regular file or absent; a symlink's target), a registered temporary file beside it,
/// <see cref="Commit"/> flushes and renames it over the target, <see cref="Dispose"/> without a commit deletes it.
/// </summary>
internal sealed class PendingFile : IDisposable
{
    private readonly string _given;
    private readonly string _target;
    private readonly bool _throughLink;
    private readonly string _temporary;
    private readonly UnixFileMode? _mode;
    private bool _done;

    /// <summary>Starts a save to <paramref name="path"/>.</summary>
    /// <exception cref="OutputRefusedException">The path names something other than a regular file.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="OperationCanceledException">An interrupt came: nothing more is written.</exception>
    public PendingFile(string path)
    {
        _given = Path.GetFullPath(path);
        _target = SaveTarget.Resolve(_given);
        _throughLink = _target != _given;
        SaveGuard.Check(_given, _target, _throughLink);                 // what the plan checked still holds
        string name = Path.GetFileName(_target);
        _temporary = Path.Combine(Path.GetDirectoryName(_target)!, $".{(name.Length > 100 ? name[..100] : name)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        _mode = OperatingSystem.IsWindows() || !File.Exists(_target) ? null : File.GetUnixFileMode(_target);
        TemporaryFiles.Add(_temporary);
        try
        {
            Stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        }
        catch
        {
            TemporaryFiles.Discard(_temporary);
            throw;
        }
    }

    /// <summary>The temporary file, open for reading and writing.</summary>
    public FileStream Stream { get; }

    /// <summary>Flushes to disk and renames the temporary file over the target (which keeps its permissions).</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        try
        {
            Stream.Flush(flushToDisk: true);
            if (_mode is { } kept && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Stream.SafeFileHandle, kept);
            }
            Stream.Dispose();
            TemporaryFiles.Commit(_temporary, _target, () => SaveGuard.Check(_given, _target, _throughLink));
            _done = true;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Closes and deletes the temporary file unless committed.</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }
        _done = true;
        Stream.Dispose();
        TemporaryFiles.Discard(_temporary);
    }
}
