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
    public void Train_reference_runs_the_plain_loops_and_prints_the_same_lines()
    {
        // When the tutorial's run goes through the reference pass and through the fast kernels
        CliRun reference = CliRun.Of("train", "--reference");
        CliRun fast = CliRun.Of("train");

        // Then it succeeds and prints exactly what the fast run prints (the numbers shown agree)
        Assert.Equal(0, reference.ExitCode);
        Assert.Equal(string.Empty, reference.Error);
        Assert.Equal(fast.Out, reference.Out);
    }

    [Fact]
    public void Train_explain_says_which_code_runs_the_steps_and_the_evaluation()
    {
        // When the tutorial's run is asked to explain its plan
        CliRun run = CliRun.Of("train", "--explain", "--epochs", "1");
        CliRun referenceRun = CliRun.Of("train", "--explain", "--epochs", "1", "--reference");

        // Then the plan comes first: one-row kernels for the per-sample steps, matrix products for the float64 test set
        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("Plan:", lines[0]);
        Assert.StartsWith("  training steps of 1 sample: one-row kernels, src/EdgeNet/Kernels/OneRow (", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("  test set, 20 at a time: matrix products, src/EdgeNet/Kernels/Gemm (", lines[2], StringComparison.Ordinal);
        Assert.Contains("float32 only", lines[2], StringComparison.Ordinal);
        Assert.Contains("Training 2-layer network: 25 -> 8 (ReLU) -> 2", lines);
        Assert.Contains("training steps of 1 sample: reference pass, src/EdgeNet/Reference/ReferencePass.cs", referenceRun.Out, StringComparison.Ordinal);
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

    [Fact]
    public void Precision_f32_trains_the_tutorial_to_the_same_accuracy_and_close_losses()
    {
        // Given the tutorial run in float64 and in float32
        using var folder = new TempFolder();
        string f64 = folder.File("f64.csv"), f32 = folder.File("f32.csv"), model = folder.File("f32.json");

        // When
        CliRun wide = CliRun.Of("train", "--metrics", f64);
        CliRun narrow = CliRun.Of("train", "--precision", "f32", "--metrics", f32, "--save", model);

        // Then float32 follows float64 within float rounding (1e-4 after 10,000 steps) and saves a usable model
        Assert.Equal(0, wide.ExitCode);
        Assert.Equal(0, narrow.ExitCode);
        Assert.Contains("Test Accuracy: 20/20 = 100.0%", narrow.Out, StringComparison.Ordinal);
        MetricsFile.AssertClose(MetricsFile.Read(f64), MetricsFile.Read(f32), 1e-4);
        Assert.Equal(0, CliRun.Of("eval", "--model", model).ExitCode);
    }

    [Fact]
    public void Unknown_precision_is_refused_with_one_line()
    {
        CliRun run = CliRun.Of("train", "--precision", "f16");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("f16", run.Error, StringComparison.Ordinal);
    }
}
