using EdgeNet.Models;

namespace EdgeNet.Onnx.Tests;

/// <summary>Export then import gives the same model: weights, biases, class names, patch size.</summary>
public sealed class RoundTripTests
{
    [Theory]
    [MemberData(nameof(TestModels.Names), MemberType = typeof(TestModels))]
    public void Float64_export_then_import_gives_the_same_model(string name)
    {
        // Given a model
        Model model = TestModels.ByName(name);

        // When it is exported in double and imported back
        Model back = OnnxImport.Read(OnnxExport.ToBytes(model, OnnxPrecision.Float64), "model.onnx");

        // Then every number is the same, bit for bit, and so are the class names and the patch size
        Assert.Equal(model.ClassNames, back.ClassNames);
        Assert.Equal(model.PatchSize, back.PatchSize);
        Assert.Equal(model.Task, back.Task);
        Assert.Equal(ModelFile.Serialize(model with { Training = null }), ModelFile.Serialize(back));
    }

    [Theory]
    [MemberData(nameof(TestModels.Names), MemberType = typeof(TestModels))]
    public void Float32_export_then_import_gives_the_weights_rounded_to_float(string name)
    {
        // Given a model
        Model model = TestModels.ByName(name);

        // When it is exported in float and imported back
        Model back = OnnxImport.Read(OnnxExport.ToBytes(model, OnnxPrecision.Float32), "model.onnx");

        // Then each weight and bias is the float nearest the original
        Assert.Equal(model.Network.HiddenSizes, back.Network.HiddenSizes);
        for (int l = 0; l < model.Network.Layers.Count; l++)
        {
            Assert.Equal(model.Network.Layers[l].Weights.Select(w => (double)(float)w), back.Network.Layers[l].Weights);
            Assert.Equal(model.Network.Layers[l].Bias.Select(b => (double)(float)b), back.Network.Layers[l].Bias);
        }
        Assert.Equal(model.ClassNames, back.ClassNames);
    }

    [Fact]
    public void Saved_files_load_back_and_a_failed_save_leaves_nothing()
    {
        string folder = Directory.CreateTempSubdirectory("edgenet-onnx-save-").FullName;
        try
        {
            // Given the tutorial's model saved as ONNX
            string path = Path.Combine(folder, "tutorial.onnx");
            OnnxExport.Save(TestModels.Tutorial, path, OnnxPrecision.Float64);

            // Then it loads back, and only the file is in the folder
            Assert.Equal(ModelFile.Serialize(TestModels.Tutorial with { Training = null }), ModelFile.Serialize(OnnxImport.Load(path)));
            Assert.Equal(["tutorial.onnx"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));

            // And a save into a folder that does not exist fails without writing anything
            Assert.Throws<DirectoryNotFoundException>(() => OnnxExport.Save(TestModels.Tutorial, Path.Combine(folder, "no", "m.onnx")));
            Assert.Single(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
