using EdgeNet.Models;
using EdgeNet.Optimizers;
using EdgeNet.Training;

namespace EdgeNet.Tests.Models;

/// <summary>The optional fields of version 1 for the optimizer, its settings and the initialisation.</summary>
public sealed class OptimizerModelFileTests
{
    [Theory]
    [InlineData(OptimizerKind.Momentum)]
    [InlineData(OptimizerKind.Nesterov)]
    [InlineData(OptimizerKind.Adagrad)]
    [InlineData(OptimizerKind.RmsProp)]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.AdamW)]
    public void Optimizer_settings_and_init_round_trip(OptimizerKind kind)
    {
        // Given options with every setting away from its default
        OptimizerSettings settings = OptimizerSettings.For(kind) with { Momentum = 0.7, RmsDecay = 0.95, Beta1 = 0.8, Beta2 = 0.99, Eps = 1e-7, WeightDecay = 0.003 };
        var options = new TrainingOptions { Optimizer = settings, Init = WeightInit.Xavier };
        var network = Network<double>.Create(25, [8], 2);

        // When
        string json = ModelFile.Serialize(new Model(network, ["Edge", "No Edge"], new TrainingRecord(options, "tutorial")));
        TrainingOptions loaded = ModelFile.Deserialize(json, "m.json").Training!.Options;

        // Then the settings the rule reads come back; the others are its defaults, and are not written
        OptimizerSettings defaults = OptimizerSettings.For(kind);
        Assert.Equal(WeightInit.Xavier, loaded.Init);
        Assert.Equal(kind, loaded.Optimizer.Kind);
        Assert.Equal(0.003, loaded.Optimizer.WeightDecay);
        Assert.Equal(settings.UsesMomentum ? 0.7 : defaults.Momentum, loaded.Optimizer.Momentum);
        Assert.Equal(settings.UsesRmsDecay ? 0.95 : defaults.RmsDecay, loaded.Optimizer.RmsDecay);
        Assert.Equal(settings.UsesBetas ? (0.8, 0.99) : (defaults.Beta1, defaults.Beta2), (loaded.Optimizer.Beta1, loaded.Optimizer.Beta2));
        Assert.Equal(settings.UsesEps ? 1e-7 : defaults.Eps, loaded.Optimizer.Eps);
        Assert.Equal(settings.UsesBetas, json.Contains("\"beta1\"", StringComparison.Ordinal));
        Assert.Equal(settings.UsesMomentum, json.Contains("\"momentum\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Files_without_the_fields_load_as_sgd_and_the_tutorials_init()
    {
        // Given a file as written before the fields existed
        var options = new TrainingOptions { Optimizer = OptimizerSettings.For(OptimizerKind.Adam), Init = WeightInit.He };
        string json = ModelFile.Serialize(new Model(Network<double>.Create(25, [8], 2), ["Edge", "No Edge"], new TrainingRecord(options, "tutorial")));
        string old = RemoveField(RemoveField(json, "\"init\""), "\"optimizer\"");
        Assert.DoesNotContain("adam", old, StringComparison.Ordinal);

        // When
        TrainingOptions loaded = ModelFile.Deserialize(old, "old.json").Training!.Options;

        // Then
        Assert.Equal(OptimizerSettings.Tutorial, loaded.Optimizer);
        Assert.Equal(WeightInit.Tutorial, loaded.Init);
    }

    [Theory]
    [InlineData("\"name\": \"adam\"", "\"name\": \"lion\"", "optimizer 'lion'")]
    [InlineData("\"beta1\": 0.9", "\"beta1\": 1.5", "optimizer settings are out of range")]
    [InlineData("\"weightDecay\": 0", "\"weightDecay\": -1", "optimizer settings are out of range")]
    [InlineData("\"init\": \"tutorial\"", "\"init\": \"orthogonal\"", "initialisation 'orthogonal'")]
    public void Bad_optimizer_fields_are_refused_in_one_line(string field, string replacement, string expected)
    {
        var options = new TrainingOptions { Optimizer = OptimizerSettings.For(OptimizerKind.Adam) };
        string json = ModelFile.Serialize(new Model(Network<double>.Create(25, [8], 2), ["Edge", "No Edge"], new TrainingRecord(options, "tutorial")));
        Assert.Contains(field, json, StringComparison.Ordinal);

        ModelFormatException e = Assert.Throws<ModelFormatException>(() => ModelFile.Deserialize(json.Replace(field, replacement, StringComparison.Ordinal), "m.json"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    // Drops a property (a string value or an object) from the JSON text.
    private static string RemoveField(string json, string name)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        document["training"]!.AsObject().Remove(name.Trim('"'));
        return document.ToJsonString();
    }
}
