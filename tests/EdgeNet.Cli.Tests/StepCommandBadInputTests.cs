namespace EdgeNet.Cli.Tests;

/// <summary><c>edgenet step</c> refuses bad input in one stderr line, prints nothing else and writes nothing.</summary>
public sealed class StepCommandBadInputTests
{
    private static readonly string Pixels25 = string.Join(",", Enumerable.Repeat("0.5", 25));

    [Theory]
    [InlineData("has 26 values but the model takes 25", "--model", "MODEL", "--patch", "0.1,0.1,0.5,0.9,0.9,0.1,0.1,0.5,0.9,0.9,0.1,0.1,0.5,0.9,0.9,0.1,0.1,0.5,0.9,0.9,0.1,0.1,0.5,0.9,0.9,0.5", "--label", "0")]
    [InlineData("not a finite number", "--patch", "0.1,abc", "--label", "0")]
    [InlineData("--patch needs --label", "--patch", "PIXELS25")]
    [InlineData("--label 2 is out of range", "--label", "2")]
    [InlineData("--label -1 is out of range", "--label", "-1")]
    [InlineData("'Maybe' is not a class", "--label", "Maybe")]
    [InlineData("--lr must be a finite number above 0", "--lr", "0")]
    [InlineData("--lr must be a finite number above 0", "--lr", "-0.1")]
    [InlineData("--lr must be a finite number above 0", "--lr", "NaN")]
    [InlineData("--lr must be a finite number above 0", "--lr", "Infinity")]
    [InlineData("needs a number", "--lr", "fast")]
    [InlineData("does not exist", "--model", "/no/such/model.json")]
    [InlineData("leave out --patch and --label", "--random-patch", "--label", "0")]
    [InlineData("the folder", "--save-updated", "/no/such/folder/updated.json")]
    [InlineData("hidden", "--hidden", "8,0")]
    public void Bad_input_gives_one_line_and_a_non_zero_exit(string expected, params string[] args)
    {
        // Given a valid model file for the cases that need one
        using var folder = new TempFolder();
        string model = folder.File("model.json");
        if (args.Contains("MODEL"))
        {
            Assert.Equal(0, CliRun.Of("step", "--save-updated", model).ExitCode);
        }

        // When
        CliRun run = CliRun.Of(["step", .. args.Select(a => a switch { "MODEL" => model, "PIXELS25" => Pixels25, _ => a })]);

        // Then
        run.AssertOneLineError(expected);
        Assert.Equal(string.Empty, run.Out);
    }

    [Theory]
    [InlineData("{\"hello\": \"world\"}")]
    [InlineData("not json at all")]
    [InlineData("")]
    public void An_invalid_model_file_is_refused_in_one_line(string content)
    {
        // Given
        using var folder = new TempFolder();
        string model = folder.Write("broken.json", content);
        string updated = folder.File("updated.json");

        // When
        CliRun run = CliRun.Of("step", "--model", model, "--save-updated", updated);

        // Then
        Assert.Equal(1, run.ExitCode);
        run.AssertOneLineError("broken.json");
        Assert.False(File.Exists(updated));
    }
}
