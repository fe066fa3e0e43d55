using System.Globalization;
using System.Text.Json;
using EdgeNet.Data;
using EdgeNet.Layers;
using EdgeNet.Optimizers;
using EdgeNet.Training;

namespace EdgeNet.Playground;

/// <summary>
/// The settings of one run as the page sends them (the query string of its URL, as a JSON object of strings),
/// checked against <see cref="PlaygroundLimits"/> and turned into the engine's <see cref="TrainingOptions"/>.
/// A missing field takes <c>edgenet train</c>'s default for the chosen data. A new engine option is one line in
/// <see cref="Parse"/> and one line in <see cref="PageTables.Fields"/>, the form the page builds.
/// </summary>
/// <param name="DataKind">"tutorial", "varied" or "csv" (the uploaded file).</param>
/// <param name="Options">Everything <see cref="Trainer"/> needs.</param>
/// <param name="Data">The generator of the tutorial's or the varied patches (for "csv": the tutorial's, unused).</param>
internal sealed record RunSettings(string DataKind, TrainingOptions Options, GeneratedData Data)
{
    /// <summary>Train on the reference pass (the plain loops), as <c>edgenet train --reference</c>: its numbers to the bit, slower.</summary>
    public bool Reference { get; init; }

    /// <summary>The largest weight decay λ the page takes, as for the learning rate.</summary>
    private const double MaxWeightDecay = 100;

    /// <summary>Reads and checks every field; the first bad one throws <see cref="PlaygroundInputException"/> naming it.</summary>
    public static RunSettings Parse(JsonElement values, PlaygroundLimits limits)
    {
        if (values.ValueKind != JsonValueKind.Object)
        {
            throw new PlaygroundInputException("The settings must be a set of named values.");
        }
        var read = new SettingsReader(values);
        var tutorial = new TrainingOptions();
        string data = read.Choice("data", "data", PageTables.DataKinds, PageTables.DataKinds[0]);
        bool varied = data == "varied";
        GeneratedData generated = varied ? GeneratedData.VariedWith(Varied(read)) : GeneratedData.Tutorial;
        var options = new TrainingOptions
        {
            Seed = read.Seed("seed", tutorial.Seed),
            TrainSamples = read.Int("train", "training samples", varied ? VariedDefaults.TrainSamples : tutorial.TrainSamples, 1, limits.MaxTrainSamples),
            TestSamples = read.Int("test", "test samples", varied ? VariedDefaults.TestSamples : tutorial.TestSamples, 0, limits.MaxTestSamples),
            Hidden = read.Hidden("hidden", tutorial.Hidden, limits),
            LearningRate = read.Double("lr", "learning rate", tutorial.LearningRate, 0, 100, minExclusive: true),
            BatchSize = read.Int("batch", "batch size", tutorial.BatchSize, 1, limits.MaxTrainSamples),
            Shuffle = read.Bool("shuffle", tutorial.Shuffle),
            Epochs = read.Int("epochs", "epochs", varied ? VariedDefaults.Epochs : tutorial.Epochs, 1, limits.MaxEpochs),
            Optimizer = Optimizer(read),
            Activation = HiddenActivations.Parse(read.Choice("activation", "hidden activation", HiddenActivations.Names, HiddenActivations.Name(tutorial.Activation)))!.Value,
            Init = WeightInits.Parse(read.Choice("init", "initial weights", WeightInits.Names, WeightInits.Name(tutorial.Init)))!.Value,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new PlaygroundInputException(e.Message);
        }
        return new RunSettings(data, options, generated) { Reference = read.Bool("reference", false) };
    }

    /// <summary>
    /// The data of a run with these settings: pixels per sample, classes, training and test samples, generated or (for
    /// "csv") the uploaded sets'; null for "csv" before a training CSV is uploaded.
    /// </summary>
    public DataShape? Shape(Dataset? uploadedTrain, Dataset? uploadedTest) =>
        DataKind != "csv" ? new DataShape(Data.PatchSize * Data.PatchSize, Data.ClassNames.Count, Options.TrainSamples, Options.TestSamples)
        : uploadedTrain is null ? null
        : new DataShape(uploadedTrain.FeatureCount, uploadedTrain.ClassCount, uploadedTrain.Count, uploadedTest?.Count ?? 0);

