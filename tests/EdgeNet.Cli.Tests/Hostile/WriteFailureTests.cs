using System.Diagnostics;
using EdgeNet.IO;

namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// Issue #24 family 5: no temporary file survives a failed save. A file-size limit (<c>ulimit -f</c>) is an ordinary
/// write error (SIGXFSZ ignored), a full disk is said as such, and a folder moved away during a save is named; each
/// is one line, and the <c>.NAME.PID.GUID.tmp</c> file is gone.
/// </summary>
public sealed class WriteFailureTests(ScanFixture trained) : IClassFixture<ScanFixture>
{
    public static TheoryData<string> Writers => ["save", "metrics", "plots", "raw"];

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_file_size_limit_is_one_line_and_leaves_no_temporary_file(string writer)
    {
        // Given a shell whose file-size limit is 1 KB, smaller than any of these files
        using var folder = new TempFolder();
        string[] args = Command(writer, folder);

        // When edgenet runs in it
        (int code, string output, string error) = InShell("ulimit -f 1", args);

        // Then it is not killed by SIGXFSZ (exit 153): one line that says why, nothing left behind
        Assert.True(code == ExitCodes.Failure, $"exit {code}; stderr: {error}; stdout: {output}");
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("edgenet: ", line, StringComparison.Ordinal);
        Assert.Contains("ulimit -f", line, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", line, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories));
    }

    [SkippableTheory]
    [MemberData(nameof(Writers))]
    public void A_full_disk_is_one_line_and_leaves_no_temporary_file(string writer)
    {
        // Given a 16 KB tmpfs (mounting needs root; skipped otherwise)
        using var folder = new TempFolder();
        using var disk = SmallDisk.Mount(folder.Path, "16k");
        Skip.If(disk is null, "mounting a small tmpfs needs root (mount -t tmpfs); the file-size limit test covers the same path");
        string[] args = Command(writer, folder, full: true);

        // When
        CliRun run = CliRun.Of(args);

        // Then
        run.AssertOneLineError("the disk is full");
        Assert.DoesNotContain(".tmp", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_folder_moved_away_during_a_save_is_named_and_keeps_no_temporary_file()
    {
        // Given a save under way in maps/
        using var folder = new TempFolder();
        string maps = Directory.CreateDirectory(folder.File("maps")).FullName;
        var pending = new PendingFile(Path.Combine(maps, "a.edges.png"));
        pending.Stream.Write("bytes"u8);

        // When maps/ is renamed before the save ends
        string moved = folder.File("moved");
        Directory.Move(maps, moved);

        // Then one clear line names the folder, and the temporary file is gone from where the folder went
        var gone = Assert.Throws<SaveFailedException>(pending.Commit);
        Assert.Equal($"the folder '{maps}' was moved or deleted while 'a.edges.png' was saved in it; nothing was written there.", gone.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(moved));
        Assert.Equal(0, TemporaryFilesOf(maps));
    }

    private static int TemporaryFilesOf(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder, "*.tmp").Length : 0;

    private string[] Command(string writer, TempFolder folder, bool full = false)
    {
        // the model of --hidden 256,256 is about 1.4 MB; the others are tens of KB, far above 1 KB
        string[] hidden = full ? ["--hidden", "256,256"] : [];
        return writer switch
        {
            "save" => ["train", "--epochs", "1", .. hidden, "--log-every", "0", "--save", folder.File("m.json")],
            "metrics" => ["train", "--epochs", full ? "1000" : "40", "--train-samples", "10", "--test-samples", "10", "--log-every", "0", "--metrics", folder.File("m.csv")],
            "plots" => ["train", "--epochs", "2", "--log-every", "0", "--plots", folder.File("plots")],
            _ => ["scan", "--model", trained.Model, trained.Scene, "--out", folder.File("o.png"), "--raw", folder.File(full ? "x.csv" : "x.npy")],
        };
    }

    private static (int Code, string Out, string Error) InShell(string limit, string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(limit + "; exec \"$0\" \"$@\"");
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";     // the runtime's double-mapped code file needs more than 1 KB
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "edgenet.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    /// <summary>A tmpfs of a given size mounted on a folder, unmounted when disposed; null where mounting is not allowed.</summary>
    private sealed class SmallDisk : IDisposable
    {
        private readonly string _path;

        private SmallDisk(string path) => _path = path;

        public static SmallDisk? Mount(string path, string size) =>
            Environment.UserName == "root" && Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path) == 0 ? new SmallDisk(path) : null;

        public void Dispose() => Assert.Equal(0, Run("umount", _path));

        private static int Run(params string[] args)
        {
            var start = new ProcessStartInfo(args[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string arg in args[1..])
            {
                start.ArgumentList.Add(arg);
            }
            try
            {
                using Process process = Process.Start(start)!;
                process.StandardError.ReadToEnd();
                process.WaitForExit();
                return process.ExitCode;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return -1;                                               // no mount command
            }
        }
    }
}
