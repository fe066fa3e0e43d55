using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeNet.Models;
using Microsoft.ML.OnnxRuntime;

namespace EdgeNet.Onnx.Tests;

/// <summary>docs/use-elsewhere.md's C# and Python snippets run as written and give EdgeNet's answer.</summary>
public sealed partial class UseElsewhereDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "use-elsewhere.md"));

    [Fact]
    public void The_CSharp_snippet_is_the_code_this_test_runs_and_gives_EdgeNets_class()
    {
        // Given the tutorial's model exported as edge-model.onnx in the current folder
        string folder = Directory.CreateTempSubdirectory("edgenet-doc-").FullName;
        string saved = Environment.CurrentDirectory;
        try
        {
            OnnxExport.Save(TestModels.Tutorial, Path.Combine(folder, "edge-model.onnx"));
            Environment.CurrentDirectory = folder;

            // When the snippet runs
            (string best, float[] probabilities) = Snippet();

            // Then it names EdgeNet's class with EdgeNet's probabilities
            double[] expected = TestModels.Probabilities(TestModels.Tutorial, [.. Enumerable.Repeat(new[] { 0.1, 0.1, 0.5, 0.9, 0.9 }, 5).SelectMany(r => r)]);
            OnnxRuntimeAgreementTests.AssertClose(expected, [.. probabilities.Select(p => (double)p)], 1e-6);
            Assert.Equal(TestModels.Tutorial.ClassNames[expected[0] > expected[1] ? 0 : 1], best);
        }
        finally
        {
            Environment.CurrentDirectory = saved;
            Directory.Delete(folder, recursive: true);
        }

        // And the doc shows exactly this code
        string source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "UseElsewhereDocTests.cs"));
        string code = Regex.Match(source, @"// <snippet>\r?\n(.*?)\r?\n\s*// </snippet>", RegexOptions.Singleline).Groups[1].Value;
        string unindented = string.Join("\n", code.Split('\n').Select(line => line.Length >= 8 ? line[8..] : line.TrimStart()));
        Assert.Equal(unindented, Block("csharp"));
    }

    [SkippableFact]
    public void The_Python_snippet_prints_EdgeNets_class_and_probabilities()
    {
        string python = Python.With("onnx", "numpy");

        // Given the tutorial's model exported as edge-model.onnx, and onnxruntime (or its NumPy stand-in)
        string folder = Directory.CreateTempSubdirectory("edgenet-doc-py-").FullName;
        try
        {
            OnnxExport.Save(TestModels.Tutorial, Path.Combine(folder, "edge-model.onnx"));
            string script = Path.Combine(folder, "snippet.py");
            File.WriteAllText(script, $"import sys; sys.path.append({JsonSerializer.Serialize(Path.Combine(AppContext.BaseDirectory, "python"))})\n" + Block("python"));

            // When the doc's Python snippet runs there
            string output = Python.Run(python, ["-c", $"import os; os.chdir({JsonSerializer.Serialize(folder)}); exec(open('snippet.py').read())"]).Trim();

            // Then it prints EdgeNet's class and probabilities
            double[] expected = TestModels.Probabilities(TestModels.Tutorial, [.. Enumerable.Repeat(new[] { 0.1, 0.1, 0.5, 0.9, 0.9 }, 5).SelectMany(r => r)]);
            Match printed = Regex.Match(output, @"^(.+) \[(.+), (.+)\]$");
            Assert.True(printed.Success, output);
            Assert.Equal(TestModels.Tutorial.ClassNames[expected[0] > expected[1] ? 0 : 1], printed.Groups[1].Value);
            OnnxRuntimeAgreementTests.AssertClose(expected, [double.Parse(printed.Groups[2].Value), double.Parse(printed.Groups[3].Value)], 1e-6);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (string Best, float[] Probabilities) Snippet()
    {
        // <snippet>
        using var session = new InferenceSession("edge-model.onnx");
        string[] classes = JsonSerializer.Deserialize<string[]>(session.ModelMetadata.CustomMetadataMap["edgenet.class_names"])!;
        float[] patch = [.. Enumerable.Repeat(new[] { 0.1f, 0.1f, 0.5f, 0.9f, 0.9f }, 5).SelectMany(row => row)];
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(patch, [1, patch.Length]);
        using var options = new RunOptions();
        using var outputs = session.Run(options, ["patch"], [input], ["probabilities"]);
        float[] probabilities = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        string best = classes[Array.IndexOf(probabilities, probabilities.Max())];
        // </snippet>
        return (best, probabilities);
    }

    private static string Block(string language) =>
        Regex.Match(Doc, $"```{language}\\r?\\n(.*?)\\r?\\n```", RegexOptions.Singleline).Groups[1].Value;
}
