using EdgeNet.IO;

namespace EdgeNet.Tests.Files;

/// <summary>The one save routine: regular files only, symlink targets in their own folder, no temporary file left.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "edgenet-io-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_temporary_file_is_registered_while_written_and_gone_after_a_failure()
    {
        string target = Path.Combine(_folder, "a.json");
        File.WriteAllText(target, "old");
        string[]? during = null;

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(target, stream =>
        {
            stream.WriteByte(1);
            during = Directory.GetFiles(_folder);
            Assert.True(TemporaryFiles.Count >= 1);
            throw new InvalidOperationException("disk on fire");
        }));

        Assert.Equal(2, during!.Length);                          // the target and one temporary file beside it
        Assert.Equal([target], Directory.GetFiles(_folder));
        Assert.Equal("old", File.ReadAllText(target));
    }

    [Fact]
    public void A_symlink_keeps_pointing_at_its_target_which_gets_the_bytes()
    {
        string elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "elsewhere")).FullName;
        string real = Path.Combine(elsewhere, "real.txt");
        File.WriteAllText(real, "old");
        string link = Path.Combine(_folder, "link.txt");
        File.CreateSymbolicLink(link, real);

        AtomicFile.WriteAllText(link, "new");

        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(real));
        Assert.Single(Directory.GetFiles(elsewhere));
    }

    [Fact]
    public void A_replaced_file_keeps_its_permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;                                                 // no Unix permissions there
        }
        string target = Path.Combine(_folder, "private.json");
        File.WriteAllText(target, "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        AtomicFile.WriteAllText(target, "new");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
    }

    [Theory]
    [InlineData("/dev/null", "a device")]
    [InlineData("/dev/full", "a device")]
    public void Devices_are_refused(string device, string expected)
    {
        var error = Assert.Throws<OutputRefusedException>(() => AtomicFile.WriteAllText(device, "x"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(FileKind.Device, FileStatus.Of(device).Kind);
    }

    [Fact]
    public void A_folder_is_refused_and_left_alone()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_folder, "f")).FullName;

        Assert.Throws<OutputRefusedException>(() => AtomicFile.WriteAllText(folder, "x"));

        Assert.True(Directory.Exists(folder));
        Assert.Single(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void A_loop_of_symlinks_is_refused()
    {
        string a = Path.Combine(_folder, "a"), b = Path.Combine(_folder, "b");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);

        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(a, "x"));

        Assert.Equal(2, Directory.GetFileSystemEntries(_folder).Length);
    }

    [Fact]
    public void File_status_tells_kinds_and_identity_apart()
    {
        string file = Path.Combine(_folder, "f.txt");
        File.WriteAllText(file, "12345");
        string link = Path.Combine(_folder, "l.txt");
        File.CreateSymbolicLink(link, file);

        FileStatus direct = FileStatus.Of(file);
        FileStatus followed = FileStatus.Of(link);

        Assert.Equal((FileKind.Regular, 5L), (direct.Kind, direct.Size));
        Assert.True(direct.SameFileAs(followed));
        Assert.Equal(FileKind.Symlink, FileStatus.Of(link, followLinks: false).Kind);
        Assert.Equal(FileKind.Directory, FileStatus.Of(_folder).Kind);
        Assert.Equal(FileKind.Missing, FileStatus.Of(Path.Combine(_folder, "none")).Kind);
        Assert.Equal(FileKind.Missing, FileStatus.Of(Path.Combine(file, "under-a-file")).Kind);
        Assert.False(direct.SameFileAs(FileStatus.Of(_folder)));
    }
}
