using EdgeNet.IO;

namespace EdgeNet.Cli.Output;

/// <summary>
/// Every file a command will write, checked together BEFORE any work starts, so that a command never fails after
/// writing half of its files. Each output must be a regular file or absent (a symlink to a regular file is fine:
/// its target is what gets replaced), in a folder that exists and can be written; no two outputs may be the same
/// file, and no output may be one of the command's inputs. "The same file" is compared by full path (symlinks
/// followed) and by identity (device and inode), so a symlink or hard link to an input is caught too.
/// </summary>
/// <remarks>
/// Usage: declare the inputs (<see cref="Input(FileInfo?, string)"/>), the outputs (<see cref="Output(FileInfo?, string)"/>,
/// <see cref="Output(string, string)"/>) and the folders of outputs (<see cref="Folder"/>) in any order; each call
/// checks at once and throws a <see cref="UsageException"/> naming the option. Folders are created by
/// <see cref="CreateFolders"/> once everything is checked. What the plan saw (the inputs' identities, each output's
/// kind and link target) goes to the run's <see cref="SaveGuard"/>: saving goes through <see cref="AtomicFile"/>, which
/// checks it all again just before the rename, so a link or file that appears after the plan replaces no input.
/// </remarks>
internal sealed class OutputPlan
{
    private readonly List<Entry> _inputs = [];
    private readonly List<Entry> _outputs = [];
    private readonly List<Entry> _folders = [];

    /// <summary>Records an input so that no output replaces it; null (option not given) is ignored.</summary>
    public void Input(FileInfo? file, string option)
    {
        if (file is not null)
        {
            Input(file.FullName, option);
        }
    }

    /// <summary>Records an input path so that no output replaces it.</summary>
    public void Input(string path, string option)
    {
        string full = Path.GetFullPath(path);
        var entry = new Entry(option, Final(full), full, FileStatus.Of(full));
        foreach (Entry output in _outputs)
        {
            CheckNotInput(output, entry);
        }
        _inputs.Add(entry);
        SaveGuard.Current?.Protect(option, entry.Target, entry.Status);            // checked again by every save, at save time
    }

    /// <summary>Checks and records an output file; returns its full path (null when the option was not given).</summary>
    public string? Output(FileInfo? file, string option) => file is null ? null : Output(file.FullName, option);

    /// <summary>Checks and records an output file (a derived one such as NAME.sobel.png too); returns its full path.</summary>
    public string Output(string path, string option)
    {
        string full = Path.GetFullPath(path);
        FileStatus here = FileStatus.Of(full, followLinks: false);
        if (here.Kind == FileKind.Directory || full.EndsWith(Path.DirectorySeparatorChar))
        {
            throw new UsageException($"{option}: {UserText.Quote(full)} is a folder; give a file name.");
        }
        Entry? plannedFolder = _folders.Find(f => f.Target == Path.GetDirectoryName(full));
        string target;
        if (plannedFolder is not null && plannedFolder.Status.Kind == FileKind.Missing)
        {
            target = full;                                                  // inside a folder still to be created
        }
        else
        {
            try
            {
                target = SaveTarget.Resolve(full);
            }
            catch (OutputRefusedException e)
            {
                throw new UsageException($"{option}: {e.Message}");
            }
            catch (DirectoryNotFoundException e)
            {
                throw new UsageException($"{option}: {e.Message}");             // names the folder the save would go in
            }
            string folder = Path.GetDirectoryName(target)!;
            if (!FileStatus.CanWriteIn(folder))
            {
                throw new UsageException($"{option}: cannot write in the folder {UserText.Quote(folder)} (no permission).");
            }
        }
        var entry = new Entry(option, target, full, FileStatus.Of(target, followLinks: false));
        foreach (Entry other in _outputs)
        {
            if (Same(entry, other))
            {
                throw new UsageException($"{option} and {other.Option} both write {UserText.Quote(other.Given)}; give them different names.");
            }
        }
        foreach (Entry folder in _folders)
        {
            if (entry.Target == folder.Target)
            {
                throw new UsageException($"{option} {UserText.Quote(full)} is also the folder of {folder.Option}; give them different names.");
            }
        }
        foreach (Entry input in _inputs)
        {
            CheckNotInput(entry, input);
        }
        _outputs.Add(entry);
        SaveGuard.Current?.Expect(full, here.Kind, target);                     // the save checks that this still holds
        return full;
    }

    /// <summary>
    /// Checks a folder of outputs (created by <see cref="CreateFolders"/> when missing; its parent must exist or be a
    /// planned folder itself, declared first) and
    /// records each of <paramref name="files"/> in it as an output. Returns its full path, or null when not given.
    /// </summary>
    public string? Folder(DirectoryInfo? folder, string option, IEnumerable<string> files)
    {
        if (folder is null)
        {
            return null;
        }
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder.FullName));
        FileStatus status = FileStatus.Of(full);
        if (status.Kind is not (FileKind.Directory or FileKind.Missing))
        {
            throw new UsageException($"{option}: {UserText.Quote(full)} is {FileStatus.Describe(status.Kind)}; give a folder.");
        }
        string target = Final(full);
        string writable = status.Kind == FileKind.Directory ? target : Path.GetDirectoryName(full) ?? full;
        bool parentPlanned = status.Kind == FileKind.Missing && _folders.Exists(f => f.Given == writable && f.Status.Kind == FileKind.Missing);
        if (status.Kind == FileKind.Missing && !parentPlanned && FileStatus.Of(writable).Kind != FileKind.Directory)
        {
            throw new UsageException($"{option}: the folder {UserText.Quote(writable)} does not exist.");
        }
        if (!parentPlanned && !FileStatus.CanWriteIn(writable))
        {
            throw new UsageException($"{option}: cannot write in the folder {UserText.Quote(writable)} (no permission).");
        }
        var entry = new Entry(option, target, full, status);
        foreach (Entry output in _outputs.Concat(_inputs))
        {
            if (output.Target == target)
            {
                throw new UsageException($"{option} {UserText.Quote(full)} is also {output.Option}; give them different names.");
            }
        }
        _folders.Add(entry);
        foreach (string name in files)
        {
            Output(Path.Combine(full, name), $"{option} ({name})");
        }
        return full;
    }

    /// <summary>Creates the planned folders that do not exist yet; call once every output is checked.</summary>
    public void CreateFolders()
    {
        foreach (Entry folder in _folders)
        {
            Directory.CreateDirectory(folder.Given);
        }
    }

    private static void CheckNotInput(Entry output, Entry input)
    {
        if (output.Target == input.Target || output.Status.SameFileAs(input.Status))
        {
            throw new UsageException(
                $"{output.Option} {UserText.Quote(output.Given)} is the input {input.Option}; edgenet never writes over its input: choose another name.");
        }
    }

    private static bool Same(Entry a, Entry b) => a.Target == b.Target || a.Status.SameFileAs(b.Status);

    // The final target of a chain of symlinks, or the path itself (a loop is refused by the save).
    private static string Final(string full) => SaveTarget.Final(full) ?? full;

    private sealed record Entry(string Option, string Target, string Given, FileStatus Status);
}
