using System.Numerics;
using EdgeNet.Kernels;

namespace EdgeNet.Inference;

/// <summary>
/// One worker's scratch for <see cref="PatchScanner"/>: a ring of padded image rows and each layer's outputs for
/// one tile of pixels, transposed ([outputs × tile]). Allocated once per worker and scan.
/// </summary>
internal sealed class ScanBuffers<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public ScanBuffers(ScanPlan<T> plan)
    {
        int size = plan.PatchSize;
        RowLength = plan.Width + size - 1 + plan.Tile;             // + one tile of zeros: the last tile reads past the row
        PaddedRows = new T[size * RowLength];
        PaddedRowOf = [.. Enumerable.Repeat(-1, size)];
        RowStarts = new int[size];
        var layers = plan.Network.Layers;
        Layers = new T[layers.Count][];
        Layers[0] = new T[plan.FirstBias.Length * plan.Tile];     // groups of eight hidden units
        for (int l = 1; l < layers.Count; l++)
        {
            Layers[l] = new T[layers[l].Outputs * plan.Tile];
        }
        Differences = plan.InRegisters ? new T[(plan.Width + plan.Tile - 1) / plan.Tile * plan.Tile] : [];
    }

    /// <summary>z_other − z_c of every pixel of one row, whole tiles (<see cref="ScanPlan{T}.InRegisters"/>).</summary>
    public T[] Differences { get; }

    /// <summary>Length of one slot of the ring: the row, r copies of its end pixels each side, and zeros.</summary>
    public int RowLength { get; }

    /// <summary>A ring of image rows with edge-replicate padding, [patchSize × RowLength].</summary>
    public T[] PaddedRows { get; }

    /// <summary>Which image row each ring slot holds (−1: none yet).</summary>
    public int[] PaddedRowOf { get; }

    /// <summary>Where padded row dy of the current output row's windows starts in <see cref="PaddedRows"/>.</summary>
    public int[] RowStarts { get; }

    /// <summary>zᵀ (then hᵀ) of each layer for one tile, [outputs × tile]; the last holds p after the softmax.</summary>
    public T[][] Layers { get; }
}
