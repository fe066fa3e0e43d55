using System.Text.Json.Serialization;

namespace EdgeNet.Models;

/// <summary>The JSON shape of a model file (format version 1).</summary>
internal sealed class ModelDocument
{
    public string? Format { get; set; }

    public int Version { get; set; }

    public ArchitectureDocument? Architecture { get; set; }

    public string? Precision { get; set; }

    public TrainingDocument? Training { get; set; }

    public List<LayerDocument>? Layers { get; set; }
}

internal sealed class ArchitectureDocument
{
    public int Inputs { get; set; }

    public List<int>? Hidden { get; set; }

    public int Classes { get; set; }

    public List<string>? ClassNames { get; set; }

    /// <summary>Optional (added within version 1): side of the square input patch.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PatchSize { get; set; }

    public string? Activation { get; set; }

    public string? Output { get; set; }
}

internal sealed class TrainingDocument
{
    public uint Seed { get; set; }

    public string? Data { get; set; }

    public int TrainSamples { get; set; }

    public int TestSamples { get; set; }

    public int Epochs { get; set; }

    public double LearningRate { get; set; }

    public int BatchSize { get; set; }

    public bool Shuffle { get; set; }

    public double InitScale { get; set; }

    /// <summary>Optional (added within version 1): "edge" or "orientation", for varied data.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Task { get; set; }

    /// <summary>Optional: the varied generator's noise σ.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Noise { get; set; }

    /// <summary>Optional: the varied generator's minimum contrast.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MinContrast { get; set; }

    /// <summary>Optional: the varied generator's widest soft edge, in pixels.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MaxSoftness { get; set; }

    /// <summary>Optional (added within version 1): "tutorial", "he" or "xavier"; missing means "tutorial".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Init { get; set; }

    /// <summary>Optional (added within version 1): the update rule and the settings it reads; missing means plain SGD.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OptimizerDocument? Optimizer { get; set; }
}

/// <summary>The optimizer of a training run: its name and only the settings that rule reads.</summary>
internal sealed class OptimizerDocument
{
    public string? Name { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Momentum { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? RmsDecay { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Beta1 { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Beta2 { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Eps { get; set; }

    public double WeightDecay { get; set; }
}

internal sealed class LayerDocument
{
    public List<List<double>>? Weights { get; set; }

    public List<double>? Bias { get; set; }
}

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(ModelDocument))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
