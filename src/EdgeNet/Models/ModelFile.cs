using System.Globalization;
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

    /// <summary>
    /// Saves <paramref name="model"/> to <paramref name="path"/>, whole or not at all: the bytes go to a temporary file
    /// beside it, are flushed to disk and renamed over it; on any failure the old file is untouched.
    /// </summary>
    /// <exception cref="ModelFormatException">A weight or bias is NaN or infinite: nothing is written.</exception>
    /// <exception cref="OutputRefusedException">The path names something other than a regular file (a folder, a device, a pipe): nothing is written.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder it would go in does not exist.</exception>
    public static void Save(Model model, string path) => AtomicFile.WriteAllText(path, Serialize(model));

    /// <summary>Loads and validates a model file (a regular file of at most <see cref="Limits.MaxModelFileBytes"/>).</summary>
    /// <exception cref="ModelFormatException">The file is not a valid model; the message says why.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">It is not a regular file (a folder, a device) or is too large.</exception>
    public static Model Load(string path)
    {
        using FileStream stream = InputFile.Open(path, Limits.MaxModelFileBytes, "Model file");
        return Deserialize(stream, UserText.Escape(Path.GetFileName(path)));
    }

    /// <summary>Reads and validates UTF-8 JSON from <paramref name="stream"/>; <paramref name="source"/> names it in messages.</summary>
    public static Model Deserialize(Stream stream, string source)
    {
        ModelDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(stream, ModelJsonContext.Default.ModelDocument);
        }
        catch (JsonException e)
        {
            throw Invalid(source, e);
        }
        return document is null ? throw new ModelFormatException($"{source} is empty, not a model file.") : ModelValidator.ToModel(document, source);
    }

    /// <summary>
    /// The most bytes the model file of a network of these sizes (inputs, hidden widths, classes) can take as
    /// <see cref="Save"/> writes it: every number at its longest (24 characters, <c>-2.2250738585072014E-308</c>) on
    /// its own indented line, every row's brackets, and the architecture, record and class names at their longest.
    /// </summary>
    internal static long MaxFileBytes(IReadOnlyList<int> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        const long Number = 10 + 24 + 2;                                  // indent, the number, ",\n"
        const long Row = 10 + 11;                                         // "        [\n" and "        ],\n"
        long bytes = (64L << 10) + ((long)sizes[^1] * ((6L * Limits.MaxClassNameLength) + 16));   // a name's character is at most \uXXXX
        for (int l = 0; l + 1 < sizes.Count; l++)
        {
            bytes += (sizes[l] * (Row + (sizes[l + 1] * Number))) + (sizes[l + 1] * Number) + 256;
        }
        return bytes;
    }

    /// <summary>Checks that a network of these sizes can be saved as a model file that <see cref="Load"/> reads.</summary>
    /// <exception cref="ArgumentException">Its file could be larger than <see cref="Limits.MaxModelFileBytes"/>.</exception>
    public static void CheckSavable(IReadOnlyList<int> sizes)
    {
        long bytes = MaxFileBytes(sizes);
        if (bytes > Limits.MaxModelFileBytes)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A network of {Limits.Parameters(sizes):N0} parameters may take up to {Limits.Bytes(bytes)} as a model file, more than the {Limits.Bytes(Limits.MaxModelFileBytes)} a model file may have."), nameof(sizes));
        }
    }

    /// <summary>The JSON text of <paramref name="model"/>.</summary>
    /// <exception cref="ModelFormatException">
    /// A weight or bias is not finite, a class name is one loading refuses, or the file could be larger than loading
    /// accepts: nothing is written.
    /// </exception>
    public static string Serialize(Model model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Network<double> network = model.Network;
        try
        {
            CheckSavable([network.Inputs, .. network.HiddenSizes, network.Classes]);
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException($"{e.Message} Nothing was written.");
        }
        ModelValidator.CheckClassNames(model.ClassNames, "The model to save");
        CheckFinite(network);
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
                Activation = HiddenActivations.Name(network.HiddenActivation),
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
            throw Invalid(source, e);
        }
        if (document is null)
        {
            throw new ModelFormatException($"{source} is empty, not a model file.");
        }
        return ModelValidator.ToModel(document, source);
    }

    /// <summary>Throws when a weight or bias is NaN or infinite: such a model is never saved.</summary>
    /// <exception cref="ModelFormatException">The first non-finite number, named.</exception>
    public static void CheckFinite(Network<double> network)
    {
        ArgumentNullException.ThrowIfNull(network);
        for (int l = 0; l < network.Layers.Count; l++)
        {
            Dense<double> layer = network.Layers[l];
            int bad = FirstNonFinite(layer.Weights);
            string? what = bad >= 0 ? $"weight [{bad / layer.Outputs}, {bad % layer.Outputs}]" : FirstNonFinite(layer.Bias) is int b and >= 0 ? $"bias [{b}]" : null;
            if (what is not null)
            {
                throw new ModelFormatException(
                    $"the model's layer {l + 1} {what} is not a finite number (the weights overflowed); nothing was saved. Try a smaller learning rate.");
            }
        }
    }

    private static int FirstNonFinite(double[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static ModelFormatException Invalid(string source, JsonException e)
    {
        string where = e.LineNumber is long line ? $" at line {line + 1}" : string.Empty;
        if (e.InnerException is not JsonException && e.Path is { Length: > 2 } path)
        {
            // The JSON is well formed but a value has the wrong type (a list where a number belongs, a number too
            // large for its field, ...). A syntax error comes from the reader, which the serializer wraps: its inner
            // exception is the reader's JsonException.
            return new ModelFormatException($"{source} is not a valid model: {UserText.Quote(path.TrimStart('$', '.'))} has the wrong type or is out of range{where}.", e);
        }
        return new ModelFormatException($"{source} is not a complete model file: invalid or truncated JSON{where}.", e);
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
