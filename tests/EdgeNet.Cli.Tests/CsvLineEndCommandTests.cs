namespace EdgeNet.Cli.Tests;

/// <summary><c>train --data</c> reads a CSV with classic-Mac line ends (a lone \r) as it reads one with \n.</summary>
public sealed class CsvLineEndCommandTests
{
    private static readonly string[] Rows =
    [
        "0," + string.Join(',', Enumerable.Repeat("0.1,0.1,0.9,0.9,0.9", 5)),
        "1," + string.Join(',', Enumerable.Repeat("0.5", 25)),
        "0," + string.Join(',', Enumerable.Repeat("0.2,0.2,0.8,0.8,0.8", 5)),
        "1," + string.Join(',', Enumerable.Repeat("0.9,0.9,0.1,0.1,0.1", 5)),
    ];

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    public void A_file_with_other_line_ends_trains_as_the_one_with_newlines(string end)
    {
        using var folder = new TempFolder();
        string unix = folder.Write("unix.csv", string.Join("\n", Rows) + "\n");
        string other = folder.Write("other.csv", string.Join(end, Rows) + end);

        CliRun expected = CliRun.Of("train", "--data", unix, "--epochs", "3", "--log-every", "1");
        CliRun run = CliRun.Of("train", "--data", other, "--epochs", "3", "--log-every", "1");

        Assert.Equal(0, expected.ExitCode);
        Assert.Contains("Epoch  2", expected.Out, StringComparison.Ordinal);
        Assert.Equal(expected.ExitCode, run.ExitCode);
        Assert.Equal(expected.Out.Replace("unix.csv", "other.csv", StringComparison.Ordinal), run.Out);
    }

    [Fact]
    public void An_error_in_a_cr_file_names_its_line()
    {
        using var folder = new TempFolder();
        string data = folder.Write("mac.csv", Rows[0] + "\r" + Rows[1] + "\r\r" + "1,0.5,oops\r");
        string model = folder.File("model.json");

        CliRun run = CliRun.Of("train", "--data", data, "--save", model);

        Assert.Equal(1, run.ExitCode);
        run.AssertOneLineError("mac.csv line 4: expected 25 pixel values after the label, found 2");
        Assert.False(File.Exists(model));
    }
}
