using EdgeNet.Data;

namespace EdgeNet.Inference;

/// <summary>
/// What a scan found: for every pixel of an image, the class probabilities of the window centred on it, as one
/// plane per class: <c>[class · height · width + y · width + x]</c>.
/// </summary>
public sealed class ProbabilityMap
{
    private readonly double[] _planes;

    /// <summary>Wraps probabilities laid out as planes, [classes × height × width].</summary>
    public ProbabilityMap(int width, int height, IReadOnlyList<string> classNames, double[] planes)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(planes);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (planes.Length != (long)width * height * classNames.Count)
        {
            throw new ArgumentException($"A {width}×{height} map of {classNames.Count} classes needs {(long)width * height * classNames.Count} values, got {planes.Length}.", nameof(planes));
        }
        Width = width;
        Height = height;
        ClassNames = classNames;
        NoEdgeClass = EdgeTasks.NoEdgeClass(classNames) ?? classNames.Count - 1;
        _planes = planes;
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

    /// <summary>All probabilities, [classes × height × width].</summary>
    public ReadOnlySpan<double> Values => _planes;

    /// <summary>
    /// Scans every pixel of <paramref name="pixels"/> (row by row, in [0, 1]) with <see cref="PatchScanner.ScanAll{T}"/>:
    /// the window centred on each pixel, borders replicated. The result does not depend on <paramref name="threads"/>.
    /// </summary>
    public static ProbabilityMap Scan(Network<double> network, IReadOnlyList<string> classNames, ReadOnlySpan<double> pixels, int width, int height, int patchSize, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Count != network.Classes)
        {
            throw new ArgumentException($"The network has {network.Classes} classes but {classNames.Count} names were given.", nameof(classNames));
        }
        var planes = new double[(long)width * height * network.Classes];
        PatchScanner.ScanAll(network, pixels, width, height, patchSize, planes, threads);
        return new ProbabilityMap(width, height, classNames, planes);
    }

    /// <summary>The probabilities of class <paramref name="k"/> for every pixel, row by row.</summary>
    public ReadOnlySpan<double> Plane(int k) => _planes.AsSpan(k * Width * Height, Width * Height);

    /// <summary>p(class <paramref name="k"/>) for the window centred on (x, y).</summary>
    public double Probability(int k, int x, int y) => _planes[(k * Height + y) * Width + x];

    /// <summary>1 − p(no edge) at (x, y): the probability that some edge is there (p(Edge) for the tutorial's two classes).</summary>
    public double EdgeProbability(int x, int y) => 1.0 - Probability(NoEdgeClass, x, y);

    /// <summary>The most probable class at (x, y).</summary>
    public int MostProbableClass(int x, int y)
    {
        int best = 0;
        for (int k = 1; k < Classes; k++)
        {
            if (Probability(k, x, y) > Probability(best, x, y))
            {
                best = k;
            }
        }
        return best;
    }

    /// <summary>1 − p(no edge) for every pixel, row by row.</summary>
    public double[] EdgeProbabilities()
    {
        ReadOnlySpan<double> none = Plane(NoEdgeClass);
        var result = new double[none.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = 1.0 - none[i];
        }
        return result;
    }
}
