namespace EdgeNet.Cli.Tests;

public sealed class VariedDataCommandTests
{
    [Fact]
    public void Train_on_varied_data_records_it_and_eval_reports_the_held_out_accuracy()
    {
        // Given a small varied model with a 7×7 patch
        using var folder = new TempFolder();
        string model = folder.File("varied.json");
        CliRun train = CliRun.Of("train", "--dataset", "varied", "--patch", "7", "--noise", "0.03", "--train-samples", "800", "--epochs", "4", "--log-every", "0", "--save", model);
        Assert.True(train.ExitCode == 0, train.Error);

        // When
        CliRun eval = CliRun.Of("eval", "--model", model);

        // Then the file records the data, and eval draws the same held-out set as training's test set
        string json = File.ReadAllText(model);
        Assert.Contains("\"patchSize\": 7", json, StringComparison.Ordinal);
        Assert.Contains("\"data\": \"varied\"", json, StringComparison.Ordinal);
        Assert.Contains("\"noise\": 0.03", json, StringComparison.Ordinal);
        Assert.Contains("held-out varied (edge, 7×7, noise σ 0.03", eval.Out, StringComparison.Ordinal);
        string trainAccuracy = train.Out.Split('\n').Single(l => l.StartsWith("Test Accuracy:", StringComparison.Ordinal)).Split(": ")[1];
        string evalAccuracy = eval.Out.Split('\n').Single(l => l.StartsWith("Accuracy:", StringComparison.Ordinal)).Split(": ")[1].Trim();
        Assert.Equal(trainAccuracy, evalAccuracy);
    }

    [Fact]
    public void Tutorial_model_can_be_evaluated_on_varied_data()
    {
        using var folder = new TempFolder();
        string model = folder.File("tutorial.json");
        Assert.Equal(0, CliRun.Of("train", "--epochs", "5", "--log-every", "0", "--save", model).ExitCode);

        CliRun eval = CliRun.Of("eval", "--model", model, "--dataset", "varied", "--test-samples", "300");

        Assert.True(eval.ExitCode == 0, eval.Error);
        Assert.Contains("300 held-out varied (edge, 5×5", eval.Out, StringComparison.Ordinal);
        Assert.Contains("Accuracy: ", eval.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("add --dataset varied", "train", "--noise", "0.1")]
    [InlineData("add --dataset varied", "train", "--task", "orientation")]
    [InlineData("add --dataset varied", "train", "--patch", "7")]
    [InlineData("patch size must be odd", "train", "--dataset", "varied", "--patch", "4")]
    [InlineData("noise", "train", "--dataset", "varied", "--noise", "2")]
    [InlineData("tutorial", "train", "--dataset", "photos")]
    [InlineData("edge", "train", "--dataset", "varied", "--task", "corners")]
    public void Bad_data_options_give_one_line(string expected, params string[] args) =>
        CliRun.Of(args).AssertOneLineError(expected);

    [Fact]
    public void Orientation_model_is_not_evaluated_on_tutorial_patches()
    {
        using var folder = new TempFolder();
        string model = folder.File("o.json");
        Assert.Equal(0, CliRun.Of("train", "--dataset", "varied", "--task", "orientation", "--train-samples", "50", "--epochs", "1", "--log-every", "0", "--save", model).ExitCode);

        CliRun.Of("eval", "--model", model, "--dataset", "tutorial").AssertOneLineError("answers the 'orientation' task");
    }

    [Fact]
    public void Compare_reports_both_models_on_held_out_varied_data_and_scans_one_image_with_both()
    {
        // Given a drawn scene and a small comparison
        using var folder = new TempFolder();
        string scene = folder.File("scene.png");
        Assert.Equal(0, CliRun.Of("scene", "--out", scene, "--width", "48", "--height", "32").ExitCode);

        // When
        CliRun run = CliRun.Of("compare", "--train-samples", "600", "--epochs", "3", "--test-samples", "300", "--image", scene, "--out-dir", folder.Path);

        // Then
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Accuracy on held-out varied", run.Out, StringComparison.Ordinal);
        Assert.Contains("vertical dark→bright step", run.Out, StringComparison.Ordinal);
        Assert.Contains("r with Sobel", run.Out, StringComparison.Ordinal);
        Assert.Equal(
            ["scene.png", "sobel.png", "tutorial-model.json", "tutorial-trained.overlay.png", "tutorial-trained.png", "varied-model.json", "varied-trained.overlay.png", "varied-trained.png"],
            folder.Entries());
        Assert.Equal(0, CliRun.Of("eval", "--model", folder.File("varied-model.json"), "--test-samples", "300").ExitCode);
    }

    [Fact]
    public void Compare_image_without_out_dir_is_refused() =>
        CliRun.Of("compare", "--image", "x.png").AssertOneLineError("--image needs --out-dir");
}
