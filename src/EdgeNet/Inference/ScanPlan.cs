using System.Numerics;
using EdgeNet.Kernels;

namespace EdgeNet.Inference;

/// <summary>
/// What every worker of one scan shares: the image's shape, the patch size, which classes to write, and the first
/// layer's weights packed for <see cref="WindowKernel"/> (read only, built once per scan).
/// </summary>
internal sealed class ScanPlan<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public ScanPlan(Network<T> network, int width, int height, int patchSize, int classIndex, int tile)
    {
        Network = network;
        Width = width;
        Height = height;
        PatchSize = patchSize;
        ClassIndex = classIndex;
        Tile = tile;
        Layers.Dense<T> first = network.Layers[0];
        (FirstWeights, FirstBias) = WindowKernel.Pack<T>(first.Weights, first.Bias, first.Inputs, first.Outputs);
    }

    public Network<T> Network { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Odd side of the window; r = size / 2 pixels each side of the centre.</summary>
    public int PatchSize { get; }

    /// <summary>The one class written (<see cref="PatchScanner.Scan{T}"/>), or −1 for all (<see cref="PatchScanner.ScanAll{T}"/>).</summary>
    public int ClassIndex { get; }

    /// <summary>Pixels of one row handled together: <see cref="WindowKernel.Vectors"/> vectors.</summary>
    public int Tile { get; }

    /// <summary>W1 in groups of eight hidden units, [groups × size² × 8].</summary>
    public T[] FirstWeights { get; }

    /// <summary>b1 in groups of eight, [groups × 8].</summary>
    public T[] FirstBias { get; }
}
