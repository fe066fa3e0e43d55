namespace EdgeNet.IO;

/// <summary>
/// The one way edgenet saves a file: whole or not at all. The target must be a regular file or absent (a symlink's
/// final target is replaced in its own folder, the link stays; a device, pipe, socket or folder is refused, see
/// <see cref="SaveTarget"/>). The bytes go to a temporary file beside the target, are flushed to disk, then the
/// temporary file is renamed over the target. On failure the temporary file is deleted and the target is untouched;
/// on Ctrl+C/SIGTERM the command line deletes it through <see cref="TemporaryFiles"/>.
/// </summary>
/// <remarks>
/// At save time (when the save starts and again just before the rename) <see cref="SaveGuard.Check"/> makes sure the
/// target is still what the run's plan checked: not an input (by device and inode), not a link or another kind of
/// file that appeared since. The rename replaces a name, never what a link there points to, and an absent target is
/// renamed onto with <c>RENAME_NOREPLACE</c>. What remains: between that last check and the rename, a regular file at
/// the target can be swapped for a link or a hard link to an input; the rename then replaces that link, never the
/// input itself (docs/errors.md, "Saves and races").
/// </remarks>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>; on any failure the target is untouched.</summary>
    /// <exception cref="OutputRefusedException">The path names something other than a regular file.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="OperationCanceledException">An interrupt came: nothing more is written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var pending = new PendingFile(path);
        try
        {
            write(pending.Stream);
        }
        catch (Exception e)
        {
            pending.Dispose();                                          // the temporary file goes first
            if (pending.Failure(e) is { } explained)
            {
                throw explained;
            }
            throw;
        }
        pending.Commit();
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8, atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(text);
        });
}
