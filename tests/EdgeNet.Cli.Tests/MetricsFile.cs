using System.Globalization;

namespace EdgeNet.Cli.Tests;

/// <summary>Reads metrics CSVs and compares them number by number.</summary>
internal static class MetricsFile
{
    public const string Header = "epoch,train_loss,train_accuracy,test_loss,test_accuracy";

    public static double[][] Read(string path) =>
        Parse(System.IO.File.ReadAllText(path));

    public static double[][] Parse(string text)
    {
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header, lines[0].Trim());
        return [.. lines.Skip(1).Select(line => line.Trim().Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray())];
    }

    public static void AssertClose(double[][] expected, double[][] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int r = 0; r < expected.Length; r++)
        {
            Assert.Equal(expected[r].Length, actual[r].Length);
            for (int c = 0; c < expected[r].Length; c++)
            {
                Assert.True(Math.Abs(expected[r][c] - actual[r][c]) <= tolerance, $"row {r} column {c}: expected {expected[r][c]:R}, got {actual[r][c]:R}");
            }
        }
    }
}
