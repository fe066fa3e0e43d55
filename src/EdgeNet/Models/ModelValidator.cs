using EdgeNet.Data;
using EdgeNet.IO;
using EdgeNet.Layers;
using EdgeNet.Optimizers;
using EdgeNet.Training;

namespace EdgeNet.Models;

/// <summary>Turns a parsed model document into a network, checking version, shapes and numbers.</summary>
internal static class ModelValidator
{
    public static Model ToModel(ModelDocument document, string source)
    {
        if (document.Format != ModelFile.FormatName)
        {
            Fail(source, $"it is not an EdgeNet model (format is {(document.Format is null ? "missing" : UserText.Quote(document.Format))}, expected '{ModelFile.FormatName}')");
        }
        if (document.Version != ModelFile.CurrentVersion)
        {
            Fail(source, $"it is format version {document.Version}; this edgenet reads version {ModelFile.CurrentVersion}");
        }
        ArchitectureDocument architecture = document.Architecture ?? throw Error(source, "the architecture is missing");
        List<int> hidden = architecture.Hidden ?? throw Error(source, "the hidden layer sizes are missing");
        List<LayerDocument> layers = document.Layers ?? throw Error(source, "the layers are missing");
        if (architecture.Inputs < 1 || architecture.Classes < 2 || hidden.Any(h => h < 1))
        {
            Fail(source, "the architecture has a size below 1 (or fewer than 2 classes)");
        }
        List<int> sizes = [architecture.Inputs, .. hidden, architecture.Classes];
        try
        {
            Limits.CheckNetwork(sizes);                                   // before anything is allocated
        }
        catch (ArgumentException e)
        {
            Fail(source, e.Message.TrimEnd('.'));
        }
        if (layers.Count != sizes.Count - 1)
        {
            Fail(source, $"the architecture needs {sizes.Count - 1} layers but the file has {layers.Count}");
        }
        if (architecture.PatchSize is int side && (side < 1 || side * side != architecture.Inputs))
        {
            Fail(source, $"its patch size {side}×{side} does not match its {architecture.Inputs} inputs");
        }
        List<string> classNames = architecture.ClassNames ?? [.. Enumerable.Range(0, architecture.Classes).Select(k => $"Class {k}")];
        if (classNames.Count != architecture.Classes)
        {
            Fail(source, $"it names {classNames.Count} classes but has {architecture.Classes}");
        }
        CheckClassNames(classNames, source);
        for (int l = 0; l < layers.Count; l++)
        {
            if (layers[l] is null)
            {
                Fail(source, $"layer {l + 1} is null");
            }
        }

        var dense = new Dense<double>[layers.Count];
        for (int l = 0; l < layers.Count; l++)
        {
            dense[l] = ToLayer(layers[l], sizes[l], sizes[l + 1], l + 1, source);
        }
        HiddenActivation activation = architecture.Activation is null
            ? HiddenActivation.Relu
            : HiddenActivations.Parse(architecture.Activation) ?? throw Error(source, $"its activation '{architecture.Activation}' is not one of {string.Join(", ", HiddenActivations.Names)}");
        if (architecture.Output is not null and not "softmax")
        {
            Fail(source, $"its output '{architecture.Output}' is not softmax");
        }
        TrainingRecord? record = ToRecord(document.Training, hidden, architecture, classNames, source);
        return new Model(new Network<double>(dense, activation), classNames, record is null ? null : record with { Options = record.Options with { Activation = activation } });
    }

    private static Dense<double> ToLayer(LayerDocument document, int inputs, int outputs, int number, string source)
    {
        List<List<double>> weights = document.Weights ?? throw Error(source, $"layer {number} has no weights");
        List<double> bias = document.Bias ?? throw Error(source, $"layer {number} has no bias");
        if (weights.Count != inputs || weights.Any(row => row is null || row.Count != outputs))
        {
            Fail(source, $"layer {number} weights should be {inputs}×{outputs}");
        }
        if (bias.Count != outputs)
        {
            Fail(source, $"layer {number} bias should have {outputs} values, has {bias.Count}");
        }
        var layer = new Dense<double>(inputs, outputs);
        for (int i = 0; i < inputs; i++)
        {
            for (int o = 0; o < outputs; o++)
            {
                layer.Weights[i * outputs + o] = Finite(weights[i][o], source, $"layer {number} weight [{i}, {o}]");
            }
        }
        for (int o = 0; o < outputs; o++)
        {
            layer.Bias[o] = Finite(bias[o], source, $"layer {number} bias [{o}]");
        }
        return layer;
    }

    /// <summary>Checks class names as loading a model file does (one line naming <paramref name="source"/> and the name).</summary>
    /// <exception cref="ModelFormatException">A name is empty, too long, holds a control character or a double quote, or repeats.</exception>
    internal static void CheckClassNames(IReadOnlyList<string> names, string source)
    {
        ArgumentNullException.ThrowIfNull(names);
        for (int k = 0; k < names.Count; k++)
        {
            CheckClassName(names, k, source);
        }
    }

