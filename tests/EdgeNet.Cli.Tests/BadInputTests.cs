namespace EdgeNet.Cli.Tests;

/// <summary>Every kind of bad input ends with one clear line on stderr, a non-zero exit and nothing written.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("unrecognized", "train", "--no-such-option")]
    [InlineData("learning rate", "train", "--lr", "0")]
    [InlineData("learning rate", "train", "--lr", "-0.5")]
    [InlineData("learning rate", "train", "--lr", "NaN")]
    [InlineData("learning rate", "train", "--lr", "Infinity")]
    [InlineData("epochs", "train", "--epochs", "0")]
    [InlineData("hidden", "train", "--hidden", "8,0")]
    [InlineData("hidden", "train", "--hidden", "eight")]
    [InlineData("batch size", "train", "--batch-size", "0")]
    [InlineData("epochs", "train", "--epochs", "many")]
    [InlineData("does not exist", "train", "--data", "/no/such/file.csv")]
    [InlineData("does not exist", "eval", "--model", "/no/such/model.json")]
    [InlineData("--model", "eval")]
    [InlineData("not a finite number", "predict", "--patch", "0.1,abc")]
    [InlineData("takes 25 pixels", "predict", "--patch", "0.1,0.2,0.3")]
    [InlineData("unrecognized", "no-such-command")]
    public void Bad_command_line_gives_one_line(string expected, params string[] args) =>
        CliRun.Of(args).AssertOneLineError(expected);

    [Theory]
    [InlineData("line 3", "0,0.1,0.2\n1,0.3,0.4\n1,0.3,zero\n")]
    [InlineData("line 2: expected 2 pixel values", "0,0.1,0.2\n1,0.3\n")]
    [InlineData("line 1: label 2 is out of range", "2,0.1,0.2\n")]
    [InlineData("line 1: label -1 is out of range", "-1,0.1,0.2\n")]
    [InlineData("line 2: the label 'x' is not a whole number", "0,0.1,0.2\nx,0.1,0.2\n")]
    [InlineData("no samples", "# only a comment\n")]
    public void Malformed_csv_names_the_line(string expected, string csv)
    {
        using var folder = new TempFolder();
        string data = folder.Write("data.csv", csv);
        string model = folder.File("model.json");

        CliRun run = CliRun.Of("train", "--data", data, "--save", model);

        run.AssertOneLineError(expected);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void Csv_with_the_wrong_number_of_pixels_for_the_model_is_refused()
    {
        using var folder = new TempFolder();
        string model = folder.File("model.json");
        Assert.Equal(0, CliRun.Of("train", "--epochs", "1", "--save", model).ExitCode);
        string data = folder.Write("nine.csv", "0,0.1,0.1,0.9,0.1,0.1,0.9,0.1,0.1,0.9\n");

        CliRun.Of("eval", "--model", model, "--data", data).AssertOneLineError("expected 25 pixel values");
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("version")]
    [InlineData("shape")]
    [InlineData("nan")]
    [InlineData("not-model")]
    public void Broken_model_files_are_refused_in_one_line(string damage)
    {
        // Given a good model file, damaged one way
        using var folder = new TempFolder();
        string model = folder.File("model.json");
        Assert.Equal(0, CliRun.Of("train", "--epochs", "1", "--save", model).ExitCode);
        string json = File.ReadAllText(model);
        string broken = damage switch
        {
            "truncated" => json[..(json.Length / 2)],
            "version" => json.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal),
            "shape" => json.Replace("\"hidden\": [\n      8\n    ]", "\"hidden\": [\n      9\n    ]", StringComparison.Ordinal),
            "nan" => json.Replace("\"bias\": [\n        0", "\"bias\": [\n        \"NaN\"", StringComparison.Ordinal),
            _ => "{\"hello\": \"world\"}",
        };
        Assert.NotEqual(json, broken);
        File.WriteAllText(model, broken);

        // When / Then
        string expected = damage switch
        {
            "truncated" => "truncated",
            "version" => "version 2",
            "shape" => "weights should be 25×9",
            "nan" => "'layers[0].bias[0]' has the wrong type",
            _ => "not an EdgeNet model",
        };
        CliRun.Of("eval", "--model", model).AssertOneLineError(expected);
    }

    [Fact]
    public void Diverging_training_stops_names_the_epoch_and_writes_nothing()
    {
        // Given a model and metrics file from an earlier good run
        using var folder = new TempFolder();
        string model = folder.File("model.json");
        string metrics = folder.File("metrics.csv");
        Assert.Equal(0, CliRun.Of("train", "--epochs", "1", "--save", model, "--metrics", metrics).ExitCode);
        string goodModel = File.ReadAllText(model);
        string goodMetrics = File.ReadAllText(metrics);

        // When a run with an absurd learning rate blows up
        CliRun run = CliRun.Of("train", "--lr", "1e300", "--save", model, "--metrics", metrics);

        // Then
        run.AssertOneLineError("epoch 0");
        Assert.Contains("smaller learning rate", run.Error, StringComparison.Ordinal);
        Assert.Equal(goodModel, File.ReadAllText(model));
        Assert.Equal(goodMetrics, File.ReadAllText(metrics));
        Assert.Equal(["metrics.csv", "model.json"], folder.Entries());
    }

    [Fact]
    public void Output_into_a_missing_folder_is_refused_before_training()
    {
        CliRun run = CliRun.Of("train", "--save", "/no/such/folder/model.json");

        run.AssertOneLineError("does not exist");
        Assert.Equal(string.Empty, run.Out);
    }
}
