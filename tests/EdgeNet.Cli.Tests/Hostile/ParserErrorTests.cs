namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>Issue #15 cases 5 and 10: the command-line parser's errors are one line, never a stack trace.</summary>
[Collection(Serial.Name)]
public sealed class ParserErrorTests
{
    [Fact]
    public void A_response_file_that_is_a_folder_is_one_line()
    {
        using var folder = new TempFolder();

        CliRun.Of("train", "@" + folder.Path).AssertOneLineError("is a folder, not a regular file");
    }

    [Fact]
    public void A_response_file_that_is_a_device_is_refused_without_reading_it() =>
        CliRun.Of("train", "@/dev/zero").AssertOneLineError("is a device, not a regular file");

    [Fact]
    public void A_missing_response_file_is_one_line() =>
        CliRun.Of("train", "@/no/such/options.txt").AssertOneLineError("does not exist");

    [Fact]
    public void A_response_file_above_the_cap_is_refused()
    {
        using var folder = new TempFolder();
        string big = folder.Write("big.txt", new string('#', (int)EdgeNet.Limits.MaxResponseFileBytes + 1));

        CliRun.Of("train", "@" + big).AssertOneLineError("the largest accepted is 1 MB");
    }

    [Theory]
    [InlineData("--save", "--epochs")]
    [InlineData("--metrics", "-h")]
    [InlineData("--plots", "--log-every")]
    public void A_file_or_folder_value_that_looks_like_an_option_is_refused(string option, string value)
    {
        using var folder = new TempFolder();
        string current = Environment.CurrentDirectory;
        CliRun run;
        try
        {
            Environment.CurrentDirectory = folder.Path;                  // where a file named --epochs would go
            run = CliRun.Of("train", "--epochs", "1", option, value);
        }
        finally
        {
            Environment.CurrentDirectory = current;
        }

        run.AssertOneLineError($"{option} needs a f");
        Assert.Contains($"'{value}', which looks like an option", run.Error, StringComparison.Ordinal);
        Assert.Empty(folder.Entries());
    }

    [Fact]
    public void A_file_whose_name_starts_with_dashes_can_be_named_through_its_folder()
    {
        using var folder = new TempFolder();

        CliRun run = CliRun.Of("train", "--epochs", "1", "--log-every", "0", "--save", folder.File("--epochs"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["--epochs"], folder.Entries());
    }

    [Fact]
    public void A_good_response_file_gives_its_words()
    {
        using var folder = new TempFolder();
        string options = folder.Write("options.txt", "# the tutorial, shorter\n--epochs 2\n--lr \"0.5\"\n\n--log-every 1\n");

        CliRun viaFile = CliRun.Of("train", "@" + options);
        CliRun direct = CliRun.Of("train", "--epochs", "2", "--lr", "0.5", "--log-every", "1");

        Assert.Equal(0, viaFile.ExitCode);
        Assert.Equal(direct.Out, viaFile.Out);
    }

    [Fact]
    public void A_choice_error_is_one_line()
    {
        CliRun run = CliRun.Of("train", "--precision", "f16");

        run.AssertOneLineError("'f16'");
        Assert.Contains("f32", run.Error, StringComparison.Ordinal);
        Assert.Contains("f64", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_in_an_unknown_option_are_escaped()
    {
        CliRun run = CliRun.Of("train", "--bad\u001b[31m\nnext");

        run.AssertOneLineError("unrecognized");
        Assert.DoesNotContain('\u001b', run.Error);
        Assert.Contains("\\e[31m", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_value_is_cut_in_the_message()
    {
        CliRun run = CliRun.Of("train", "--lr", new string('9', 100_000) + "x");

        run.AssertOneLineError("--lr");
        Assert.True(run.Error.Length <= EdgeNet.IO.UserText.MaxLine + 20, $"{run.Error.Length} characters");
    }
}
