namespace EdgeNet.Cli.Tests;

/// <summary><c>edgenet export</c> and <c>edgenet import</c>: ONNX out and back in, and their one-line errors.</summary>
public sealed class ExportImportCommandTests
{
    [Theory]
    [InlineData("f32")]
    [InlineData("f64")]
    public void Export_then_import_gives_a_model_every_command_takes(string precision)
    {
        // Given a trained model
        using var folder = new TempFolder();
        string model = folder.File("m.json");
        Assert.Equal(0, CliRun.Of("train", "--epochs", "20", "--save", model, "--log-every", "0").ExitCode);

        // When it is exported and imported back
        CliRun export = CliRun.Of("export", "--model", model, "--out", folder.File("m.onnx"), "--precision", precision);
        CliRun import = CliRun.Of("import", "--onnx", folder.File("m.onnx"), "--out", folder.File("back.json"));

        // Then both say what they did, and the imported model evaluates as the original does
        Assert.Equal(0, export.ExitCode);
        Assert.Contains($"Exported 25→8→2 (Edge, No Edge) to {folder.File("m.onnx")} (ONNX opset 17, {precision})", export.Out, StringComparison.Ordinal);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("Imported 25→8→2 (Edge, No Edge) from m.onnx", import.Out, StringComparison.Ordinal);
        CliRun original = CliRun.Of("eval", "--model", model, "--seed", "42");
        CliRun back = CliRun.Of("eval", "--model", folder.File("back.json"), "--seed", "42");
        Assert.Equal(0, back.ExitCode);
        Assert.Equal(Accuracy(original.Out), Accuracy(back.Out));
        Assert.Equal(0, CliRun.Of("predict", "--model", folder.File("back.json")).ExitCode);
        Assert.Equal(["back.json", "m.json", "m.onnx"], folder.Entries());
    }

    [Theory]
    [InlineData("tanh")]
    [InlineData("leaky-relu")]
    public void An_imported_model_with_another_activation_runs_in_eval_predict_step_and_scan(string activation)
    {
        // Given a model trained with that activation, exported in double and imported back
        using var folder = new TempFolder();
        string model = folder.File("m.json"), back = folder.File("back.json");
        CliRun train = CliRun.Of("train", "--activation", activation, "--epochs", "20", "--save", model, "--log-every", "0");
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Equal(0, CliRun.Of("export", "--model", model, "--out", folder.File("m.onnx"), "--precision", "f64").ExitCode);
        CliRun import = CliRun.Of("import", "--onnx", folder.File("m.onnx"), "--out", back);
        Assert.True(import.ExitCode == 0, import.Error);

        // Then the model file says the activation, and each command gives what it gives for the original
        Assert.Contains($"\"activation\": \"{activation}\"", File.ReadAllText(back), StringComparison.Ordinal);
        foreach (string[] command in new[] { new[] { "eval", "--seed", "42" }, ["predict"], ["step", "--lr", "0.5"] })
        {
            CliRun original = CliRun.Of([.. command, "--model", model]);
            CliRun imported = CliRun.Of([.. command, "--model", back]);
            Assert.True(imported.ExitCode == 0, $"{command[0]}: {imported.Error}");
            Assert.Equal(original.Out.Replace("m.json", "back.json", StringComparison.Ordinal), imported.Out);
        }
        Assert.Equal(0, CliRun.Of("scene", "--out", folder.File("scene.png"), "--width", "40", "--height", "30").ExitCode);
        foreach ((string name, string file) in new[] { ("m", model), ("back", back) })
        {
            CliRun scan = CliRun.Of("scan", "--model", file, folder.File("scene.png"), "--out", folder.File($"{name}.png"), "--raw", folder.File($"{name}.npy"));
            Assert.True(scan.ExitCode == 0, scan.Error);
        }
        Assert.Equal(File.ReadAllBytes(folder.File("m.npy")), File.ReadAllBytes(folder.File("back.npy")));
    }

    [Fact]
    public void Import_names_the_classes_of_a_task()
    {
        using var folder = new TempFolder();
        string model = folder.File("m.json");
        Assert.Equal(0, CliRun.Of("train", "--epochs", "1", "--save", model, "--log-every", "0").ExitCode);
        Assert.Equal(0, CliRun.Of("export", "--model", model, "--out", folder.File("m.onnx")).ExitCode);

        CliRun edge = CliRun.Of("import", "--onnx", folder.File("m.onnx"), "--out", folder.File("e.json"), "--task", "edge");
        CliRun orientation = CliRun.Of("import", "--onnx", folder.File("m.onnx"), "--out", folder.File("o.json"), "--task", "orientation");

        Assert.Equal(0, edge.ExitCode);
        orientation.AssertOneLineError("--task orientation has 5 classes but the ONNX model has 2");
        Assert.Equal(2, orientation.ExitCode);
        Assert.False(File.Exists(folder.File("o.json")));
    }

    [Fact]
    public void Bad_input_gets_one_line_and_writes_nothing()
    {
        using var folder = new TempFolder();
        string notOnnx = folder.Write("bad.onnx", "not a model");
        string model = folder.File("m.json");
        Assert.Equal(0, CliRun.Of("train", "--epochs", "1", "--save", model, "--log-every", "0").ExitCode);

        CliRun import = CliRun.Of("import", "--onnx", notOnnx, "--out", folder.File("x.json"));
        import.AssertOneLineError("bad.onnx is not an ONNX model");
        Assert.Equal(1, import.ExitCode);

        CliRun missing = CliRun.Of("import", "--onnx", folder.File("none.onnx"), "--out", folder.File("x.json"));
        missing.AssertOneLineError("does not exist");
        Assert.Equal(1, missing.ExitCode);

        CliRun precision = CliRun.Of("export", "--model", model, "--out", folder.File("x.onnx"), "--precision", "f16");
        precision.AssertOneLineError("f16");
        Assert.Equal(2, precision.ExitCode);

        CliRun noFolder = CliRun.Of("export", "--model", model, "--out", folder.File("no/x.onnx"));
        noFolder.AssertOneLineError("--out: the folder");
        Assert.Equal(2, noFolder.ExitCode);

        CliRun toFolder = CliRun.Of("export", "--model", model, "--out", folder.Path);
        toFolder.AssertOneLineError("is a folder");

        Assert.Equal(["bad.onnx", "m.json"], folder.Entries());
    }

    private static string Accuracy(string evalOutput) =>
        evalOutput.Split('\n').First(line => line.Contains("ccuracy", StringComparison.Ordinal));
}
