namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>Issue #15 case 8: numbers are read with the invariant culture, without group separators or decimal commas.</summary>
public sealed class NumberParsingTests
{
    [Theory]
    [InlineData("train", "--lr", "0,001")]
    [InlineData("train", "--lr", "1,5")]
    [InlineData("step", "--lr", "0,1")]
    [InlineData("gradcheck", "--epsilon", "1,0e-5")]
    [InlineData("train", "--epochs", "1,000")]
    [InlineData("train", "--seed", "4,2")]
    [InlineData("scan", "x.png", "--model", "m.json", "--out", "e.png", "--max-pixels", "1,000,000")]
    public void A_comma_in_a_number_is_refused(params string[] args)
    {
        CliRun run = CliRun.Of(args);

        run.AssertOneLineError(args[Array.FindIndex(args, a => a.Contains(',', StringComparison.Ordinal)) - 1]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
    }

    [Theory]
    [InlineData("--lr", "0,001", "decimal point, not a comma")]
    [InlineData("--epochs", "1.5", "whole number")]
    [InlineData("--epochs", "0x10", "whole number")]
    [InlineData("--epochs", "99999999999", "out of range")]
    [InlineData("--seed", "-1", "out of range")]
    [InlineData("--lr", "1_0", "needs a number")]
    [InlineData("--lr", "", "needs a number")]
    public void Bad_numbers_say_what_a_number_looks_like(string option, string value, string expected) =>
        CliRun.Of("train", option, value).AssertOneLineError(expected);

    [Theory]
    [InlineData("0.5")]
    [InlineData("5e-1")]
    [InlineData("+0.5")]
    [InlineData(".5")]
    public void Ordinary_numbers_still_parse(string lr)
    {
        CliRun run = CliRun.Of("train", "--epochs", "1", "--lr", lr, "--log-every", "0");

        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public void The_default_of_a_number_option_is_unchanged()
    {
        CliRun withDefault = CliRun.Of("train", "--epochs", "3", "--log-every", "1");
        CliRun explicitLr = CliRun.Of("train", "--epochs", "3", "--log-every", "1", "--lr", "0.1");

        Assert.Equal(0, withDefault.ExitCode);
        Assert.Equal(explicitLr.Out, withDefault.Out);
    }
}
