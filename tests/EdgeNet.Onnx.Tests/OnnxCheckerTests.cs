using EdgeNet.Layers;
using EdgeNet.Models;

namespace EdgeNet.Onnx.Tests;

/// <summary>The ONNX project's own checker (Debian's python3-onnx) accepts every exported file.</summary>
public sealed class OnnxCheckerTests
{
    private const string Check = """
        import sys, onnx
        for path in sys.argv[1:]:
            model = onnx.load(path)
            onnx.checker.check_model(model, full_check=True)
            print(path, model.ir_version, [(o.domain, o.version) for o in model.opset_import])
        """;

    [SkippableFact]
    public void Check_model_with_full_check_accepts_every_export()
    {
        string python = Python.With("onnx");

        // Given each test model exported in both precisions
        string folder = Directory.CreateTempSubdirectory("edgenet-onnx-check-").FullName;
        try
        {
            // (and a model with each hidden activation: leaky ReLU is LeakyRelu in float, PRelu in double)
            var models = TestModels.All.Select(name => (name, TestModels.ByName(name))).Concat(
                Enum.GetValues<HiddenActivation>().Select(a => (a.ToString(), TestModels.RandomModel(seed: 2, inputs: 9, hidden: [6, 4], classes: 3, a))));
            var paths = new List<string>();
            foreach ((string name, Model model) in models)
            {
                foreach (OnnxPrecision precision in Enum.GetValues<OnnxPrecision>())
                {
                    string path = Path.Combine(folder, $"{name}-{precision}.onnx");
                    OnnxExport.Save(model, path, precision);
                    paths.Add(path);
                }
            }

            // When onnx.checker.check_model(full_check=True) reads them (it raises on any fault)
            string output = Python.Run(python, ["-c", Check, .. paths]);

            // Then every file passed, as IR version 8 with opset 17
            string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(paths.Count, lines.Length);
            Assert.All(lines, line => Assert.EndsWith(" 8 [('', 17)]", line, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
