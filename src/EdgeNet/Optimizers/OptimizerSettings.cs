using System.Globalization;

namespace EdgeNet.Optimizers;

/// <summary>
/// An update rule and its settings, with torch.optim's defaults: momentum μ 0.9, RMSprop's decay ρ 0.99, Adam's
/// β1 0.9 and β2 0.999, ε 1e-10 for Adagrad and 1e-8 for RMSprop and Adam, weight decay λ 0 (0.01 for AdamW, as
/// torch.optim.AdamW). Weight decay acts on the weights W only, never on the biases. The learning rate is not
/// here: it is <see cref="Training.TrainingOptions.LearningRate"/>.
/// </summary>
public sealed record OptimizerSettings
{
    /// <summary>The tutorial's plain SGD.</summary>
    public static OptimizerSettings Tutorial { get; } = new();

    /// <summary>The rule.</summary>
    public OptimizerKind Kind { get; init; } = OptimizerKind.Sgd;

    /// <summary>μ of momentum and Nesterov, in [0, 1).</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>ρ of RMSprop (torch's <c>alpha</c>), in [0, 1).</summary>
    public double RmsDecay { get; init; } = 0.99;

    /// <summary>β1 of Adam and AdamW, in [0, 1).</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>β2 of Adam and AdamW, in [0, 1).</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>ε added to the root in the denominator (Adagrad, RMSprop, Adam, AdamW), above 0.</summary>
    public double Eps { get; init; } = 1e-8;

    /// <summary>λ, 0 or more: coupled (g + λ·W) for every rule but AdamW, decoupled (W·(1 − α·λ)) for AdamW.</summary>
    public double WeightDecay { get; init; }

    /// <summary>The defaults of <paramref name="kind"/>.</summary>
    public static OptimizerSettings For(OptimizerKind kind) => new()
    {
        Kind = kind,
        Eps = kind == OptimizerKind.Adagrad ? 1e-10 : 1e-8,
        WeightDecay = kind == OptimizerKind.AdamW ? 0.01 : 0,
    };

    /// <summary>Whether the rule reads <see cref="Momentum"/>.</summary>
    public bool UsesMomentum => Kind is OptimizerKind.Momentum or OptimizerKind.Nesterov;

    /// <summary>Whether the rule reads <see cref="RmsDecay"/>.</summary>
    public bool UsesRmsDecay => Kind is OptimizerKind.RmsProp;

    /// <summary>Whether the rule reads <see cref="Beta1"/> and <see cref="Beta2"/>.</summary>
    public bool UsesBetas => Kind is OptimizerKind.Adam or OptimizerKind.AdamW;

    /// <summary>Whether the rule reads <see cref="Eps"/>.</summary>
    public bool UsesEps => Kind is OptimizerKind.Adagrad or OptimizerKind.RmsProp or OptimizerKind.Adam or OptimizerKind.AdamW;

    /// <summary>Whether this is the tutorial's plain SGD without weight decay (the per-sample pipeline's rule).</summary>
    public bool IsPlainSgd => Kind == OptimizerKind.Sgd && WeightDecay == 0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentException($"Unknown optimizer {(int)Kind}.");
        }
        UnitInterval(Momentum, "The momentum μ");
        UnitInterval(RmsDecay, "The RMSprop decay ρ");
        UnitInterval(Beta1, "β1");
        UnitInterval(Beta2, "β2");
        if (!double.IsFinite(Eps) || Eps <= 0)
        {
            throw new ArgumentException($"ε must be a finite number above 0 (got {Text(Eps)}).");
        }
        if (!double.IsFinite(WeightDecay) || WeightDecay < 0)
        {
            throw new ArgumentException($"The weight decay λ must be a finite number, 0 or more (got {Text(WeightDecay)}).");
        }
    }

    /// <summary>
    /// The rule and the settings it reads, for people: "sgd", "momentum (μ 0.9)", "adam (β1 0.9, β2 0.999, ε 1e-08)",
    /// with ", weight decay λ" when λ is not 0.
    /// </summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (UsesMomentum)
        {
            parts.Add($"μ {Text(Momentum)}");
        }
        if (UsesRmsDecay)
        {
            parts.Add($"ρ {Text(RmsDecay)}");
        }
        if (UsesBetas)
        {
            parts.Add($"β1 {Text(Beta1)}");
            parts.Add($"β2 {Text(Beta2)}");
        }
        if (UsesEps)
        {
            parts.Add($"ε {Text(Eps)}");
        }
        if (WeightDecay != 0)
        {
            parts.Add($"weight decay {Text(WeightDecay)}{(Kind == OptimizerKind.AdamW ? " (decoupled)" : string.Empty)}");
        }
        string name = OptimizerNames.Name(Kind);
        return parts.Count == 0 ? name : $"{name} ({string.Join(", ", parts)})";
    }

    private static void UnitInterval(double value, string what)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentException($"{what} must be in [0, 1) (got {Text(value)}).");
        }
    }

    // "0.9", "1e-8": round-trip digits, small numbers as a power of ten.
    private static string Text(double value) =>
        value != 0 && Math.Abs(value) < 1e-3 && double.IsFinite(value)
            ? value.ToString("0.################e+0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
}
