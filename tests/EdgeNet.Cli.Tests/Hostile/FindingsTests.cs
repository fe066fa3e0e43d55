namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// What the earlier hostile-input runs and the fuzz tests found, one test each: the answer is one accurate line, the
/// right exit code, and nothing written.
/// </summary>
public sealed class FindingsTests
{
    [Theory]
    [InlineData("eval", "--model")]
    [InlineData("predict", "--model")]
    [InlineData("step", "--model")]
    [InlineData("train", "--data")]
    public void A_folder_given_as_an_input_file_is_called_a_folder(string command, string option)
    {
        using var folder = new TempFolder();

        CliRun run = CliRun.Of(command, option, folder.Path);

        run.AssertOneLineError("is a folder, not a regular file");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Empty(folder.Entries());
    }

    [Fact]
    public void A_dangling_symlink_as_save_target_names_the_folder_it_points_into()
    {
        // Given out.json → elsewhere/missing/model.json, whose folder does not exist
        using var folder = new TempFolder();
        string missing = Path.Combine(folder.Path, "elsewhere", "missing");
        string link = folder.File("out.json");
        File.CreateSymbolicLink(link, Path.Combine(missing, "model.json"));

        CliRun run = CliRun.Of("train", "--epochs", "1", "--save", link);

        run.AssertOneLineError($"the folder '{missing}' does not exist");
        Assert.Contains($"the link '{link}' points into it", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal(["out.json"], folder.Entries());
    }

    [Fact]
    public void An_overflowing_step_with_save_updated_prints_one_line_and_saves_nothing()
    {
        using var folder = new TempFolder();
        string updated = folder.File("updated.json");

        CliRun run = CliRun.Of("step", "--lr", "1e308", "--save-updated", updated);

        run.AssertOneLineError("the update overflowed");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.DoesNotContain("warning", run.Error, StringComparison.Ordinal);
        Assert.Empty(folder.Entries());
    }

    [Fact]
    public void An_overflowing_step_without_a_save_warns_in_one_line()
    {
        CliRun run = CliRun.Of("step", "--lr", "1e308");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("edgenet: warning: the loss after the update is ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gradient_check_above_the_work_cap_is_refused_before_it_starts()
    {
        // 25→20000→2 has 560,002 parameters; 560,002² × 1,000 samples is far above the cap
        CliRun run = CliRun.Of("gradcheck", "--hidden", "20000", "--samples", "1000");

        run.AssertOneLineError("too much work");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(Limits.Count(Limits.MaxGradientCheckWork), run.Error, StringComparison.Ordinal);
        Assert.Contains("Use fewer --samples or smaller --hidden layers.", run.Error, StringComparison.Ordinal);   // the engine's line names no option; the CLI's does
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void A_batch_above_the_activation_cap_is_refused_naming_the_batch_size_option()
    {
        // 25→4096→2 with batches of 10,000 samples: 10,000 × (4,096 + 2) activations, above the cap of 2^25
        using var folder = new TempFolder();
        string model = folder.File("model.json");

        CliRun run = CliRun.Of("train", "--hidden", "4096", "--train-samples", "10000", "--batch-size", "10000", "--save", model);

        run.AssertOneLineError($"A batch of 10,000 samples needs {Limits.Count(10_000L * (4096 + 2))} activations per buffer");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"the most is {Limits.Count(Limits.MaxBatchValues)}. Use a smaller --batch-size or narrower --hidden layers.", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
        Assert.False(File.Exists(model));
    }

    [Theory]
    [InlineData("train", "--save")]
    [InlineData("train", "--plots")]
    [InlineData("guide", "--out")]
    [InlineData("scene", "--out")]
    [InlineData("step", "--save-updated")]
    public void An_empty_file_name_is_one_plain_line(string command, string option)
    {
        CliRun run = CliRun.Of(command, option, string.Empty);

        run.AssertOneLineError($"{option} needs a");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.DoesNotContain("System.IO", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_character_in_an_argument_is_one_plain_line()
    {
        using var folder = new TempFolder();

        CliRun run = CliRun.Of("train", "--epochs", "1", "--save", folder.File("a\0b.json"));

        run.AssertOneLineError("argument 5");
        Assert.Contains("\\x00", run.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(folder.Entries());
    }

    [Theory]
    [InlineData("\"epochs\": 2", "\"epochs\": [[2]]", "'training.epochs' has the wrong type")]
    [InlineData("\"epochs\": 2", "\"epochs\": 2147483648", "'training.epochs' has the wrong type or is out of range")]
    [InlineData("\"epochs\": 2", "\"epochs\": 2,", "invalid or truncated JSON")]
    public void A_model_value_of_the_wrong_type_is_named_and_broken_json_is_called_broken(string from, string to, string expected)
    {
        using var folder = new TempFolder();
        string model = folder.File("model.json");
        Assert.Equal(0, CliRun.Of("train", "--epochs", "2", "--save", model).ExitCode);
        string json = File.ReadAllText(model);
        File.WriteAllText(model, json.Replace(from, to, StringComparison.Ordinal));
        Assert.NotEqual(json, File.ReadAllText(model));

        CliRun run = CliRun.Of("eval", "--model", model);

        run.AssertOneLineError(expected);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
    }

    [Theory]
    [InlineData('\t')]
    [InlineData(';')]
    public void A_csv_separated_by_tabs_or_semicolons_says_commas_are_expected(char separator)
    {
        using var folder = new TempFolder();
        string data = folder.Write("data.csv", string.Join(separator, ["1", .. Enumerable.Repeat("0.5", 25)]) + "\n");

        CliRun run = CliRun.Of("train", "--data", data, "--epochs", "1");

        run.AssertOneLineError("values are separated by commas, not tabs or semicolons");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
    }
}
