using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>Makes the kinds of file a save must never replace: named pipes, sockets, hard links.</summary>
internal static partial class UnixFiles
{
    public static string Fifo(string path)
    {
        Assert.Equal(0, MakeFifo(path, Convert.ToUInt32("644", 8)));
        return path;
    }

    /// <summary>A listening Unix socket at <paramref name="path"/>; .NET removes the file when it is disposed.</summary>
    public static Socket Socket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    public static string HardLink(string existing, string path)
    {
        Assert.Equal(0, Link(existing, path));
        return path;
    }

    public static void Signal(int pid, int signal) => Assert.Equal(0, Kill(pid, signal));

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MakeFifo(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string path);
}
