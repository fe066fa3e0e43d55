using System.Numerics;
using EdgeNet.Layers;

namespace EdgeNet.Passes;

/// <summary>The buffers of one forward and backward pass: z, h, p and their gradients, per layer.</summary>
internal sealed class PassBuffers<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public PassBuffers(IReadOnlyList<Dense<T>> layers, int capacity)
    {
        Limits.CheckBatch(capacity, layers.Select(l => l.Outputs));    // capacity × widths fits in memory and in an int
        Capacity = capacity;
        Z = [.. layers.Select(l => new T[capacity * l.Outputs])];
        H = [.. layers.Select(l => new T[capacity * l.Outputs])];
        DZ = [.. layers.Select(l => new T[capacity * l.Outputs])];
        DH = [.. layers.Select(l => new T[capacity * l.Outputs])];
        P = new T[capacity * layers[^1].Outputs];
    }

    public int Capacity { get; }

    public int Batch { get; set; }

    public T[][] Z { get; }

    public T[][] H { get; }

    public T[][] DZ { get; }

    public T[][] DH { get; }

    public T[] P { get; }
}
