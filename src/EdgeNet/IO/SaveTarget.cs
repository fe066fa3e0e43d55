namespace EdgeNet.IO;

/// <summary>
/// Where a save really goes: the path itself when it is a regular file or absent, the final target of a symlink
/// (so the link stays and its target is replaced); anything else (a device such as <c>/dev/null</c>, a named pipe,
/// a socket, a folder) is refused.
/// </summary>
internal static class SaveTarget
{
    /// <summary>The full path of the regular file (existing or not) that a save to <paramref name="path"/> replaces.</summary>
    /// <exception cref="OutputRefusedException">The path names something other than a regular file.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder the file would go in does not exist.</exception>
    public static string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        FileStatus status = FileStatus.Of(full, followLinks: false);
        string target = full;
        if (status.Kind == FileKind.Symlink)
        {
            target = Final(full)
                ?? throw new OutputRefusedException($"{UserText.Quote(full)} is a symbolic link that cannot be followed (a loop?); edgenet saves only to regular files.");
            status = FileStatus.Of(target, followLinks: false);
        }
        if (status.Kind is not (FileKind.Regular or FileKind.Missing))
        {
            string through = target == full ? string.Empty : $" (the target of the link {UserText.Quote(full)})";
            throw new OutputRefusedException(
                $"{UserText.Quote(target)}{through} is {FileStatus.Describe(status.Kind)}, not a regular file; edgenet saves only to regular files.");
        }
        string folder = Path.GetDirectoryName(target) ?? target;
        if (FileStatus.Of(folder).Kind != FileKind.Directory)
        {
            string link = target == full ? string.Empty : $" (the link {UserText.Quote(full)} points into it)";
            throw new DirectoryNotFoundException($"the folder {UserText.Quote(folder)} does not exist{link}.");
        }
        return target;
    }

    /// <summary>The final target of a chain of symlinks (full path), or <paramref name="full"/> itself; null for a loop.</summary>
    internal static string? Final(string full)
    {
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target ? Path.GetFullPath(target.FullName) : full;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
