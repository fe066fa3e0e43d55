using System.Numerics;

namespace EdgeNet.Kernels;

/// <summary>
/// The layers as the one-row kernels see them: their sizes and the arrays of W, b, dL/dW and dL/db, layer by layer
/// (no model types). <c>Widths[0]</c> is the input size, <c>Widths[l + 1]</c> layer l's outputs.
/// </summary>
internal sealed class RowLayers<T>(int[] widths, T[][] weights, T[][] biases, T[][] weightGradients, T[][] biasGradients)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Input size, then each layer's outputs.</summary>
    public int[] Widths { get; } = widths;

    /// <summary>W of each layer, [inputs × outputs] row by row.</summary>
    public T[][] Weights { get; } = weights;

    /// <summary>b of each layer.</summary>
    public T[][] Biases { get; } = biases;

    /// <summary>dL/dW of each layer.</summary>
    public T[][] WeightGradients { get; } = weightGradients;

    /// <summary>dL/db of each layer.</summary>
    public T[][] BiasGradients { get; } = biasGradients;

    /// <summary>Number of layers.</summary>
    public int Count => Weights.Length;

    /// <summary>Inputs of layer <paramref name="layer"/>.</summary>
    public int Inputs(int layer) => Widths[layer];

    /// <summary>Outputs of layer <paramref name="layer"/>.</summary>
    public int Outputs(int layer) => Widths[layer + 1];
}