    // A class name is printed in tables and written into CSV headers: it must be short, printable and unique.
    private static void CheckClassName(IReadOnlyList<string> names, int k, string source)
    {
        string? name = names[k];
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Error(source, $"class name {k + 1} is {(name is null ? "null" : "empty")}");
        }
        if (name.Length > Limits.MaxClassNameLength)
        {
            Fail(source, $"class name {k + 1} is {name.Length} characters long; the most is {Limits.MaxClassNameLength}");
        }
        if (UserText.HasControl(name) || name.Contains('"', StringComparison.Ordinal))
        {
            Fail(source, $"class name {k + 1} {UserText.Quote(name)} holds a control character or a double quote");
        }
        if (IndexOf(names, name) != k)
        {
            Fail(source, $"class name {UserText.Quote(name)} appears twice");
        }
    }

    // The recorded options are used to regenerate data (eval): they are checked like options typed by a user.
    private static void CheckRecord(TrainingDocument training, int inputs, string source)
    {
        if (training.TrainSamples < 0 || training.TestSamples < 0)
        {
            Fail(source, "it records a negative number of samples");
        }
        foreach ((int samples, string what) in new[] { (training.TrainSamples, "training"), (training.TestSamples, "test") })
        {
            if (samples > Limits.MaxSamples || (long)samples * inputs > Limits.MaxDatasetValues)
            {
                Fail(source, $"it records {Limits.Count(samples)} {what} samples; the most is {Limits.Count(Math.Min(Limits.MaxSamples, Limits.MaxDatasetValues / inputs))}");
            }
        }
        if (training.Epochs < 0 || training.BatchSize < 0 || !double.IsFinite(training.LearningRate) || !double.IsFinite(training.InitScale))
        {
            Fail(source, "its training record has a negative count or a number that is not finite");
        }
    }

    private static TrainingRecord? ToRecord(TrainingDocument? training, List<int> hidden, ArchitectureDocument architecture, List<string> classNames, string source)
    {
        if (training is null)
        {
            return null;
        }
        CheckRecord(training, architecture.Inputs, source);
        return new TrainingRecord(
                new TrainingOptions
                {
                    Seed = training.Seed,
                    TrainSamples = training.TrainSamples,
                    TestSamples = training.TestSamples,
                    Hidden = hidden,
                    Epochs = training.Epochs,
                    LearningRate = training.LearningRate,
                    BatchSize = training.BatchSize,
                    Shuffle = training.Shuffle,
                    InitScale = training.InitScale,
                    Init = training.Init is null ? WeightInit.Tutorial : WeightInits.Parse(training.Init) ?? throw Error(source, $"its initialisation '{training.Init}' is not tutorial, he or xavier"),
                    Optimizer = ToOptimizer(training.Optimizer, source),
                },
                training.Data is null ? "unknown" : UserText.Escape(training.Data),
                ToVaried(training, architecture, classNames, source));
    }

    // The optimizer, when the file records it (an optional field of version 1): missing means the tutorial's SGD.
    private static OptimizerSettings ToOptimizer(OptimizerDocument? document, string source)
    {
        if (document is null)
        {
            return OptimizerSettings.Tutorial;
        }
        OptimizerKind kind = OptimizerNames.Parse(document.Name)
            ?? throw Error(source, $"its optimizer '{document.Name ?? "missing"}' is not one of {string.Join(", ", OptimizerNames.Names)}");
        OptimizerSettings defaults = OptimizerSettings.For(kind);
        var settings = defaults with
        {
            Momentum = document.Momentum ?? defaults.Momentum,
            RmsDecay = document.RmsDecay ?? defaults.RmsDecay,
            Beta1 = document.Beta1 ?? defaults.Beta1,
            Beta2 = document.Beta2 ?? defaults.Beta2,
            Eps = document.Eps ?? defaults.Eps,
            WeightDecay = document.WeightDecay,
        };
        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            throw Error(source, $"its optimizer settings are out of range ({e.Message.TrimEnd('.')})");
        }
        return settings;
    }

    // The varied generator's options, when the file records them (optional fields of version 1).
    private static VariedOptions? ToVaried(TrainingDocument training, ArchitectureDocument architecture, List<string> classNames, string source)
    {
        if (training.Data != "varied")
        {
            return null;
        }
        EdgeTask task = training.Task is null
            ? EdgeTasks.FromClassNames(classNames) ?? throw Error(source, "its varied data has no task and unknown class names")
            : EdgeTasks.Parse(training.Task) ?? throw Error(source, $"its task '{training.Task}' is not 'edge' or 'orientation'");
        if (!EdgeTasks.ClassNames(task).SequenceEqual(classNames))
        {
            Fail(source, $"its task '{EdgeTasks.Name(task)}' does not match its class names");
        }
        var defaults = new VariedOptions();
        var varied = new VariedOptions
        {
            Task = task,
            PatchSize = architecture.PatchSize ?? Model.SquareSide(architecture.Inputs) ?? 0,
            Noise = training.Noise ?? defaults.Noise,
            MinContrast = training.MinContrast ?? defaults.MinContrast,
            MaxSoftness = training.MaxSoftness ?? defaults.MaxSoftness,
        };
        try
        {
            varied.Validate();
        }
        catch (ArgumentException e)
        {
            throw Error(source, $"its varied data options are out of range ({e.Message.TrimEnd('.')})");
        }
        return varied;
    }

    private static double Finite(double value, string source, string what) =>
        double.IsFinite(value) ? value : throw Error(source, $"{what} is not a finite number");

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string source, string reason) => throw Error(source, reason);

    private static ModelFormatException Error(string source, string reason) => new($"{source} is not a valid model: {reason}.");

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
