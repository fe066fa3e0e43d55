namespace EdgeNet.Cli.Tests;

public sealed class TrainCommandTests
{
    [Fact]
    public void Train_with_no_options_prints_the_tutorials_lines()
    {
        // When
        CliRun run = CliRun.Of("train");

        // Then
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        string[] lines = run.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Contains("Training 2-layer network: 25 -> 8 (ReLU) -> 2", lines);
        Assert.Contains("  Epoch  0: Loss = 0.1423", lines);
        Assert.Equal(["  Epoch  0", "  Epoch 20", "  Epoch 40", "  Epoch 60", "  Epoch 80"], lines.Where(l => l.StartsWith("  Epoch", StringComparison.Ordinal)).Select(l => l[..10]));
        Assert.Contains("Test Accuracy: 20/20 = 100.0%", lines);
        Assert.Contains(lines, l => l.StartsWith("Total parameters: 226", StringComparison.Ordinal));
    }

    [Fact]
    public void Metrics_csv_reproduces_the_numpy_reference_run()
    {
        using var folder = new TempFolder();
        string metrics = folder.File("metrics.csv");

        CliRun run = CliRun.Of("train", "--metrics", metrics);

        Assert.Equal(0, run.ExitCode);
        MetricsFile.AssertClose(MetricsFile.Read(Path.Combine(AppContext.BaseDirectory, "Reference", "tutorial-run-seed42.csv")), MetricsFile.Read(metrics), 1e-9);
    }

    [Fact]
    public void Deep_minibatch_metrics_reproduce_the_numpy_reference_run()
    {
        using var folder = new TempFolder();
        string metrics = folder.File("deep.csv");

        CliRun run = CliRun.Of("train", "--seed", "7", "--train-samples", "200", "--test-samples", "50", "--hidden", "16,8", "--epochs", "40", "--lr", "0.2", "--batch-size", "10", "--metrics", metrics);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Training 3-layer network: 25 -> 16 (ReLU) -> 8 (ReLU) -> 2", run.Out, StringComparison.Ordinal);
        MetricsFile.AssertClose(MetricsFile.Read(Path.Combine(AppContext.BaseDirectory, "Reference", "deep-minibatch-seed7.csv")), MetricsFile.Read(metrics), 1e-9);
    }

    [Fact]
    public void Saved_model_evaluates_to_the_accuracy_train_printed()
    {
        using var folder = new TempFolder();
        string model = folder.File("model.json");

        CliRun train = CliRun.Of("train", "--epochs", "5", "--save", model);
        CliRun eval = CliRun.Of("eval", "--model", model);

        Assert.Equal(0, train.ExitCode);
        Assert.Equal(0, eval.ExitCode);
        Assert.Contains("Accuracy: 20/20 = 100.0%", eval.Out, StringComparison.Ordinal);
        Assert.Contains("Confusion matrix", eval.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Trains_on_a_csv_file_of_patches()
    {
        using var folder = new TempFolder();
        string edge = "0," + string.Join(",", Enumerable.Repeat("0.1,0.1,0.9,0.9,0.9", 5));
        string flat = "1," + string.Join(",", Enumerable.Repeat("0.5", 25));
        string data = folder.Write("patches.csv", string.Join("\n", Enumerable.Repeat(edge + "\n" + flat, 10)) + "\n");
        string metrics = folder.File("m.csv");

        CliRun run = CliRun.Of("train", "--data", data, "--test-data", data, "--epochs", "20", "--metrics", metrics);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Test Accuracy: 20/20 = 100.0%", run.Out, StringComparison.Ordinal);
        Assert.Equal(20, MetricsFile.Read(metrics).Length);
    }
}
