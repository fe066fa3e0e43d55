namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// <c>--hidden</c> is read the same way by every command that takes it: an empty entry (two commas in a row, a comma
/// first or last) is a usage error naming the option and what was typed, never skipped into another network.
/// </summary>
public sealed class HiddenListTests
{
    public static TheoryData<string, string> EmptyEntries()
    {
        var cases = new TheoryData<string, string>();
        foreach (string command in new[] { "train", "step", "predict", "gradcheck" })
        {
            foreach (string hidden in new[] { "8,,8", "8,", ",8", ",", "8, ,8", "16,8,,4" })
            {
                cases.Add(command, hidden);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(EmptyEntries))]
    public void An_empty_entry_is_a_usage_error_naming_the_option_and_the_text(string command, string hidden)
    {
        // Given an output the command would write if it ran
        using var folder = new TempFolder();
        string output = folder.File("out.json");
        string[] save = command switch
        {
            "train" => ["--save", output, "--epochs", "1"],
            "step" => ["--save-updated", output],
            _ => [],
        };

        // When
        CliRun run = CliRun.Of([command, "--hidden", hidden, .. save]);

        // Then: one line, exit 2, nothing printed or written
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        run.AssertOneLineError($"--hidden '{hidden}' has an empty layer size");
        Assert.Equal(string.Empty, run.Out);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("step")]
    [InlineData("predict")]
    public void An_empty_entry_is_refused_even_beside_a_model(string command)
    {
        // Given a saved model, which makes --hidden unused
        using var folder = new TempFolder();
        string model = folder.File("model.json");
        Assert.Equal(0, CliRun.Of("step", "--save-updated", model).ExitCode);

        // When
        CliRun run = CliRun.Of(command, "--model", model, "--hidden", "8,,8");

        // Then
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        run.AssertOneLineError("--hidden '8,,8' has an empty layer size");
    }

    [Theory]
    [InlineData("16, 8")]
    [InlineData(" 16 ,8 ")]
    [InlineData("16 8")]
    public void Spaces_around_sizes_are_the_same_network(string hidden)
    {
        CliRun spaced = CliRun.Of("gradcheck", "--hidden", hidden, "--samples", "2");
        CliRun plain = CliRun.Of("gradcheck", "--hidden", "16,8", "--samples", "2");

        Assert.Equal(0, plain.ExitCode);
        Assert.StartsWith("25→16→8→2 network", plain.Out, StringComparison.Ordinal);
        Assert.Equal(plain.ExitCode, spaced.ExitCode);
        Assert.Equal(plain.Out, spaced.Out);
    }

    [Theory]
    [InlineData("8,0", "'0' is not a layer size")]
    [InlineData("8,x", "'x' is not a layer size")]
    [InlineData(" ", "--hidden needs layer sizes")]
    [InlineData("8\n,", "--hidden '8\\n,' has an empty layer size")]
    public void Other_bad_lists_keep_their_one_line(string hidden, string expected)
    {
        CliRun run = CliRun.Of("train", "--hidden", hidden, "--epochs", "1");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        run.AssertOneLineError(expected);
    }
}
