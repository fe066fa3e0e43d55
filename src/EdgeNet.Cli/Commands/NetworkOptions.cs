using System.CommandLine;
using EdgeNet.Layers;
using EdgeNet.Training;

namespace EdgeNet.Cli.Commands;

/// <summary><c>--activation</c> and <c>--init</c>: the hidden layers' function and how the first weights are scaled.</summary>
internal sealed class NetworkOptions
{
    public Option<string> Activation { get; } = new("--activation")
    {
        HelpName = string.Join("|", HiddenActivations.Names),
        Description = "Hidden-layer activation (the output stays softmax): relu (the tutorial's), leaky-relu (slope 0.01), tanh, sigmoid.",
        DefaultValueFactory = _ => "relu",
    };

    public Option<string> Init { get; } = new("--init")
    {
        HelpName = string.Join("|", WeightInits.Names),
        Description = "Initial weights, the same NumPy draws scaled: tutorial (randn·0.3), he (·√(2/fan_in)), xavier (·√(2/(fan_in + fan_out))).",
        DefaultValueFactory = _ => "tutorial",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Activation);
        command.Options.Add(Init);
    }

    public HiddenActivation ResolveActivation(ParseResult parse)
    {
        string name = parse.GetValue(Activation)!;
        return HiddenActivations.Parse(name)
            ?? throw new UsageException($"--activation must be one of {string.Join(", ", HiddenActivations.Names)} (got '{name}').");
    }

    public WeightInit ResolveInit(ParseResult parse)
    {
        string name = parse.GetValue(Init)!;
        return WeightInits.Parse(name)
            ?? throw new UsageException($"--init must be one of {string.Join(", ", WeightInits.Names)} (got '{name}').");
    }
}
