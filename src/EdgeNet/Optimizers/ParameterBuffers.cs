using System.Numerics;

namespace EdgeNet.Optimizers;

/// <summary>One optimizer state buffer of one layer: a number per weight (W's shape, row by row) and per bias.</summary>
public sealed class ParameterBuffers<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    internal ParameterBuffers(int weights, int bias)
    {
        Weights = new T[weights];
        Bias = new T[bias];
    }

    /// <summary>The state of each weight, in the layout of <see cref="Layers.Dense{T}.Weights"/>.</summary>
    public T[] Weights { get; }

    /// <summary>The state of each bias.</summary>
    public T[] Bias { get; }

    internal Span<T> Of(bool bias) => bias ? Bias : Weights;

    internal ParameterBuffers<T> Copy()
    {
        var copy = new ParameterBuffers<T>(Weights.Length, Bias.Length);
        Weights.CopyTo(copy.Weights, 0);
        Bias.CopyTo(copy.Bias, 0);
        return copy;
    }
}
