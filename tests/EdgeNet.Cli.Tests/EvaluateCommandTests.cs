using EdgeNet.Imaging;

namespace EdgeNet.Cli.Tests;

/// <summary><c>edgenet scenes</c> and <c>edgenet evaluate</c> through the command line.</summary>
public sealed class EvaluateCommandTests
{
    [Fact]
    public void Scenes_scored_against_their_own_truth_score_one_and_the_figure_and_curve_are_written()
    {
        using var temp = new TempFolder();
        CliRun scenes = CliRun.Of("scenes", "--out-dir", temp.File("set"), "--count", "3", "--seed", "4", "--size", "120x90");
        Assert.Equal(0, scenes.ExitCode);
        Assert.Equal(["scene-0000.png", "scene-0001.png", "scene-0002.png"], Directory.GetFiles(temp.File("set/images")).Select(Path.GetFileName).Order());
        CliRun run = CliRun.Of("evaluate", "--truth", temp.File("set/truth"), "--maps", temp.File("set/truth"), "--name", "truth",
            "--figure", temp.File("pr.svg"), "--csv", temp.File("pr.csv"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("truth     1.000  (1.000 1.000", run.Out, StringComparison.Ordinal);
        Assert.Contains("<svg", File.ReadAllText(temp.File("pr.svg")), StringComparison.Ordinal);
        Assert.Equal(1 + 99, File.ReadAllLines(temp.File("pr.csv")).Length);
    }

    [Fact]
    public void A_compared_detector_is_scored_beside_and_drawn()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliRun.Of("scenes", "--out-dir", temp.File("set"), "--count", "2", "--size", "100x80").ExitCode);
        Directory.CreateDirectory(temp.File("blank"));
        foreach (string name in new[] { "scene-0000", "scene-0001" })
        {
            File.WriteAllBytes(temp.File($"blank/{name}.png"), PngFile.EncodeGray(new byte[100 * 80], 100, 80));
        }
        CliRun run = CliRun.Of("evaluate", "--truth", temp.File("set/truth"), "--maps", temp.File("set/truth"), "--compare", $"blank={temp.File("blank")}", "--figure", temp.File("pr.png"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("blank     0.000", run.Out, StringComparison.Ordinal);
        Assert.True(new FileInfo(temp.File("pr.png")).Length > 1000);
    }

    [Fact]
    public void A_map_of_another_size_is_one_line_and_nothing_is_written()
    {
        using var temp = new TempFolder();
        WriteTruth(temp, "a", 40, 30);
        Directory.CreateDirectory(temp.File("maps"));
        File.WriteAllBytes(temp.File("maps/a.png"), PngFile.EncodeGray(new byte[41 * 30], 41, 30));
        CliRun run = CliRun.Of("evaluate", "--truth", temp.File("truth"), "--maps", temp.File("maps"), "--figure", temp.File("pr.png"));
        run.AssertOneLineError("is 41×30 but its truth");
        Assert.False(File.Exists(temp.File("pr.png")));
    }

    [Fact]
    public void A_missing_map_is_one_line()
    {
        using var temp = new TempFolder();
        WriteTruth(temp, "a", 40, 30);
        Directory.CreateDirectory(temp.File("maps"));
        CliRun.Of("evaluate", "--truth", temp.File("truth"), "--maps", temp.File("maps")).AssertOneLineError("no map for 'a'");
    }

    [Fact]
    public void A_truth_that_is_not_binary_is_one_line()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("truth"));
        byte[] gray = new byte[40 * 30];
        gray[45] = 128;
        File.WriteAllBytes(temp.File("truth/a.png"), PngFile.EncodeGray(gray, 40, 30));
        CliRun.Of("evaluate", "--truth", temp.File("truth"), "--maps", temp.File("truth")).AssertOneLineError("pixel (5, 1) is 128");
    }

    [Fact]
    public void Empty_or_missing_folders_and_bad_options_are_one_line()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("empty"));
        CliRun.Of("evaluate", "--truth", temp.File("empty"), "--maps", temp.File("empty")).AssertOneLineError("has no .png file");
        CliRun.Of("evaluate", "--truth", temp.File("nowhere"), "--maps", temp.File("empty")).AssertOneLineError("does not exist");
        CliRun.Of("evaluate", "--truth", temp.File("empty"), "--maps", temp.File("empty"), "--thresholds", "0").AssertOneLineError("--thresholds");
        CliRun.Of("evaluate", "--truth", temp.File("empty"), "--maps", temp.File("empty"), "--compare", "x").AssertOneLineError("NAME=DIR");
        CliRun.Of("scenes", "--out-dir", temp.File("s"), "--size", "10x10").AssertOneLineError("--size");
        Assert.Equal(["empty"], temp.Entries());
    }

    private static void WriteTruth(TempFolder temp, string name, int width, int height)
    {
        Directory.CreateDirectory(temp.File("truth"));
        byte[] truth = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            truth[(y * width) + (width / 2)] = 255;
        }
        File.WriteAllBytes(temp.File($"truth/{name}.png"), PngFile.EncodeGray(truth, width, height));
    }
}
