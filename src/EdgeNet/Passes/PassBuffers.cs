using System.Numerics;
using EdgeNet.Layers;

namespace EdgeNet.Passes;

/// <summary>The buffers of one forward and backward pass, row by row: z, h, p and their gradients, per layer.</summary>
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

    /// <summary>Buffers for <paramref name="batch"/> rows: <paramref name="current"/> when it holds them, else new ones.</summary>
    public static PassBuffers<T> For(PassBuffers<T>? current, IReadOnlyList<Dense<T>> layers, int batch)
    {
        PassBuffers<T> buffers = current is not null && current.Capacity >= batch ? current : new PassBuffers<T>(layers, batch);
        buffers.Batch = batch;
        return buffers;
    }

    /// <summary>p = softmax(z) of the last layer, row by row (tutorial Part 3): the fast paths' output.</summary>
    public ReadOnlySpan<T> Softmax(int batch)
    {
        T[] z = Z[^1];
        int classes = P.Length / Capacity;
        for (int n = 0; n < batch; n++)
        {
            SoftmaxCrossEntropy.Softmax<T>(z.AsSpan(n * classes, classes), P.AsSpan(n * classes, classes), out _);
        }
        return P.AsSpan(0, batch * classes);
    }

    /// <summary>p = softmax(z) of the last layer and the summed loss −log p_y (Parts 3–4), as the fast paths compute them.</summary>
    public T SoftmaxLoss(ReadOnlySpan<int> labels, out int correct)
    {
        int classes = P.Length / Capacity, size = labels.Length * classes;
        return SoftmaxCrossEntropy.Forward<T>(Z[^1].AsSpan(0, size), P.AsSpan(0, size), labels, classes, out correct);
    }
}
