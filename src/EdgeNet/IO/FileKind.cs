namespace EdgeNet.IO;

/// <summary>What a path names, as the file system reports it (Linux <c>statx</c>).</summary>
internal enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file: the only kind edgenet reads as data or replaces when saving.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link (only reported when links are not followed).</summary>
    Symlink,

    /// <summary>A character or block device (<c>/dev/null</c>, <c>/dev/zero</c>, a disk).</summary>
    Device,

    /// <summary>A named pipe.</summary>
    Fifo,

    /// <summary>A Unix socket.</summary>
    Socket,

    /// <summary>A symbolic link that leads back to itself (or through too many links): nothing can be read there.</summary>
    LinkLoop,
}