    /// <summary>
    /// Refuses a network or a run too large for one session: more than <see cref="PlaygroundLimits.MaxParameters"/>
    /// parameters, or an epoch of more than <see cref="PlaygroundLimits.MaxWorkPerEpoch"/> sample-parameters.
    /// </summary>
    public void CheckSize(DataShape shape, PlaygroundLimits limits)
    {
        long parameters = 0;
        int previous = shape.Inputs;
        int trainSamples = shape.TrainSamples;
        foreach (int size in Options.Hidden.Append(shape.Classes))
        {
            parameters += (previous + 1L) * size;
            previous = size;
        }
        if (parameters > limits.MaxParameters)
        {
            throw new PlaygroundInputException(Invariant($"The network would have {parameters} parameters; the playground takes at most {limits.MaxParameters}. Use fewer or smaller hidden layers (or a smaller patch)."));
        }
        long work = parameters * trainSamples;
        if (work > limits.MaxWorkPerEpoch)
        {
            throw new PlaygroundInputException(Invariant($"One epoch would be {trainSamples} samples × {parameters} parameters = {work} multiply-adds, over the playground's cap of {limits.MaxWorkPerEpoch}. Use fewer training samples or a smaller network."));
        }
    }

    /// <summary>
    /// The update rule and the settings it reads, each with the rule's own default (<see cref="OptimizerSettings.For"/>);
    /// a setting the rule does not read is not read (the page hides its field, and a shared link may still carry it).
    /// </summary>
    private static OptimizerSettings Optimizer(SettingsReader read)
    {
        string name = read.Choice("optimizer", "optimizer", OptimizerNames.Names, OptimizerNames.Name(OptimizerKind.Sgd));
        OptimizerSettings s = OptimizerSettings.For(OptimizerNames.Parse(name)!.Value);
        if (s.UsesMomentum)
        {
            s = s with { Momentum = read.Double("momentum", "momentum μ", s.Momentum, 0, 1) };
        }
        if (s.UsesRmsDecay)
        {
            s = s with { RmsDecay = read.Double("rms-decay", "RMSprop decay ρ", s.RmsDecay, 0, 1) };
        }
        if (s.UsesBetas)
        {
            s = s with { Beta1 = read.Double("beta1", "β1", s.Beta1, 0, 1), Beta2 = read.Double("beta2", "β2", s.Beta2, 0, 1) };
        }
        if (s.UsesEps)
        {
            s = s with { Eps = read.Double("eps", "ε", s.Eps, 0, 1, minExclusive: true) };
        }
        return s with { WeightDecay = read.Double("weight-decay", "weight decay λ", s.WeightDecay, 0, MaxWeightDecay) };
    }

    private static VariedOptions Varied(SettingsReader read)
    {
        var defaults = new VariedOptions();
        string taskName = read.Choice("task", "task", PageTables.Tasks, PageTables.Tasks[0]);
        var options = new VariedOptions
        {
            Task = EdgeTasks.Parse(taskName) ?? defaults.Task,
            PatchSize = read.Int("patch", "patch size", defaults.PatchSize, 3, VariedOptions.MaxPatchSize),
            Noise = read.Double("noise", "noise σ", defaults.Noise, 0, 0.5),
            MinContrast = read.Double("contrast", "minimum contrast", defaults.MinContrast, 0, 0.9, minExclusive: true),
            MaxSoftness = read.Double("softness", "edge softness", defaults.MaxSoftness, 0, VariedOptions.MaxPatchSize),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new PlaygroundInputException(e.Message);
        }
        return options;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The sizes of a run's data.</summary>
/// <param name="Inputs">Pixels per sample.</param>
/// <param name="Classes">Classes.</param>
/// <param name="TrainSamples">Training samples.</param>
/// <param name="TestSamples">Test samples (0: none).</param>
internal readonly record struct DataShape(int Inputs, int Classes, int TrainSamples, int TestSamples);
