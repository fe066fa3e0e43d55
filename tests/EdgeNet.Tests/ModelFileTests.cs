using EdgeNet.Models;
using EdgeNet.Training;

namespace EdgeNet.Tests;

public sealed class ModelFileTests
{
    [Fact]
    public void Save_then_load_gives_identical_predictions_bit_for_bit()
    {
        // Given a trained deep network
        var options = new TrainingOptions { Seed = 5, Hidden = [7, 5], Epochs = 3, BatchSize = 4 };
        var setup = SeededSetup<double>.Create(options);
        Trainer.Train(setup.Network, setup.Train, setup.Test, options, setup.Random);
        string path = Path.Combine(Path.GetTempPath(), $"edgenet-{Guid.NewGuid():N}.json");

        try
        {
            // When
            ModelFile.Save(new Model(setup.Network, setup.Train.ClassNames, new TrainingRecord(options, "tutorial")), path);
            Model loaded = ModelFile.Load(path);

            // Then
            double[] x = setup.Test!.FeaturesAs<double>();
            double[] before = setup.Network.Forward(x, setup.Test.Count).ToArray();
            double[] after = loaded.Network.Forward(x, setup.Test.Count).ToArray();
            Assert.Equal(before.Select(BitConverter.DoubleToInt64Bits), after.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(options with { Hidden = loaded.Training!.Options.Hidden }, loaded.Training.Options);
            Assert.Equal([7, 5], loaded.Network.HiddenSizes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Failed_save_leaves_the_old_file_and_no_temporary_file()
    {
        string folder = Directory.CreateTempSubdirectory("edgenet-").FullName;
        string path = Path.Combine(folder, "model.json");
        File.WriteAllText(path, "the good old model");

        Assert.Throws<InvalidOperationException>(() =>
            IO.AtomicFile.Write(path, stream =>
            {
                stream.Write("half a mo"u8);
                throw new InvalidOperationException("interrupted");
            }));

        Assert.Equal("the good old model", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Layer_count_that_does_not_match_the_architecture_is_refused()
    {
        var network = Network<double>.Create(4, [3], 2);
        string json = ModelFile.Serialize(new Model(network, ["A", "B"], null));
        string broken = json.Replace("\"hidden\": [\n      3\n    ]", "\"hidden\": [\n      3,\n      3\n    ]", StringComparison.Ordinal);
        Assert.NotEqual(json, broken);

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.Deserialize(broken, "m.json"));
        Assert.Equal("m.json is not a valid model: the architecture needs 3 layers but the file has 2.", error.Message);
    }
}
