using System.Numerics;

namespace EdgeNet.Inference;

/// <summary>One worker's scratch for <see cref="PatchScanner"/>: padded image rows and each layer's outputs, transposed.</summary>
internal sealed class ScanBuffers<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public ScanBuffers(Network<T> network, int block, int width, int patchSize)
    {
        PaddedRows = new T[patchSize * (width + patchSize - 1)];
        PaddedRowOf = [.. Enumerable.Repeat(-1, patchSize)];
        RowStarts = new int[patchSize * patchSize];
        Layers = [.. network.Layers.Select(l => new T[l.Outputs * block])];
    }

    /// <summary>A ring of image rows with edge-replicate padding, [patchSize × (width + patchSize − 1)].</summary>
    public T[] PaddedRows { get; }

    /// <summary>Which image row each ring slot holds (−1: none yet).</summary>
    public int[] PaddedRowOf { get; }

    /// <summary>Where row k of the block's xᵀ starts in <see cref="PaddedRows"/>.</summary>
    public int[] RowStarts { get; }

    /// <summary>zᵀ (then hᵀ) of each layer, [outputs × block]; the last holds p after the softmax.</summary>
    public T[][] Layers { get; }
}
