using System.Globalization;
using System.Text.Json;
using EdgeNet.Layers;
using EdgeNet.Optimizers;
using EdgeNet.Training;

namespace EdgeNet.Playground;

/// <summary>
/// The page's option and name tables, sent in the <c>hello</c> message: every settings field (its query-string key,
/// label, panel, kind, choices and when it shows) and each hidden activation's names and formula. The page builds its
/// form from these and writes no engine name anywhere; a new engine option is one line here (and one in
/// <see cref="RunSettings.Parse"/>, which reads it).
/// </summary>
internal static class PageTables
{
    /// <summary>The data a run trains on: the tutorial's patches, varied ones, or an uploaded CSV file.</summary>
    public static IReadOnlyList<string> DataKinds { get; } = ["tutorial", "varied", "csv"];

    /// <summary>What the varied patches ask (the engine's <see cref="Data.EdgeTasks"/> names).</summary>
    public static IReadOnlyList<string> Tasks { get; } = ["edge", "orientation"];

    private static readonly string[] VariedOnly = ["varied"];
    private static readonly string[] Generated = ["tutorial", "varied"];

    /// <summary>The settings form, in the order the page shows it.</summary>
    public static IReadOnlyList<PageField> Fields { get; } =
    [
        PageField.Select("data", "Data", "data", [("tutorial", "The tutorial's patches"), ("varied", "Varied patches"), ("csv", "Your CSV")]),
        PageField.Text("seed", "Seed", "data", "numeric"),
        PageField.Text("train", "Training samples", "data", "numeric") with { WhenKey = "data", WhenValues = Generated },
        PageField.Text("test", "Test samples", "data", "numeric") with { WhenKey = "data", WhenValues = Generated },
        PageField.Select("task", "Task", "data", [("edge", "edge or not"), ("orientation", "orientation")]) with { WhenKey = "data", WhenValues = VariedOnly },
        PageField.Text("patch", "Patch size", "data", "numeric") with { WhenKey = "data", WhenValues = VariedOnly },
        PageField.Text("noise", "Noise σ", "data", "decimal") with { WhenKey = "data", WhenValues = VariedOnly },
        PageField.Text("contrast", "Minimum contrast", "data", "decimal") with { WhenKey = "data", WhenValues = VariedOnly },
        PageField.Text("softness", "Edge softness", "data", "decimal") with { WhenKey = "data", WhenValues = VariedOnly },
        PageField.Text("lr", "Learning rate", "train", "decimal"),
        PageField.Text("batch", "Batch size", "train", "numeric"),
        PageField.Text("epochs", "Epochs", "train", "numeric"),
        new PageField("shuffle", "Shuffle", "train", "check"),
        new PageField("reference", "Reference pass (the plain loops: edgenet train --reference, to the bit; slower)", "train", "check"),
        PageField.Select("activation", "Hidden activation", "train", [.. Enum.GetValues<HiddenActivation>().Select(a => (HiddenActivations.Name(a), ActivationLabel(a)))]),
        PageField.Select("init", "Initial weights", "train", [.. Enum.GetValues<WeightInit>().Select(i => (WeightInits.Name(i), InitLabel(i)))]),
        PageField.Select("optimizer", "Optimizer", "train", [.. OptimizerNames.Names.Select(n => (n, OptimizerLabel(OptimizerNames.Parse(n)!.Value)))]),
        OptimizerField("momentum", "Momentum μ", s => s.UsesMomentum),
        OptimizerField("rms-decay", "RMSprop decay ρ", s => s.UsesRmsDecay),
        OptimizerField("beta1", "β1", s => s.UsesBetas),
        OptimizerField("beta2", "β2", s => s.UsesBetas),
        OptimizerField("eps", "ε", s => s.UsesEps),
        PageField.Text("weight-decay", "Weight decay λ", "train", "decimal"),
    ];

