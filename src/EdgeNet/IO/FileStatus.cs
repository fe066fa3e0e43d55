using System.Runtime.InteropServices;

namespace EdgeNet.IO;

/// <summary>
/// The kind, size and identity (device and inode) of what a path names: enough to refuse a device, a pipe or a folder
/// where a regular file is expected, and to notice that two different paths (a symlink, a hard link) are one file.
/// </summary>
/// <remarks>
/// On Linux this asks the kernel (<c>statx</c>). Elsewhere it falls back to what .NET reports: folders, links and
/// files are told apart, devices and pipes look like files, and <see cref="Device"/>/<see cref="Inode"/> are 0.
/// </remarks>
internal readonly partial record struct FileStatus(FileKind Kind, long Size, ulong Device, ulong Inode)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxIno = 0x100, StatxSize = 0x200;
    private const int ENoEnt = 2, ENotDir = 20, ENameTooLong = 36, ELoop = 40;
    private static bool s_noStatx = !OperatingSystem.IsLinux();

    /// <summary>True when the identity is known and both name the same file.</summary>
    public bool SameFileAs(FileStatus other) =>
        Kind != FileKind.Missing && other.Kind != FileKind.Missing && (Device, Inode) != (0, 0) && (Device, Inode) == (other.Device, other.Inode);

    /// <summary>What <paramref name="path"/> names; with <paramref name="followLinks"/> a symlink reports its final target.</summary>
    /// <exception cref="IOException">The path cannot be examined (no permission, an I/O error).</exception>
    public static FileStatus Of(string path, bool followLinks = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!s_noStatx)
        {
            try
            {
                return Statx(path, followLinks);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                s_noStatx = true;
            }
        }
        return Managed(path, followLinks);
    }

    /// <summary>"a folder", "a device", "a named pipe (FIFO)": for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.Symlink => "a symbolic link",
        FileKind.Device => "a device",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.LinkLoop => "a loop of symbolic links",
        _ => "missing",
    };

    /// <summary>True when the current user may create files in <paramref name="folder"/> (Linux <c>access(W_OK|X_OK)</c>).</summary>
    public static bool CanWriteIn(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!s_noStatx)
        {
            try
            {
                return Access(folder, 2 | 1) == 0;                    // W_OK | X_OK
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                s_noStatx = true;
            }
        }
        return Directory.Exists(folder);
    }

    private static unsafe FileStatus Statx(string path, bool followLinks)
    {
        byte* buffer = stackalloc byte[256];                              // struct statx is 256 bytes on every architecture
        int result = StatxCall(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType | StatxIno | StatxSize, buffer);
        if (result != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is ENoEnt or ENotDir or ENameTooLong)
            {
                return new FileStatus(FileKind.Missing, 0, 0, 0);
            }
            if (errno == ELoop)
            {
                return new FileStatus(FileKind.LinkLoop, 0, 0, 0);
            }
            throw new IOException($"cannot examine {UserText.Quote(path)} (error {errno}).");
        }
        ushort mode = *(ushort*)(buffer + 28);                            // stx_mode
        ulong inode = *(ulong*)(buffer + 32);                             // stx_ino
        long size = *(long*)(buffer + 40);                                // stx_size
        ulong device = ((ulong)*(uint*)(buffer + 136) << 32) | *(uint*)(buffer + 140); // stx_dev_major, stx_dev_minor
        FileKind kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.Symlink,
            0x2000 or 0x6000 => FileKind.Device,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Device,
        };
        return new FileStatus(kind, size, device, inode);
    }

    private static FileStatus Managed(string path, bool followLinks)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            if (!followLinks)
            {
                return new FileStatus(FileKind.Symlink, 0, 0, 0);
            }
            FileSystemInfo? target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? new FileStatus(FileKind.Missing, 0, 0, 0) : Managed(target.FullName, followLinks: false);
        }
        if (Directory.Exists(path))
        {
            return new FileStatus(FileKind.Directory, 0, 0, 0);
        }
        return info.Exists ? new FileStatus(FileKind.Regular, info.Length, 0, 0) : new FileStatus(FileKind.Missing, 0, 0, 0);
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int StatxCall(int directory, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "access", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Access(string path, int mode);
}
