namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// Issue #15 cases 3 and 9: every output is checked before any work, so a command never fails after writing part
/// of its files, and no output may be one of its inputs, whether named by the same path, a symlink or a hard link.
/// </summary>
public sealed class OutputPlanTests
{
    [Theory]
    [InlineData("same-path")]
    [InlineData("symlink")]
    [InlineData("hardlink")]
    [InlineData("dot-path")]
    public void Train_never_saves_over_its_data(string how)
    {
        // Given d.csv and a name for it
        using var folder = new TempFolder();
        string csv = string.Concat(Enumerable.Range(0, 4).Select(i => $"{i % 2}," + string.Join(',', Enumerable.Repeat("0.5", 25)) + "\n"));
        string data = folder.Write("d.csv", csv);
        string save = how switch
        {
            "symlink" => File.CreateSymbolicLink(folder.File("alias.csv"), data).FullName,
            "hardlink" => UnixFiles.HardLink(data, folder.File("twin.csv")),
            "dot-path" => Path.Combine(folder.Path, ".", "d.csv"),
            _ => data,
        };

        // When
        CliRun run = CliRun.Of("train", "--epochs", "1", "--data", data, "--save", save);

        // Then
        run.AssertOneLineError("is the input --data");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(csv, File.ReadAllText(data));
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void Metrics_and_save_cannot_be_the_same_file()
    {
        using var folder = new TempFolder();
        string same = folder.File("x");

        CliRun run = CliRun.Of("train", "--epochs", "1", "--save", same, "--metrics", same);

        run.AssertOneLineError("both write");
        Assert.Empty(folder.Entries());
    }

    [Fact]
    public void Save_and_plots_naming_one_path_fail_before_training()
    {
        using var folder = new TempFolder();
        string same = folder.File("x");

        CliRun run = CliRun.Of("train", "--epochs", "1", "--save", same, "--plots", same, "--metrics", folder.File("m.csv"));

        run.AssertOneLineError("--plots");
        Assert.Equal(string.Empty, run.Out);                       // nothing trained
        Assert.Empty(folder.Entries());                             // no figures, no metrics, no folder
    }

    [Fact]
    public void A_figure_name_taken_by_a_folder_fails_before_training()
    {
        using var folder = new TempFolder();
        string plots = Directory.CreateDirectory(folder.File("plots")).FullName;
        Directory.CreateDirectory(Path.Combine(plots, "confusion-matrix.png"));

        CliRun run = CliRun.Of("train", "--epochs", "1", "--plots", plots, "--metrics", folder.File("m.csv"));

        run.AssertOneLineError("confusion-matrix.png");
        Assert.Equal(["plots"], folder.Entries());
        Assert.Equal(["confusion-matrix.png"], Directory.GetFileSystemEntries(plots).Select(Path.GetFileName));
    }

    [Fact]
    public void Scan_whose_sobel_map_name_is_a_folder_writes_nothing()
    {
        // Given part/e.sobel.png is a folder
        using var folder = new TempFolder();
        string model = folder.File("m.json");
        string image = folder.File("scene.png");
        Assert.Equal(0, CliRun.Of("train", "--epochs", "1", "--save", model).ExitCode);
        Assert.Equal(0, CliRun.Of("scene", "--out", image, "--width", "32", "--height", "32").ExitCode);
        string part = Directory.CreateDirectory(folder.File("part")).FullName;
        Directory.CreateDirectory(Path.Combine(part, "e.sobel.png"));

        // When
        CliRun run = CliRun.Of("scan", image, "--model", model, "--out", Path.Combine(part, "e.png"), "--raw", Path.Combine(part, "r.npy"), "--overlay", "--sobel");

        // Then neither e.png nor r.npy was written
        run.AssertOneLineError("e.sobel.png");
        Assert.Equal(["e.sobel.png"], Directory.GetFileSystemEntries(part).Select(Path.GetFileName));
    }

    [Fact]
    public void Scan_never_writes_over_its_photo()
    {
        using var folder = new TempFolder();
        string model = folder.File("m.json");
        string image = folder.File("photo.png");
        Assert.Equal(0, CliRun.Of("train", "--epochs", "1", "--save", model).ExitCode);
        Assert.Equal(0, CliRun.Of("scene", "--out", image, "--width", "32", "--height", "32").ExitCode);
        byte[] photo = File.ReadAllBytes(image);

        CliRun run = CliRun.Of("scan", image, "--model", model, "--out", image);

        run.AssertOneLineError("is the input IMAGE");
        Assert.Equal(photo, File.ReadAllBytes(image));
    }

    [Fact]
    public void Compare_checks_every_file_of_its_folder_before_training()
    {
        // Given the folder already holds a folder named like the last file compare writes
        using var folder = new TempFolder();
        string image = folder.File("scene.png");
        Assert.Equal(0, CliRun.Of("scene", "--out", image, "--width", "32", "--height", "32").ExitCode);
        string outDir = Directory.CreateDirectory(folder.File("out")).FullName;
        Directory.CreateDirectory(Path.Combine(outDir, "sobel.png"));

        // When
        CliRun run = CliRun.Of("compare", "--train-samples", "50", "--test-samples", "10", "--epochs", "1", "--image", image, "--out-dir", outDir);

        // Then nothing trained, nothing written
        run.AssertOneLineError("sobel.png");
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal(["sobel.png"], Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName));
    }

    [Fact]
    public void Step_never_saves_over_the_model_it_read_through_another_name()
    {
        using var folder = new TempFolder();
        string model = folder.File("m.json");
        Assert.Equal(0, CliRun.Of("train", "--epochs", "1", "--save", model).ExitCode);
        string text = File.ReadAllText(model);
        string alias = File.CreateSymbolicLink(folder.File("alias.json"), model).FullName;

        CliRun run = CliRun.Of("step", "--model", model, "--save-updated", alias);

        run.AssertOneLineError("is the input --model");
        Assert.Equal(text, File.ReadAllText(model));
    }
}
