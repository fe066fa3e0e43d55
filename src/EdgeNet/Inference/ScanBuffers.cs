using System.Numerics;
using EdgeNet.Kernels;

namespace EdgeNet.Inference;

/// <summary>
/// One worker's scratch for <see cref="PatchScanner"/>: the window rows (with their edge strips), each layer's
/// outputs for one tile of pixels, transposed ([outputs × tile]), and a row of logit differences. Allocated once per
/// worker and scan.
/// </summary>
internal sealed class ScanBuffers<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public ScanBuffers(ScanPlan<T> plan)
    {
        Rows = new WindowRows<T>(plan.Width, plan.Height, plan.PatchSize, plan.Tile);
        var layers = plan.Network.Layers;
        Layers = new T[layers.Count][];
        Layers[0] = new T[plan.FirstBias.Length * plan.Tile];     // groups of eight hidden units
        for (int l = 1; l < layers.Count; l++)
        {
            Layers[l] = new T[layers[l].Outputs * plan.Tile];
        }
        Differences = plan.InRegisters ? new T[(plan.Width + plan.Tile - 1) / plan.Tile * plan.Tile] : [];
    }

    /// <summary>Where the current output row's windows read their pixels.</summary>
    public WindowRows<T> Rows { get; }

    /// <summary>z_other − z_c of every pixel of one row, whole tiles (<see cref="ScanPlan{T}.InRegisters"/>).</summary>
    public T[] Differences { get; }

    /// <summary>zᵀ (then hᵀ) of each layer for one tile, [outputs × tile]; the last holds p after the softmax.</summary>
    public T[][] Layers { get; }
}
