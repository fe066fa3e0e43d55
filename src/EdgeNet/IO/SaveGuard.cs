namespace EdgeNet.IO;

/// <summary>
/// What a run's plan checked, held so that every save checks it again at save time (a file or a link can appear
/// between the plan and the save): the inputs' identities (device and inode) and what each planned output path
/// was. <see cref="PendingFile"/> asks <see cref="Check"/> when it starts and again just before its rename.
/// </summary>
/// <remarks>
/// One guard a command run (<see cref="Begin"/>, ambient through <see cref="AsyncLocal{T}"/>, so worker tasks of the
/// run see it and runs side by side in one process do not). Without a guard (a library caller) the save-time rules
/// still hold for what the save itself saw when it started: no link that appeared, nothing but a regular file.
/// </remarks>
internal sealed class SaveGuard
{
    private static readonly AsyncLocal<SaveGuard?> s_current = new();
    private readonly Lock _gate = new();
    private readonly List<(FileStatus Status, string Target, string Name)> _inputs = [];
    private readonly Dictionary<string, (FileKind Kind, string Target)> _outputs = new(StringComparer.Ordinal);

    /// <summary>The guard of the run on this flow of execution, if any.</summary>
    public static SaveGuard? Current => s_current.Value;

    /// <summary>Starts a fresh guard for one command run; disposing the result restores the one before.</summary>
    public static IDisposable Begin()
    {
        var scope = new Scope(s_current.Value);
        s_current.Value = new SaveGuard();
        return scope;
    }

    /// <summary>
    /// Records an input (its final target and identity, links followed): no save may replace it. <paramref name="name"/>
    /// names it in messages (the option that gave it).
    /// </summary>
    public void Protect(string name, string target, FileStatus status)
    {
        lock (_gate)
        {
            _inputs.Add((status, target, name));
        }
    }

    /// <summary>
    /// Records what the planned output <paramref name="full"/> was when checked: its kind (links not followed) and
    /// where a save to it goes (itself, or the final target of the link it is).
    /// </summary>
    public void Expect(string full, FileKind kind, string target)
    {
        lock (_gate)
        {
            _outputs[full] = (kind, target);
        }
    }

    /// <summary>
    /// Checks a save now: <paramref name="full"/> (as given) still leads to <paramref name="target"/> (the regular
    /// file, existing or not, the save resolved when it started) and <paramref name="target"/> is neither an input nor
    /// anything but a regular file. Returns true when the target exists (the rename replaces it).
    /// </summary>
    /// <param name="full">The full path the save was asked for.</param>
    /// <param name="target">Where the save goes: <paramref name="full"/>, or the final target of the link it was.</param>
    /// <param name="wasLink">Whether <paramref name="full"/> was a symlink when the save started.</param>
    /// <exception cref="OutputRefusedException">Something changed since the plan in a way that would replace the wrong file.</exception>
    public static bool Check(string full, string target, bool wasLink)
    {
        SaveGuard? guard = Current;
        (FileKind Kind, string Target) planned = default;
        bool knownToPlan = guard is not null && guard.Planned(full, out planned);
        FileStatus given = FileStatus.Of(full, followLinks: false);
        if (given.Kind == FileKind.Symlink)
        {
            if (!wasLink || (knownToPlan && planned.Kind != FileKind.Symlink))
            {
                throw new OutputRefusedException($"{UserText.Quote(full)} became a symbolic link after it was checked; nothing was replaced.");
            }
            if (SaveTarget.Final(full) != target || (knownToPlan && planned.Target != target))
            {
                throw new OutputRefusedException($"the symbolic link {UserText.Quote(full)} was changed to point elsewhere after it was checked; nothing was replaced.");
            }
        }
        else if (wasLink)
        {
            throw new OutputRefusedException($"the symbolic link {UserText.Quote(full)} was replaced after it was checked; nothing was replaced.");
        }
        FileStatus now = FileStatus.Of(target, followLinks: false);
        if (now.Kind is not (FileKind.Regular or FileKind.Missing))
        {
            throw new OutputRefusedException($"{UserText.Quote(target)} became {FileStatus.Describe(now.Kind)} after it was checked; nothing was replaced.");
        }
        if (guard?.InputAt(target, now) is { } input)
        {
            throw new OutputRefusedException($"{UserText.Quote(full)} is now the input {input} (it changed after it was checked); edgenet never writes over its input: nothing was replaced.");
        }
        return now.Kind == FileKind.Regular;
    }

    private bool Planned(string full, out (FileKind Kind, string Target) planned)
    {
        lock (_gate)
        {
            return _outputs.TryGetValue(full, out planned);
        }
    }

    private string? InputAt(string target, FileStatus now)
    {
        lock (_gate)
        {
            foreach ((FileStatus status, string inputTarget, string name) in _inputs)
            {
                if (inputTarget == target || now.SameFileAs(status))
                {
                    return name;
                }
            }
            return null;
        }
    }

    private sealed class Scope(SaveGuard? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
