using System.Numerics;
using EdgeNet.Kernels;
using EdgeNet.Layers;

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
        InRegisters = network.Layers.Count == 2 && first.Outputs <= WindowKernel.Group && network.Classes == 2
            && network.HiddenActivation is HiddenActivation.Relu or HiddenActivation.LeakyRelu;
        LastWeights = new T[WindowKernel.Group * 2];
        if (InRegisters)
        {
            network.Layers[1].Weights.CopyTo(LastWeights, 0);                 // W2 [hidden × 2], zero rows up to 8
        }
    }

    /// <summary>
    /// The tutorial's shape (one hidden layer of at most eight units, two classes) with ReLU or leaky ReLU: the whole
    /// network runs in registers (<see cref="WindowKernel.TwoClassDifferences{T, TVector, TSimd, TActivation}"/>); other
    /// shapes, and tanh and sigmoid (24 inlined copies of their polynomials would spill the registers and exhaust the
    /// JIT's inlining budget), go layer by layer, f run over each tile's stored z in one loop.
    /// </summary>
    public bool InRegisters { get; }

    /// <summary>W2 as [8 × 2], zeros past the last hidden unit (used when <see cref="InRegisters"/>).</summary>
    public T[] LastWeights { get; }

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
