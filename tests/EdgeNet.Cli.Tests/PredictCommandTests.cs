namespace EdgeNet.Cli.Tests;

public sealed class PredictCommandTests
{
    [Fact]
    public void Predict_without_a_model_prints_the_tutorials_part1_trace()
    {
        // Given the tutorial's Part 1 output for seed 123
        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "part1-forward-trace-seed123.txt"));

        // When
        CliRun run = CliRun.Of("predict");

        // Then
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected.TrimEnd(), run.Out.TrimEnd());
    }

    [Fact]
    public void Predict_with_a_trained_model_finds_the_edge()
    {
        using var folder = new TempFolder();
        string model = folder.File("model.json");
        Assert.Equal(0, CliRun.Of("train", "--epochs", "10", "--save", model).ExitCode);

        CliRun edge = CliRun.Of("predict", "--model", model, "--patch", string.Join(" ", Enumerable.Repeat("0.1 0.1 0.9 0.9 0.9", 5)));
        CliRun flat = CliRun.Of("predict", "--model", model, "--patch", string.Join(",", Enumerable.Repeat("0.5", 25)));

        Assert.Contains("→ Prediction: Edge (", edge.Out, StringComparison.Ordinal);
        Assert.Contains("→ Prediction: No Edge (", flat.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Random weights", edge.Out, StringComparison.Ordinal);
    }
}
