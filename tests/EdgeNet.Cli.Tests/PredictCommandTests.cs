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

    [Theory]
    [InlineData("relu", "h = ReLU(z1)  -- negative values become 0")]
    [InlineData("leaky-relu", "h = LeakyReLU(z1)  -- negative values are multiplied by 0.01")]
    [InlineData("tanh", "h = tanh(z1)  -- squashed into (-1, 1)")]
    [InlineData("sigmoid", "h = sigmoid(z1) = 1 / (1 + e^-z1)  -- squashed into (0, 1)")]
    public void Predict_names_the_models_own_hidden_activation(string activation, string line)
    {
        // Given a model trained with the activation
        using var folder = new TempFolder();
        string model = folder.File("model.json");
        CliRun.Of("train", "--epochs", "2", "--activation", activation, "--save", model);

        // When
        CliRun predict = CliRun.Of("predict", "--model", model, "--patch", string.Join(",", Enumerable.Repeat("0.5", 25)));

        // Then: its line, and no other activation's
        Assert.Equal(0, predict.ExitCode);
        Assert.Contains("\n" + line + "\n", predict.Out, StringComparison.Ordinal);
        Assert.Equal(activation == "relu", predict.Out.Contains("ReLU(", StringComparison.Ordinal) && !predict.Out.Contains("LeakyReLU", StringComparison.Ordinal));
    }
}
