using System.Text.Json;
using EdgeNet.Layers;
using EdgeNet.Models;

namespace EdgeNet.Onnx.Tests;

/// <summary>
/// MLPs exported by PyTorch's torch.onnx.export (tools/torch_mlps.py: several shapes, activations, export settings,
/// float and double, raw and typed weights) import and give PyTorch's probabilities; what EdgeNet cannot run is
/// refused in one line naming the node.
/// </summary>
public sealed class PyTorchImportTests
{
    [SkippableFact]
    public void PyTorch_MLPs_import_and_give_PyTorchs_probabilities_within_1e_12()
    {
        string python = Python.With("torch", "onnx");

        // Given PyTorch's exports and its probabilities on random patches
        string folder = Directory.CreateTempSubdirectory("edgenet-torch-").FullName;
        try
        {
            string script = Path.Combine(AppContext.BaseDirectory, "tools", "torch_mlps.py");
            Python.Run(python, [script, folder, "1000"]);
            using JsonDocument cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "cases.json")));
            var imported = new List<string>();
            foreach (JsonElement entry in cases.RootElement.EnumerateArray())
            {
                string name = entry.GetProperty("name").GetString()!;
                string file = Path.Combine(folder, name + ".onnx");
                string op = entry.GetProperty("activation").GetString()!;
                if (Refusals.TryGetValue(name, out string? why))
                {
                    // When EdgeNet cannot run the network, then the one line names the node and why
                    var refused = Assert.Throws<ModelFormatException>(() => OnnxImport.Load(file));
                    Assert.Matches($"^{name}.onnx cannot be imported: node '[^']+' \\({op}\\) {why}[^\n]*\\.$", refused.Message);
                    continue;
                }

                // When EdgeNet imports the file and runs the same patches
                Model model = OnnxImport.Load(file);
                double[] x = Flat(entry.GetProperty("patches"));
                double[] expected = Flat(entry.GetProperty("probabilities"));

                // Then it has PyTorch's activation and gives PyTorch's probabilities
                Assert.Equal(Activations[op], model.Network.HiddenActivation);
                Assert.Equal(expected.Length / (x.Length / model.Network.Inputs), model.Network.Classes);
                OnnxRuntimeAgreementTests.AssertClose(expected, TestModels.Probabilities(model, x), 1e-12);
                imported.Add(op);
            }
            Assert.Equal(Refusals.Count, cases.RootElement.GetArrayLength() - imported.Count);
            Assert.Equal(Activations.Keys.Order(), imported.Distinct().Order());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The engine's activation for each ONNX activation tools/torch_mlps.py writes.</summary>
    private static readonly Dictionary<string, HiddenActivation> Activations = new()
    {
        ["Relu"] = HiddenActivation.Relu,
        ["LeakyRelu"] = HiddenActivation.LeakyRelu,
        ["Tanh"] = HiddenActivation.Tanh,
        ["Sigmoid"] = HiddenActivation.Sigmoid,
    };

    /// <summary>The networks of tools/torch_mlps.py EdgeNet cannot run, and the start of the reason it gives.</summary>
    private static readonly Dictionary<string, string> Refusals = new()
    {
        ["leaky_slope_0_2"] = "has alpha = 0.2; EdgeNet's leaky ReLU has the slope 0.01 only",
        ["prelu_default"] = "has the slope 0.25; EdgeNet's leaky ReLU has the slope 0.01 only",
        ["mixed"] = "differs from the first hidden layer's activation \\(Tanh\\); EdgeNet uses one activation for every hidden layer",
    };

    private static double[] Flat(JsonElement rows) =>
        [.. rows.EnumerateArray().SelectMany(row => row.EnumerateArray().Select(v => v.GetDouble()))];
}