    /// <summary>Writes <c>fields</c> and <c>activations</c> into the hello message.</summary>
    public static void Write(Utf8JsonWriter w)
    {
        w.WriteStartArray("fields");
        foreach (PageField f in Fields)
        {
            w.WriteStartObject();
            w.WriteString("key", f.Key);
            w.WriteString("label", f.Label);
            w.WriteString("panel", f.Panel);
            w.WriteString("kind", f.Kind);
            if (f.Mode is not null)
            {
                w.WriteString("mode", f.Mode);
            }
            if (f.Choices is not null)
            {
                w.WriteStartArray("options");
                foreach ((string value, string label) in f.Choices)
                {
                    w.WriteStartArray();
                    w.WriteStringValue(value);
                    w.WriteStringValue(label);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
            }
            if (f.WhenKey is not null)
            {
                w.WriteStartObject("when");
                w.WriteString("key", f.WhenKey);
                w.WriteStartArray("values");
                foreach (string value in f.WhenValues!)
                {
                    w.WriteStringValue(value);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("activations");                     // h = f(z): the name the formulas use and f written out
        foreach (HiddenActivation a in Enum.GetValues<HiddenActivation>())
        {
            w.WriteStartObject(HiddenActivations.Name(a));
            w.WriteString("name", ActivationSymbol(a));
            w.WriteString("formula", ActivationFormula(a));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>f(z) with "{z}" where the number goes: "max(0, {z})".</summary>
    internal static string ActivationFormula(HiddenActivation a) => a switch
    {
        HiddenActivation.Relu => "max(0, {z})",
        HiddenActivation.LeakyRelu => string.Create(CultureInfo.InvariantCulture, $"max({HiddenActivations.LeakyReluSlope}·{{z}}, {{z}})"),
        HiddenActivation.Tanh => "tanh({z})",
        HiddenActivation.Sigmoid => "1 / (1 + e^−({z}))",
        _ => throw new ArgumentOutOfRangeException(nameof(a), a, "Unknown activation."),
    };

    /// <summary>The name in formulas and in the shape line: "ReLU", "LeakyReLU", "tanh", "sigmoid".</summary>
    internal static string ActivationSymbol(HiddenActivation a) => a switch
    {
        HiddenActivation.Relu => "ReLU",
        HiddenActivation.LeakyRelu => "LeakyReLU",
        HiddenActivation.Tanh => "tanh",
        HiddenActivation.Sigmoid => "sigmoid",
        _ => throw new ArgumentOutOfRangeException(nameof(a), a, "Unknown activation."),
    };

    private static string ActivationLabel(HiddenActivation a) => a == HiddenActivation.LeakyRelu
        ? string.Create(CultureInfo.InvariantCulture, $"leaky ReLU (slope {HiddenActivations.LeakyReluSlope})")
        : ActivationSymbol(a);

    private static string InitLabel(WeightInit i) => i switch
    {
        WeightInit.He => "He: randn·√(2/fan-in)",
        WeightInit.Xavier => "Xavier: randn·√(2/(fan-in + fan-out))",
        _ => "tutorial's randn·0.3",
    };

    private static string OptimizerLabel(OptimizerKind kind) => kind switch
    {
        OptimizerKind.Sgd => "SGD",
        OptimizerKind.Nesterov => "Nesterov momentum",
        OptimizerKind.RmsProp => "RMSprop",
        OptimizerKind.Adam => "Adam",
        OptimizerKind.AdamW => "AdamW",
        OptimizerKind.Adagrad => "Adagrad",
        _ => OptimizerNames.Name(kind),
    };

    // A setting of some rules only: shown when the chosen rule reads it (OptimizerSettings.Uses…).
    private static PageField OptimizerField(string key, string label, Func<OptimizerSettings, bool> uses) =>
        PageField.Text(key, label, "train", "decimal") with
        {
            WhenKey = "optimizer",
            WhenValues = [.. OptimizerNames.Names.Where(n => uses(OptimizerSettings.For(OptimizerNames.Parse(n)!.Value)))],
        };
}

/// <summary>One field of the page's settings form.</summary>
/// <param name="Key">The query-string name, as <see cref="RunSettings.Parse"/> reads it.</param>
/// <param name="Label">What the page shows (and a screen reader reads).</param>
/// <param name="Panel">"data" or "train".</param>
/// <param name="Kind">"select", "text" or "check".</param>
internal sealed record PageField(string Key, string Label, string Panel, string Kind)
{
    /// <summary>The keyboard a phone shows: "numeric" or "decimal".</summary>
    public string? Mode { get; init; }

    /// <summary>A select's values and labels.</summary>
    public IReadOnlyList<(string Value, string Label)>? Choices { get; init; }

    /// <summary>Shown only when this other field's value is one of <see cref="WhenValues"/>.</summary>
    public string? WhenKey { get; init; }

    public IReadOnlyList<string>? WhenValues { get; init; }

    public static PageField Text(string key, string label, string panel, string mode) => new(key, label, panel, "text") { Mode = mode };

    public static PageField Select(string key, string label, string panel, IReadOnlyList<(string, string)> choices) => new(key, label, panel, "select") { Choices = choices };
}
