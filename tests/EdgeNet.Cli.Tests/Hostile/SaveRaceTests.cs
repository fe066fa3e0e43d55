using System.Security.Cryptography;
using EdgeNet.Cli.Output;
using EdgeNet.IO;

namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// Issue #24 family 1: a link or file that appears at an output after the plan checked it replaces no input. The
/// save checks again at save time (the inputs by device and inode, each output's kind and link target) and refuses
/// in one line; the rename replaces a name, never what a link there points to.
/// </summary>
public sealed class SaveRaceTests(ScanFixture trained) : IClassFixture<ScanFixture>
{
    private const int Rounds = 150;

    [Theory]
    [InlineData("symlink", "became a symbolic link after it was checked")]
    [InlineData("hardlink", "is now the input --model")]
    [InlineData("retargeted", "was changed to point elsewhere")]
    [InlineData("fifo", "a named pipe (FIFO)")]
    public void What_appears_at_an_output_after_the_plan_is_refused_at_save_time(string how, string expected)
    {
        // Given a plan with an input and an output (absent, or a link to another file when retargeted)
        using var folder = new TempFolder();
        string model = folder.Write("model.json", "the input");
        string output = folder.File("out.json");
        if (how == "retargeted")
        {
            File.CreateSymbolicLink(output, folder.Write("old.json", "old"));
        }
        using IDisposable guard = SaveGuard.Begin();
        var plan = new OutputPlan();
        plan.Input(new FileInfo(model), "--model");
        string planned = plan.Output(new FileInfo(output), "--out")!;

        // When, after the plan, the output becomes a link to the input, a second name of it, or a pipe
        File.Delete(output);
        switch (how)
        {
            case "hardlink": UnixFiles.HardLink(model, output); break;
            case "fifo": UnixFiles.Fifo(output); break;
            default: File.CreateSymbolicLink(output, model); break;
        }

        // Then the save refuses in one line; the input is untouched and no temporary file is left
        var refused = Assert.Throws<OutputRefusedException>(() => AtomicFile.WriteAllText(planned, "new"));
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.Equal("the input", File.ReadAllText(model));
        Assert.DoesNotContain(folder.Entries(), e => e.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_that_appears_between_the_start_of_a_save_and_its_rename_is_refused()
    {
        // Given a save under way to an absent name, with no plan at all (a library caller)
        using var folder = new TempFolder();
        string input = folder.Write("input.json", "the input");
        string output = folder.File("out.json");
        var pending = new PendingFile(output);
        pending.Stream.Write("new"u8);

        // When a link to the input appears before the rename
        File.CreateSymbolicLink(output, input);

        // Then
        var refused = Assert.Throws<OutputRefusedException>(pending.Commit);
        Assert.Contains("became a symbolic link", refused.Message, StringComparison.Ordinal);
        Assert.Equal("the input", File.ReadAllText(input));
        Assert.Equal(["input.json", "out.json"], folder.Entries());
    }

    [Fact]
    public void Scan_of_one_photo_never_loses_an_input_to_links_raced_against_it()
    {
        using var folder = new TempFolder();
        string model = Copy(trained.Model, folder.File("model.json"));
        string photo = Copy(trained.Scene, folder.File("photo.png"));
        string output = folder.File("out.png");
        string probability = folder.File("out.probability.png");

        RaceAgainst(
            [(output, model), (probability, photo)],
            [model, photo],
            () => CliRun.Of("scan", "--model", model, photo, "--out", output));
    }

    [Fact]
    public void Scan_of_a_folder_never_loses_an_input_to_links_raced_against_it()
    {
        using var folder = new TempFolder();
        string model = Copy(trained.Model, folder.File("model.json"));
        string photos = Directory.CreateDirectory(folder.File("photos")).FullName;
        string[] inputs = [model, .. new[] { "a.png", "b.png", "c.png" }.Select(n => Copy(trained.Scene, Path.Combine(photos, n)))];
        string maps = Directory.CreateDirectory(folder.File("maps")).FullName;

        RaceAgainst(
            [(Path.Combine(maps, "a.edges.png"), inputs[1]), (Path.Combine(maps, "b.probability.png"), model), (Path.Combine(maps, "c.edges.png"), inputs[3])],
            inputs,
            () => CliRun.Of("scan", "--model", model, photos, "--out-dir", maps));
    }

    [Fact]
    public void Train_save_never_loses_its_data_to_links_raced_against_it()
    {
        using var folder = new TempFolder();
        string data = folder.Write("data.csv", string.Concat(Enumerable.Range(0, 8).Select(i => $"{i % 2}," + string.Join(',', Enumerable.Repeat(i % 2 == 0 ? "0.2" : "0.7", 25)) + "\n")));
        string save = folder.File("model.json");
        string metrics = folder.File("metrics.csv");

        RaceAgainst(
            [(save, data), (metrics, data)],
            [data],
            () => CliRun.Of("train", "--data", data, "--epochs", "1", "--log-every", "0", "--save", save, "--metrics", metrics));
    }

    // Runs the command Rounds times while a thread keeps replacing each output by a link to an input; every input
    // keeps its bytes, every run ends with exit 0 or one-line refusals, and no temporary file is left.
    private static void RaceAgainst((string Output, string Input)[] links, string[] inputs, Func<CliRun> command)
    {
        Dictionary<string, byte[]> before = inputs.ToDictionary(i => i, Hash);
        using var stop = new CancellationTokenSource();
        int planted = 0;
        var racer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach ((string output, string input) in links)
                {
                    Replace(output, input);
                }
                Interlocked.Increment(ref planted);
                foreach ((string output, _) in links)
                {
                    TryDelete(output);
                }
            }
        });
        try
        {
            for (int round = 0; round < Rounds; round++)
            {
                CliRun run = command();
                // a refusal is one line (in folder mode one a photo, then the count), never a stack trace
                Assert.All(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("edgenet: ", l, StringComparison.Ordinal));
                Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
                Assert.Equal(run.ExitCode == 0, run.Error.Length == 0);
                foreach (string input in inputs)
                {
                    Assert.True(Hash(input).SequenceEqual(before[input]), $"round {round}: {input} changed; stderr: {run.Error}");
                }
            }
        }
        finally
        {
            stop.Cancel();
            racer.Wait();
        }
        Assert.True(planted > 0, "the racing thread never planted a link");
        string[] folders = [.. links.Select(l => Path.GetDirectoryName(l.Output)!).Concat(inputs.Select(i => Path.GetDirectoryName(i)!)).Distinct()];
        Assert.DoesNotContain(folders.SelectMany(Directory.EnumerateFileSystemEntries), e => e.EndsWith(".tmp", StringComparison.Ordinal));
    }

    private static void Replace(string output, string input)
    {
        TryDelete(output);
        try
        {
            File.CreateSymbolicLink(output, input);
        }
        catch (IOException)
        {
            // the command saved there in between: the next pass deletes it again
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }

    private static string Copy(string from, string to)
    {
        File.Copy(from, to);
        return to;
    }

    private static byte[] Hash(string path) => SHA256.HashData(File.ReadAllBytes(path));
}
