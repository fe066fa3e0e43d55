using System.Text;
using EdgeNet.Models;
using EdgeNet.Onnx;

namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// Issue #24 family 4: every model edgenet writes, edgenet can load. A network whose file could pass the model-file
/// cap is refused before training; an import that would write such a file, or class names loading refuses, writes
/// nothing; names from a file are escaped when printed.
/// </summary>
[Collection(Serial.Name)]
public sealed class ReadBackTests
{
    [Theory]
    [InlineData(1, new[] { 1 }, 2)]
    [InlineData(25, new[] { 8 }, 2)]
    [InlineData(3, new[] { 1, 5, 1 }, 4)]
    [InlineData(2, new int[0], 3)]
    public void The_file_size_bound_holds_for_the_longest_numbers_and_names(int inputs, int[] hidden, int classes)
    {
        // Given every number at its longest and every class name at its longest, each character escaped in JSON
        Network<double> network = Network<double>.Create(inputs, hidden, classes);
        foreach (var layer in network.Layers)
        {
            Array.Fill(layer.Weights, -2.2250738585072014E-308);
            Array.Fill(layer.Bias, -2.2250738585072014E-308);
        }
        string[] names = [.. Enumerable.Range(0, classes).Select(k => k + new string('é', Limits.MaxClassNameLength - 1))];

        long written = Encoding.UTF8.GetByteCount(ModelFile.Serialize(new Model(network, names, null)));
        long bound = ModelFile.MaxFileBytes([inputs, .. hidden, classes]);

        Assert.InRange(written, 1, bound);
        Assert.True(bound < (2 * written) + (128 << 10), $"bound {bound} for {written} bytes");   // a bound, not a guess
    }

    [Fact]
    public void Train_refuses_before_any_work_a_network_whose_file_loading_would_refuse()
    {
        using var folder = new TempFolder();

        CliRun run = CliRun.Of("train", "--hidden", "4000,4000", "--epochs", "1", "--save", folder.File("m.json"));

        run.AssertOneLineError("as a model file, more than the 256 MB a model file may have");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Empty(folder.Entries());
    }

    [Fact]
    public void Import_of_a_model_whose_file_loading_would_refuse_writes_nothing()
    {
        // Given 8 → 1,048,576 → 2 exported to ONNX (46 MB in float32)
        using var folder = new TempFolder();
        string onnx = folder.File("wide.onnx");
        OnnxExport.Save(new Model(Network<double>.Create(8, [1 << 20], 2), ["Edge", "No Edge"], null), onnx);

        CliRun run = CliRun.Of("import", "--onnx", onnx, "--out", folder.File("m.json"));

        run.AssertOneLineError("more than the 256 MB a model file may have");
        Assert.Equal(["wide.onnx"], folder.Entries());
    }

    [Theory]
    [InlineData("\u001b[31mred", "holds a control character", "\\e[31mred")]
    [InlineData("a\"b", "holds a control character or a double quote", "a\"b")]
    [InlineData("same", "appears twice", "'same'")]
    [InlineData("long", "characters long; the most is 100", "class name 1")]
    public void Import_refuses_class_names_that_loading_refuses_and_escapes_them(string name, string reason, string shown)
    {
        using var folder = new TempFolder();
        string first = name == "long" ? new string('x', Limits.MaxClassNameLength + 1) : name;
        string onnx = folder.File("bad.onnx");
        OnnxExport.Save(new Model(Network<double>.Create(4, [3], 2), [first, name == "same" ? "same" : "other"], null), onnx);

        CliRun run = CliRun.Of("import", "--onnx", onnx, "--out", folder.File("m.json"));

        run.AssertOneLineError(reason);
        Assert.Contains(shown, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Error);
        Assert.Equal(["bad.onnx"], folder.Entries());
    }

    [Fact]
    public void What_import_writes_loads_and_its_names_are_printed_as_loading_reads_them()
    {
        using var folder = new TempFolder();
        string onnx = folder.File("ok.onnx");
        OnnxExport.Save(new Model(Network<double>.Create(4, [3], 2), ["Edge", "No Edge"], null), onnx);

        CliRun run = CliRun.Of("import", "--onnx", onnx, "--out", folder.File("m.json"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("(Edge, No Edge)", run.Out, StringComparison.Ordinal);
        Assert.Equal(["Edge", "No Edge"], ModelFile.Load(folder.File("m.json")).ClassNames);
    }
}
