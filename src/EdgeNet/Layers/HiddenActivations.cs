using System.Numerics;

namespace EdgeNet.Layers;

/// <summary>
/// The hidden activations by <see cref="HiddenActivation"/>: their names (<c>--activation leaky-relu</c>), and each
/// forward and backward pass chosen by value.
/// </summary>
public static class HiddenActivations
{
    private static readonly (HiddenActivation Kind, string Name)[] All =
    [
        (HiddenActivation.Relu, "relu"),
        (HiddenActivation.LeakyRelu, "leaky-relu"),
        (HiddenActivation.Tanh, "tanh"),
        (HiddenActivation.Sigmoid, "sigmoid"),
    ];

    /// <summary>Every name, in the order of the enum.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(a => a.Name)];

    /// <summary>"relu", "leaky-relu", "tanh" or "sigmoid".</summary>
    public static string Name(HiddenActivation activation) => All.First(a => a.Kind == activation).Name;

    /// <summary>The activation named <paramref name="name"/> (exact, lower case); null for any other text.</summary>
    public static HiddenActivation? Parse(string? name)
    {
        foreach ((HiddenActivation kind, string known) in All)
        {
            if (string.Equals(known, name, StringComparison.Ordinal))
            {
                return kind;
            }
        }
        return null;
    }

    /// <summary>h = f(z), element by element.</summary>
    public static void Forward<T>(HiddenActivation activation, ReadOnlySpan<T> z, Span<T> h)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (activation)
        {
            case HiddenActivation.Relu:
                Relu.Forward(z, h);
                break;
            case HiddenActivation.LeakyRelu:
                LeakyRelu.Forward(z, h);
                break;
            case HiddenActivation.Tanh:
                Tanh.Forward(z, h);
                break;
            case HiddenActivation.Sigmoid:
                Sigmoid.Forward(z, h);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }
    }

    /// <summary>
    /// dL/dz = dL/dh ⊙ f′(z), element by element, from the forward pass's z and h = f(z) (ReLU and leaky ReLU read
    /// z, tanh and sigmoid read h, as PyTorch does).
    /// </summary>
    public static void Backward<T>(HiddenActivation activation, ReadOnlySpan<T> z, ReadOnlySpan<T> h, ReadOnlySpan<T> dh, Span<T> dz)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (activation)
        {
            case HiddenActivation.Relu:
                Relu.Backward(z, dh, dz);
                break;
            case HiddenActivation.LeakyRelu:
                LeakyRelu.Backward(z, dh, dz);
                break;
            case HiddenActivation.Tanh:
                Tanh.Backward(h, dh, dz);
                break;
            case HiddenActivation.Sigmoid:
                Sigmoid.Backward(h, dh, dz);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }
    }
}
