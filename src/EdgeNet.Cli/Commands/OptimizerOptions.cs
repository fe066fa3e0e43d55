using System.CommandLine;
using System.Globalization;
using EdgeNet.Optimizers;

namespace EdgeNet.Cli.Commands;

/// <summary>
/// <c>--optimizer</c> and the settings of the rules (<c>--momentum</c>, <c>--rms-decay</c>, <c>--beta1</c>,
/// <c>--beta2</c>, <c>--eps</c>, <c>--weight-decay</c>), shared by <c>train</c> and <c>step</c>. A setting the chosen
/// rule does not read is refused rather than ignored.
/// </summary>
internal sealed class OptimizerOptions
{
    public Option<string> Optimizer { get; } = new("--optimizer")
    {
        HelpName = string.Join("|", OptimizerNames.Names),
        Description = "Update rule, as torch.optim writes it: sgd (the tutorial's W ← W − α·g), momentum, nesterov, adagrad, rmsprop, adam, adamw.",
        DefaultValueFactory = _ => "sgd",
    };

    public Option<double?> Momentum { get; } = new("--momentum") { HelpName = "MU", Description = "momentum, nesterov: μ in v ← μ·v + g, in [0, 1) (default 0.9)." };

    public Option<double?> RmsDecay { get; } = new("--rms-decay") { HelpName = "RHO", Description = "rmsprop: ρ in s ← ρ·s + (1 − ρ)·g², in [0, 1) (default 0.99)." };

    public Option<double?> Beta1 { get; } = new("--beta1") { HelpName = "B1", Description = "adam, adamw: β1 of the first moment, in [0, 1) (default 0.9)." };

    public Option<double?> Beta2 { get; } = new("--beta2") { HelpName = "B2", Description = "adam, adamw: β2 of the second moment, in [0, 1) (default 0.999)." };

    public Option<double?> Eps { get; } = new("--eps") { HelpName = "EPS", Description = "adagrad, rmsprop, adam, adamw: ε in the denominator, above 0 (default 1e-10 for adagrad, else 1e-8)." };

    public Option<double?> WeightDecay { get; } = new("--weight-decay") { HelpName = "LAMBDA", Description = "λ on the weights W, not the biases: g + λ·W, or for adamw the decoupled W·(1 − α·λ) (default 0; adamw 0.01)." };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Optimizer, Momentum, RmsDecay, Beta1, Beta2, Eps, WeightDecay })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The settings asked for, checked: unknown names, values out of range and unused settings are usage errors.</summary>
    public OptimizerSettings Resolve(ParseResult parse)
    {
        string name = parse.GetValue(Optimizer)!;
        OptimizerKind kind = OptimizerNames.Parse(name)
            ?? throw new UsageException($"--optimizer must be one of {string.Join(", ", OptimizerNames.Names)} (got '{name}').");
        OptimizerSettings settings = OptimizerSettings.For(kind);
        settings = Apply(parse, Momentum, settings, settings.UsesMomentum, (s, v) => s with { Momentum = v }, "momentum, nesterov", name);
        settings = Apply(parse, RmsDecay, settings, settings.UsesRmsDecay, (s, v) => s with { RmsDecay = v }, "rmsprop", name);
        settings = Apply(parse, Beta1, settings, settings.UsesBetas, (s, v) => s with { Beta1 = v }, "adam, adamw", name);
        settings = Apply(parse, Beta2, settings, settings.UsesBetas, (s, v) => s with { Beta2 = v }, "adam, adamw", name);
        settings = Apply(parse, Eps, settings, settings.UsesEps, (s, v) => s with { Eps = v }, "adagrad, rmsprop, adam, adamw", name);
        settings = Apply(parse, WeightDecay, settings, true, (s, v) => s with { WeightDecay = v }, "all", name);
        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        return settings;
    }

    private static OptimizerSettings Apply(
        ParseResult parse, Option<double?> option, OptimizerSettings settings, bool used, Func<OptimizerSettings, double, OptimizerSettings> set, string users, string name)
    {
        if (parse.GetValue(option) is not double value)
        {
            return settings;
        }
        if (!used)
        {
            throw new UsageException($"{option.Name} is not a setting of --optimizer {name} (it is for {users}).");
        }
        if (!double.IsFinite(value))
        {
            throw new UsageException($"{option.Name} must be a finite number (got {value.ToString(CultureInfo.InvariantCulture)}).");
        }
        return set(settings, value);
    }
}
