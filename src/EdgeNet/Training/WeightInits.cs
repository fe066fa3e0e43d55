using System.Numerics;
using EdgeNet.Layers;

namespace EdgeNet.Training;

/// <summary>The names of the <see cref="WeightInit"/> schemes, their scale per layer, and the draws themselves.</summary>
public static class WeightInits
{
    private static readonly (WeightInit Kind, string Name)[] All =
    [
        (WeightInit.Tutorial, "tutorial"),
        (WeightInit.He, "he"),
        (WeightInit.Xavier, "xavier"),
    ];

    /// <summary>Every name, in the order of the enum.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(a => a.Name)];

    /// <summary>"tutorial", "he" or "xavier".</summary>
    public static string Name(WeightInit init) => All.First(a => a.Kind == init).Name;

    /// <summary>The scheme named <paramref name="name"/> (exact, lower case); null for any other text.</summary>
    public static WeightInit? Parse(string? name)
    {
        foreach ((WeightInit kind, string known) in All)
        {
            if (string.Equals(known, name, StringComparison.Ordinal))
            {
                return kind;
            }
        }
        return null;
    }

    /// <summary>
    /// The factor on <c>randn</c> for a layer of <paramref name="fanIn"/> inputs and <paramref name="fanOut"/> outputs:
    /// <paramref name="tutorialScale"/> (0.3), √(2 / fan_in) or √(2 / (fan_in + fan_out)).
    /// </summary>
    public static double Scale(WeightInit init, int fanIn, int fanOut, double tutorialScale = 0.3) => init switch
    {
        WeightInit.He => Math.Sqrt(2.0 / fanIn),                       // He: √(2 / fan_in)
        WeightInit.Xavier => Math.Sqrt(2.0 / (fanIn + fanOut)),         // Glorot normal: √(2 / (fan_in + fan_out))
        _ => tutorialScale,                                            // the tutorial: 0.3
    };

    /// <summary>
    /// Draws every layer's weights in order, <c>W = randn(inputs, outputs) · scale</c>, and zeroes the biases: the
    /// tutorial's draws, each layer scaled by <see cref="Scale"/>.
    /// </summary>
    public static void Initialize<T>(Network<T> network, NumpyRandom random, WeightInit init, double tutorialScale = 0.3)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(random);
        foreach (Dense<T> layer in network.Layers)
        {
            double scale = Scale(init, layer.Inputs, layer.Outputs, tutorialScale);
            for (int i = 0; i < layer.Weights.Length; i++)
            {
                layer.Weights[i] = T.CreateChecked(random.Randn() * scale);  // W = randn(in, out) · scale
            }
            Array.Clear(layer.Bias);                                       // b = 0
        }
    }
}
