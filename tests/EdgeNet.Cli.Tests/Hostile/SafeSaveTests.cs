namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// Issue #15 case 1: a save replaces only a regular file. Devices, pipes, sockets and folders at the target are
/// refused in one line with nothing written; a symlink keeps being a link and its target gets the new model.
/// </summary>
public sealed class SafeSaveTests
{
    [Theory]
    [InlineData("fifo", "named pipe")]
    [InlineData("socket", "socket")]
    [InlineData("folder", "folder")]
    [InlineData("link-to-device", "device")]
    [InlineData("link-to-fifo", "named pipe")]
    public void Save_over_something_that_is_not_a_regular_file_is_refused_and_nothing_changes(string kind, string expected)
    {
        // Given a target that is not a regular file
        using var folder = new TempFolder();
        string target = folder.File("model.json");
        using System.Net.Sockets.Socket? socket = kind == "socket" ? UnixFiles.Socket(target) : null;
        switch (kind)
        {
            case "fifo": UnixFiles.Fifo(target); break;
            case "socket": break;
            case "folder": Directory.CreateDirectory(target); break;
            case "link-to-device": File.CreateSymbolicLink(target, "/dev/null"); break;
            default: File.CreateSymbolicLink(target, UnixFiles.Fifo(folder.File("pipe"))); break;
        }
        string[] before = folder.Entries();

        // When training saves there
        CliRun run = CliRun.Of("train", "--epochs", "1", "--save", target);

        // Then one line, no training output, nothing added, the target untouched
        run.AssertOneLineError(expected);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal(before, folder.Entries());
        Assert.Equal(kind == "folder", Directory.Exists(target));
    }

    [Fact]
    public void Dev_null_is_refused_before_training()
    {
        CliRun run = CliRun.Of("train", "--epochs", "1", "--save", "/dev/null");

        run.AssertOneLineError("device, not a regular file");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void Save_through_a_symlink_replaces_its_target_and_keeps_the_link()
    {
        // Given link.json → models/real.json holding an old text
        using var folder = new TempFolder();
        string models = Directory.CreateDirectory(folder.File("models")).FullName;
        string real = Path.Combine(models, "real.json");
        File.WriteAllText(real, "old");
        string link = folder.File("link.json");
        File.CreateSymbolicLink(link, real);

        // When
        CliRun run = CliRun.Of("train", "--epochs", "1", "--save", link);

        // Then the link is still a link to the same file, which now holds the model; no temporary file anywhere
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.StartsWith("{", File.ReadAllText(real), StringComparison.Ordinal);
        Assert.Equal(["link.json", "models"], folder.Entries());
        Assert.Equal(["real.json"], Directory.GetFileSystemEntries(models).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_save_leaves_no_temporary_file_and_the_old_file_intact()
    {
        // Given an old model; the new one cannot be serialised (a weight is infinite)
        using var folder = new TempFolder();
        string target = folder.Write("model.json", "old model");
        var network = EdgeNet.Network<double>.Create(25, [8], 2);
        network.Layers[0].Weights[3] = double.PositiveInfinity;

        // When
        var error = Assert.Throws<EdgeNet.Models.ModelFormatException>(() =>
            EdgeNet.Models.ModelFile.Save(new EdgeNet.Models.Model(network, EdgeNet.Data.Dataset.EdgeClasses, null), target));

        // Then
        Assert.Contains("layer 1 weight [0, 3] is not a finite number", error.Message, StringComparison.Ordinal);
        Assert.Equal("old model", File.ReadAllText(target));
        Assert.Equal(["model.json"], folder.Entries());
    }
}
