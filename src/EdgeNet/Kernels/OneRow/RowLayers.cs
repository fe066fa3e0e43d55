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

    /// <summary>
    /// The one-row kernels' entry check (they index W, b and the rows without bounds checks): every layer's W, dL/dW
    /// hold inputs × outputs, its b, dL/db outputs, and each array of <paramref name="rows"/> (z, h, dL/dz, dL/dh: one
    /// a layer) holds that layer's outputs. Throws <see cref="ArgumentException"/> otherwise; a few comparisons a layer.
    /// </summary>
    public void Check(string kernel, params ReadOnlySpan<T[][]> rows)
    {
        int count = Count;
        bool fits = count > 0 && Widths.Length == count + 1 && Biases.Length == count && WeightGradients.Length == count && BiasGradients.Length == count;
        for (int l = 0; fits && l < count; l++)
        {
            int inputs = Widths[l], outputs = Widths[l + 1];
            fits = inputs > 0 && outputs > 0
                && KernelChecks.Holds(Weights[l].Length, inputs, outputs) && KernelChecks.Holds(WeightGradients[l].Length, inputs, outputs)
                && Biases[l].Length >= outputs && BiasGradients[l].Length >= outputs;
            foreach (T[][] layerRows in rows)
            {
                fits = fits && layerRows.Length >= count && layerRows[l].Length >= outputs;
            }
        }
        KernelChecks.Require(fits, kernel);
    }
}
