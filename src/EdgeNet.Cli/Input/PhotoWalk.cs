using EdgeNet.IO;

namespace EdgeNet.Cli.Input;

/// <summary>
/// The photos of a folder for <c>scan --out-dir</c>: its files named like photos and, with <c>recursive</c>, those of
/// its subfolders, given one at a time as the walk goes (memory holds the listings of the folders on the way down,
/// never the tree). Every folder is entered at most once, told apart by device and inode, so a link such as
/// <c>self -&gt; .</c> or a deeper loop ends; a folder that holds the starting folder (<c>up -&gt; ..</c>, <c>/</c>) is
/// never entered. Names come in ordinal order of their path, as a sorted list of the whole tree would give them.
/// </summary>
/// <remarks>
/// A file whose name looks like a photo is given whatever it is (a FIFO, a dangling link, a loop of links): opening it
/// names what it is. Where identities are unknown (not Linux), symlinked folders are not followed.
/// </remarks>
internal static class PhotoWalk
{
    /// <summary>The photos under <paramref name="folder"/> (a full path): their full paths and paths relative to it.</summary>
    public static IEnumerable<(string Path, string Name)> Photos(string folder, bool recursive, Func<string, bool> isPhoto)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(isPhoto);
        string root = Path.TrimEndingDirectorySeparator(folder);
        HashSet<(ulong, ulong)> above = Ancestors(root);
        var entered = new HashSet<(ulong, ulong)>();
        FileStatus rootStatus = FileStatus.Of(root);
        entered.Add((rootStatus.Device, rootStatus.Inode));
        var stack = new Stack<(string Relative, IEnumerator<Entry> Entries)>();
        stack.Push((string.Empty, List(root, recursive, isPhoto)));
        while (stack.Count > 0)
        {
            (string relative, IEnumerator<Entry> entries) = stack.Peek();
            if (!entries.MoveNext())
            {
                entries.Dispose();
                stack.Pop();
                continue;
            }
            Entry entry = entries.Current;
            string name = relative.Length == 0 ? entry.Name : Path.Join(relative, entry.Name);
            string full = Path.Join(root, name);
            if (!entry.Folder)
            {
                yield return (full, name);
                continue;
            }
            FileStatus status = FileStatus.Of(full);
            (ulong, ulong) identity = (status.Device, status.Inode);
            bool known = identity != (0, 0);
            bool link = FileStatus.Of(full, followLinks: false).Kind == FileKind.Symlink;
            if (status.Kind != FileKind.Directory || (!known && link) || (known && (above.Contains(identity) || !entered.Add(identity))))
            {
                continue;                                                          // a loop, a folder above, or gone
            }
            stack.Push((name, List(full, recursive, isPhoto)));
        }
    }

    // The folder's files named like photos and (recursive) its subfolders, in the order of their paths: a folder "a"
    // sorts as "a/", so "a.png" comes before "a/b.png" as in a sorted list of full paths.
    private static IEnumerator<Entry> List(string folder, bool recursive, Func<string, bool> isPhoto)
    {
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, MatchType = MatchType.Simple };
        var entries = new List<Entry>();
        foreach (FileSystemInfo info in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options))
        {
            bool isFolder = info is DirectoryInfo;
            if (isFolder ? recursive : isPhoto(info.Name))
            {
                entries.Add(new Entry(info.Name, isFolder));
            }
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return entries.GetEnumerator();
    }

    // The identities of the folder and every folder above it, up to the root of the file system (".." as the kernel
    // resolves it, so through the real parents whatever links led here).
    private static HashSet<(ulong, ulong)> Ancestors(string folder)
    {
        var identities = new HashSet<(ulong, ulong)>();
        string path = folder;
        for (int depth = 0; depth < 4096; depth++)
        {
            FileStatus status = FileStatus.Of(path);
            if (status.Kind != FileKind.Directory || (status.Device, status.Inode) == (0, 0) || !identities.Add((status.Device, status.Inode)))
            {
                break;                                                             // "/.." is "/": the top
            }
            path = Path.Join(path, "..");
        }
        return identities;
    }

    private readonly record struct Entry(string Name, bool Folder)
    {
        public string Key => Folder ? Name + "/" : Name;
    }
}
