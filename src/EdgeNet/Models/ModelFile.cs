using System.Text.Json;
using EdgeNet.Data;
using EdgeNet.IO;
using EdgeNet.Layers;
using EdgeNet.Optimizers;
using EdgeNet.Training;

namespace EdgeNet.Models;

/// <summary>
/// Model files: JSON with a format version, the architecture, every weight, and the options and seed that made
/// the model. Saving is atomic; loading checks everything and says in one line what is wrong.
/// </summary>
public static class ModelFile
{
    /// <summary>The name in every model file's <c>format</c> field.</summary>
    public const string FormatName = "edgenet-model";

    /// <summary>The format version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Saves <paramref name="model"/> to <paramref name="path"/> (temporary file, then rename).</summary>
    public static void Save(Model model, string path) => AtomicFile.WriteAllText(path, Serialize(model));

    /// <summary>Loads and validates a model file.</summary>
    /// <exception cref="ModelFormatException">The file is not a valid model; the message says why.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static Model Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        }
        return Deserialize(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>The JSON text of <paramref name="model"/>.</summary>
    public static string Serialize(Model model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Network<double> network = model.Network;
        TrainingOptions? options = model.Training?.Options;
        VariedOptions? varied = model.Training?.Varied;
        var document = new ModelDocument
        {
            Format = FormatName,
            Version = CurrentVersion,
            Architecture = new ArchitectureDocument
            {
                Inputs = network.Inputs,
                Hidden = [.. network.HiddenSizes],
                Classes = network.Classes,
                ClassNames = [.. model.ClassNames],
                Activation = "relu",
                Output = "softmax",
                PatchSize = model.PatchSize,
            },
            Precision = "f64",
            Training = options is null ? null : new TrainingDocument
            {
                Seed = options.Seed,
                Data = model.Training!.Data,
                TrainSamples = options.TrainSamples,
                TestSamples = options.TestSamples,
                Epochs = options.Epochs,
                LearningRate = options.LearningRate,
                BatchSize = options.BatchSize,
                Shuffle = options.Shuffle,
                InitScale = options.InitScale,
                Task = varied is null ? null : EdgeTasks.Name(varied.Task),
                Noise = varied?.Noise,
                MinContrast = varied?.MinContrast,
                MaxSoftness = varied?.MaxSoftness,
                Init = WeightInits.Name(options.Init),
                Optimizer = ToDocument(options.Optimizer),
            },
            Layers = [.. network.Layers.Select(ToDocument)],
        };
        return JsonSerializer.Serialize(document, ModelJsonContext.Default.ModelDocument) + "\n";
    }

    /// <summary>Reads and validates JSON text; <paramref name="source"/> names it in messages.</summary>
    public static Model Deserialize(string json, string source)
    {
        ModelDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, ModelJsonContext.Default.ModelDocument);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is long line ? $" at line {line + 1}" : string.Empty;
            throw new ModelFormatException($"{source} is not a complete model file: invalid or truncated JSON{where}.", e);
        }
        if (document is null)
        {
            throw new ModelFormatException($"{source} is empty, not a model file.");
        }
        return ModelValidator.ToModel(document, source);
    }

    private static OptimizerDocument ToDocument(OptimizerSettings settings) => new()
    {
        Name = OptimizerNames.Name(settings.Kind),
        Momentum = settings.UsesMomentum ? settings.Momentum : null,
        RmsDecay = settings.UsesRmsDecay ? settings.RmsDecay : null,
        Beta1 = settings.UsesBetas ? settings.Beta1 : null,
        Beta2 = settings.UsesBetas ? settings.Beta2 : null,
        Eps = settings.UsesEps ? settings.Eps : null,
        WeightDecay = settings.WeightDecay,
    };

    private static LayerDocument ToDocument(Dense<double> layer)
    {
        var rows = new List<List<double>>(layer.Inputs);
        for (int i = 0; i < layer.Inputs; i++)
        {
            rows.Add([.. layer.Weights.AsSpan(i * layer.Outputs, layer.Outputs)]);
        }
        return new LayerDocument { Weights = rows, Bias = [.. layer.Bias] };
    }
}
