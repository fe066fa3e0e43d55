using System.Numerics;

namespace EdgeNet.Cli.Output;

/// <summary>Describes a network's shape in the tutorial's words.</summary>
internal static class NetworkText
{
    /// <summary>"25 -> 8 (ReLU) -> 2".</summary>
    public static string Shape<T>(Network<T> network)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        string.Join(" -> ", [network.Inputs.ToString(), .. network.HiddenSizes.Select(h => $"{h} (ReLU)"), network.Classes.ToString()]);

    /// <summary>"W1(25x8) + b1(8) + W2(8x2) + b2(2)".</summary>
    public static string ParameterSum<T>(Network<T> network)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        string.Join(" + ", network.Layers.SelectMany((layer, l) => new[] { $"W{l + 1}({layer.Inputs}x{layer.Outputs})", $"b{l + 1}({layer.Outputs})" }));
}
