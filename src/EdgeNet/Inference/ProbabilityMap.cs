using EdgeNet.Data;

namespace EdgeNet.Inference;

/// <summary>
/// What a scan found: for every pixel of an image, the class probabilities of the window centred on it,
/// stored row by row as [height × width × classes].
/// </summary>
public sealed class ProbabilityMap
{
    private readonly float[] _values;

    /// <summary>Wraps probabilities laid out [height × width × classes].</summary>
    public ProbabilityMap(int width, int height, IReadOnlyList<string> classNames, float[] values)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (values.Length != (long)width * height * classNames.Count)
        {
            throw new ArgumentException($"A {width}×{height} map of {classNames.Count} classes needs {(long)width * height * classNames.Count} values, got {values.Length}.", nameof(values));
        }
        Width = width;
        Height = height;
        ClassNames = classNames;
        NoEdgeClass = EdgeTasks.NoEdgeClass(classNames) ?? classNames.Count - 1;
        _values = values;
    }

    /// <summary>Pixels across.</summary>
    public int Width { get; }

    /// <summary>Pixels down.</summary>
    public int Height { get; }

    /// <summary>Class names, in the network's order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Number of classes.</summary>
    public int Classes => ClassNames.Count;

    /// <summary>The class meaning "no edge" ("No Edge", "None", else the last).</summary>
    public int NoEdgeClass { get; }

    /// <summary>All probabilities, [height × width × classes].</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>The probabilities of the window centred on (x, y).</summary>
    public ReadOnlySpan<float> At(int x, int y) => _values.AsSpan((y * Width + x) * Classes, Classes);

    /// <summary>1 − p(no edge) at (x, y): the probability that some edge is there (p(Edge) for the tutorial's two classes).</summary>
    public double EdgeProbability(int x, int y) => 1.0 - At(x, y)[NoEdgeClass];

    /// <summary>The most probable class at (x, y).</summary>
    public int MostProbableClass(int x, int y) => SoftmaxCrossEntropy.ArgMax(At(x, y));

    /// <summary>1 − p(no edge) for every pixel, row by row.</summary>
    public double[] EdgeProbabilities()
    {
        var result = new double[Width * Height];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = 1.0 - _values[i * Classes + NoEdgeClass];
        }
        return result;
    }
}
