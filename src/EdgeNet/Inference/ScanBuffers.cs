using System.Numerics;

namespace EdgeNet.Inference;

/// <summary>One worker's scratch for <see cref="PatchScanner"/>: a block of patches and each layer's outputs, transposed.</summary>
internal sealed class ScanBuffers<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public ScanBuffers(Network<T> network, int block)
    {
        Patches = new T[network.Inputs * block];
        Layers = [.. network.Layers.Select(l => new T[l.Outputs * block])];
        Max = new T[block];
        Sum = new T[block];
    }

    /// <summary>xᵀ [inputs × block].</summary>
    public T[] Patches { get; }

    /// <summary>zᵀ (then hᵀ) of each layer, [outputs × block]; the last holds p after the softmax.</summary>
    public T[][] Layers { get; }

    public T[] Max { get; }

    public T[] Sum { get; }
}
