namespace EdgeNet.IO;

/// <summary>
/// A save written piece by piece (a stream kept open while the work goes on), with <see cref="AtomicFile"/>'s rules:
/// the target checked first (regular file or absent; a symlink's target), a registered temporary file beside it,
/// <see cref="Commit"/> flushes and renames it over the target, <see cref="Dispose"/> without a commit deletes it.
/// Whatever fails (a full disk, the file-size limit of <c>ulimit -f</c>, a folder moved away), the temporary file is
/// deleted before the failure goes on, and the failure names the target and says what happened.
/// </summary>
internal sealed class PendingFile : IDisposable
{
    private const int EFBig = 27, ENoSpc = 28, EDQuot = 122;
    private readonly string _given;
    private readonly string _target;
    private readonly bool _throughLink;
    private readonly string _folder;
    private readonly FileStatus _folderStatus;
    private readonly string _temporary;
    private readonly UnixFileMode? _mode;
    private readonly string _descriptor;
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
        _folder = Path.GetDirectoryName(_target)!;
        _folderStatus = FileStatus.Of(_folder);
        _temporary = Path.Combine(_folder, TemporaryName(Path.GetFileName(_target)));
        _mode = OperatingSystem.IsWindows() || !File.Exists(_target) ? null : File.GetUnixFileMode(_target);
        TemporaryFiles.Add(_temporary);
        try
        {
            Stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            _descriptor = $"/proc/self/fd/{Stream.SafeFileHandle.DangerousGetHandle()}";   // now: later, asking flushes
        }
        catch (Exception e)
        {
            TemporaryFiles.Discard(_temporary);
            if (Failure(e) is { } explained)
            {
                throw explained;
            }
            throw;
        }
    }

    /// <summary>The temporary file, open for reading and writing.</summary>
    public FileStream Stream { get; }

    /// <summary>
    /// Flushes to disk and renames the temporary file over the target (which keeps its permissions); on failure the
    /// temporary file is deleted first and the failure is explained by <see cref="Failure"/>.
    /// </summary>
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
            TemporaryFiles.Commit(_temporary, _target, () =>
            {
                CheckFolder();
                return SaveGuard.Check(_given, _target, _throughLink);
            });
            _done = true;
        }
        catch (Exception e)
        {
            Dispose();
            if (Failure(e) is { } explained)
            {
                throw explained;
            }
            throw;
        }
        Stream.Dispose();                                               // flushed and renamed: nothing is left to write
    }

    /// <summary>
    /// What to throw instead of <paramref name="e"/>, a failure of this save, or null to throw it as it is: a full
    /// disk, the file-size limit (<c>ulimit -f</c>) or a quota said as such with the target's name (not the temporary
    /// file's), a folder moved or deleted during the save named.
    /// </summary>
    public Exception? Failure(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string? reason = e switch
        {
            OutputRefusedException or SaveFailedException => null,
            IOException { HResult: ENoSpc } => "the disk is full",
            IOException { HResult: EDQuot } => "the disk quota is exceeded",
            IOException { HResult: EFBig } or ArgumentException { ParamName: "value" } =>                 // .NET's EFBIG
                "the file would pass the limit on file size (ulimit -f) or the largest file of its file system",
            _ => null,
        };
        if (reason is not null)
        {
            return new SaveFailedException($"cannot write {UserText.Quote(_target)}: {reason}; nothing was replaced.", e);
        }
        return e is IOException and not (OutputRefusedException or SaveFailedException) ? FolderGone() : null;
    }

    /// <summary>Closes and deletes the temporary file unless committed (a close that fails does not keep it).</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }
        _done = true;
        string? moved = OperatingSystem.IsLinux() ? CurrentPath() : null;
        try
        {
            Stream.Dispose();                                           // may throw again what failed (a flush on a full disk)
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // the save has failed already (ArgumentException: .NET's EFBIG); its own failure is the one reported
        }
        finally
        {
            TemporaryFiles.Discard(_temporary, moved);
        }
    }

    // .NAME.PID.GUID.tmp, NAME cut so that the whole name stays within 255 bytes of UTF-8 (the usual name limit).
    private static string TemporaryName(string name)
    {
        string suffix = $".{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        int room = 255 - 1 - suffix.Length;
        int keep = name.Length;
        while (keep > 0 && System.Text.Encoding.UTF8.GetByteCount(name.AsSpan(0, keep)) > room)
        {
            keep--;
        }
        if (keep > 0 && char.IsHighSurrogate(name[keep - 1]))
        {
            keep--;
        }
        return "." + name[..keep] + suffix;
    }

    private void CheckFolder()
    {
        if (FolderGone() is { } gone)
        {
            throw gone;
        }
    }

    // The folder of the target moved or deleted since the save started (the temporary file went with it).
    private SaveFailedException? FolderGone()
    {
        FileStatus now = FileStatus.Of(_folder);
        bool same = now.Kind == FileKind.Directory && (now.SameFileAs(_folderStatus) || (now.Device, now.Inode) == (0, 0));
        return same ? null : new SaveFailedException(
            $"the folder {UserText.Quote(_folder)} was moved or deleted while {UserText.Quote(Path.GetFileName(_target))} was saved in it; nothing was written there.");
    }

    // Where the open temporary file is now (Linux: /proc/self/fd/N follows renames of its folder); null when unknown.
    private string? CurrentPath()
    {
        try
        {
            string? now = File.ResolveLinkTarget(_descriptor, returnFinalTarget: false)?.FullName;
            return now is not null && now != _temporary && Path.GetFileName(now) == Path.GetFileName(_temporary) ? now : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
