using System.Text.RegularExpressions;
using EdgeNet.Data;
using EdgeNet.Models;
using EdgeNet.Training;

namespace EdgeNet.Tests.Models;

public sealed partial class VariedModelFileTests
{
    [Fact]
    public void Varied_orientation_model_keeps_its_task_patch_size_and_generator_options()
    {
        // Given a 7×7 orientation model trained one epoch on varied data
        var varied = new VariedOptions { Task = EdgeTask.Orientation, PatchSize = 7, Noise = 0.08, MinContrast = 0.25, MaxSoftness = 1 };
        var options = new TrainingOptions { TrainSamples = 50, TestSamples = 0, Epochs = 1 };
        var setup = SeededSetup<double>.Create(options, GeneratedData.VariedWith(varied));
        Trainer.Train(setup.Network, setup.Train, null, options, setup.Random);
        var model = new Model(setup.Network, setup.Train.ClassNames, new TrainingRecord(options, "varied", varied));

        // When
        Model loaded = ModelFile.Deserialize(ModelFile.Serialize(model), "model.json");

        // Then
        Assert.Equal(7, loaded.PatchSize);
        Assert.Equal(EdgeTask.Orientation, loaded.Task);
        Assert.Equal(varied, loaded.Training!.Varied);
        Assert.Equal("varied", loaded.Training.Data);
        Assert.Equal(EdgeTasks.OrientationClasses, loaded.ClassNames);
    }

    [Fact]
    public void Version_1_file_without_the_optional_fields_still_loads()
    {
        // Given a tutorial model file as the first version-1 writer made it: no patchSize, task or noise
        var options = new TrainingOptions { Epochs = 1 };
        var setup = SeededSetup<double>.Create(options);
        string json = ModelFile.Serialize(new Model(setup.Network, setup.Train.ClassNames, new TrainingRecord(options, "tutorial")));
        string old = OptionalField().Replace(json, string.Empty);
        Assert.DoesNotContain("patchSize", old, StringComparison.Ordinal);

        // When
        Model loaded = ModelFile.Deserialize(old, "old.json");

        // Then the patch size comes from the 25 inputs and the task from the class names
        Assert.Equal(5, loaded.PatchSize);
        Assert.Equal(EdgeTask.Edge, loaded.Task);
        Assert.Null(loaded.Training!.Varied);
    }

    [Fact]
    public void Patch_size_that_does_not_match_the_inputs_is_refused()
    {
        var setup = SeededSetup<double>.Create(new TrainingOptions { Epochs = 1 });
        string json = ModelFile.Serialize(new Model(setup.Network, setup.Train.ClassNames, null)).Replace("\"patchSize\": 5", "\"patchSize\": 7", StringComparison.Ordinal);

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.Deserialize(json, "m.json"));

        Assert.Contains("patch size 7×7 does not match its 25 inputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_task_is_refused()
    {
        var varied = new VariedOptions();
        var options = new TrainingOptions { TrainSamples = 10, TestSamples = 0, Epochs = 1 };
        var setup = SeededSetup<double>.Create(options, GeneratedData.VariedWith(varied));
        string json = ModelFile.Serialize(new Model(setup.Network, setup.Train.ClassNames, new TrainingRecord(options, "varied", varied)))
            .Replace("\"task\": \"edge\"", "\"task\": \"corners\"", StringComparison.Ordinal);

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.Deserialize(json, "m.json"));

        Assert.Contains("'corners'", error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("""\s*"(patchSize|task|noise|minContrast|maxSoftness)": [^,\n]+,?""")]
    private static partial Regex OptionalField();
}
