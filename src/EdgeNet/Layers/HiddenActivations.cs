using System.Numerics;
using EdgeNet.Kernels;

namespace EdgeNet.Layers;

/// <summary>
/// The hidden activations by <see cref="HiddenActivation"/>: their names (<c>--activation leaky-relu</c>), and each
/// forward and backward pass chosen by value. The math of each is in one type (<c>Kernels/Activations</c>).
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

    /// <summary>Leaky ReLU's slope below 0, 0.01 (PyTorch's default negative_slope).</summary>
    public const double LeakyReluSlope = Kernels.LeakyRelu.Slope;

    /// <summary>h = f(z) for one number (the reference pass's loop calls it).</summary>
    public static T Value<T>(HiddenActivation activation, T z)
        where T : unmanaged, IFloatingPointIeee754<T> => activation switch
        {
            HiddenActivation.Relu => Kernels.Relu.Invoke(z),
            HiddenActivation.LeakyRelu => Kernels.LeakyRelu.Invoke(z),
            HiddenActivation.Tanh => Kernels.Tanh.Invoke(z),
            HiddenActivation.Sigmoid => Kernels.Sigmoid.Invoke(z),
            _ => throw Unknown(activation),
        };

    /// <summary>dL/dz = dL/dh · f′ for one number, from z and h = f(z), as the span versions compute it.</summary>
    public static T Gradient<T>(HiddenActivation activation, T z, T h, T dh)
        where T : unmanaged, IFloatingPointIeee754<T> => activation switch
        {
            HiddenActivation.Relu => Kernels.Relu.Gradient(z, h, dh),
            HiddenActivation.LeakyRelu => Kernels.LeakyRelu.Gradient(z, h, dh),
            HiddenActivation.Tanh => Kernels.Tanh.Gradient(z, h, dh),
            HiddenActivation.Sigmoid => Kernels.Sigmoid.Gradient(z, h, dh),
            _ => throw Unknown(activation),
        };

    /// <summary>h = f(z), element by element.</summary>
    public static void Forward<T>(HiddenActivation activation, ReadOnlySpan<T> z, Span<T> h)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (activation)
        {
            case HiddenActivation.Relu:
                Activation.Forward<T, Kernels.Relu>(z, h);
                break;
            case HiddenActivation.LeakyRelu:
                Activation.Forward<T, Kernels.LeakyRelu>(z, h);
                break;
            case HiddenActivation.Tanh:
                Activation.Forward<T, Kernels.Tanh>(z, h);
                break;
            case HiddenActivation.Sigmoid:
                Activation.Forward<T, Kernels.Sigmoid>(z, h);
                break;
            default:
                throw Unknown(activation);
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
                Activation.Backward<T, Kernels.Relu>(z, h, dh, dz);
                break;
            case HiddenActivation.LeakyRelu:
                Activation.Backward<T, Kernels.LeakyRelu>(z, h, dh, dz);
                break;
            case HiddenActivation.Tanh:
                Activation.Backward<T, Kernels.Tanh>(z, h, dh, dz);
                break;
            case HiddenActivation.Sigmoid:
                Activation.Backward<T, Kernels.Sigmoid>(z, h, dh, dz);
                break;
            default:
                throw Unknown(activation);
        }
    }

    private static ArgumentOutOfRangeException Unknown(HiddenActivation activation) =>
        new(nameof(activation), activation, "Unknown activation.");
}
