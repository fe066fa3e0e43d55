using System.Text.Json;
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
            int imported = 0;
            foreach (JsonElement entry in cases.RootElement.EnumerateArray())
            {
                string name = entry.GetProperty("name").GetString()!;
                string file = Path.Combine(folder, name + ".onnx");
                if (!Supported(entry.GetProperty("activation").GetString()!))
                {
                    // When EdgeNet lacks the activation, then the one line names the node and why
                    var refused = Assert.Throws<ModelFormatException>(() => OnnxImport.Load(file));
                    Assert.Matches($"^{name}.onnx cannot be imported: node '[^']+' \\({entry.GetProperty("activation").GetString()}\\) [^\n]+\\.$", refused.Message);
                    continue;
                }

                // When EdgeNet imports the file and runs the same patches
                Model model = OnnxImport.Load(file);
                double[] x = Flat(entry.GetProperty("patches"));
                double[] expected = Flat(entry.GetProperty("probabilities"));

                // Then its probabilities are PyTorch's
                Assert.Equal(expected.Length / (x.Length / model.Network.Inputs), model.Network.Classes);
                OnnxRuntimeAgreementTests.AssertClose(expected, TestModels.Probabilities(model, x), 1e-12);
                imported++;
            }
            Assert.True(imported >= 6, $"only {imported} PyTorch models were imported");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool Supported(string activation) => activation == "Relu";

    private static double[] Flat(JsonElement rows) =>
        [.. rows.EnumerateArray().SelectMany(row => row.EnumerateArray().Select(v => v.GetDouble()))];
}
