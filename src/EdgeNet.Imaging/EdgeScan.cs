using EdgeNet.Data;
using EdgeNet.Inference;

namespace EdgeNet.Imaging;

/// <summary>What scanning one image gave: the network's map, the Sobel response, and how well they agree.</summary>
/// <param name="Image">The grayscale image scanned.</param>
/// <param name="Map">Class probabilities of the window centred on each pixel.</param>
/// <param name="Sobel">√(gx² + gy²) at each pixel, row by row.</param>
/// <param name="Correlation">Pearson's r between 1 − p(no edge) and the Sobel magnitude over all pixels; NaN when a map is flat.</param>
/// <param name="DarkToBrightCorrelation">
/// For a model of the tutorial's two classes: r between p(Edge) and Sobel's max(gx, 0), which asks the same
/// question (a vertical dark→bright edge); null for other models.
/// </param>
public sealed record EdgeScanResult(GrayImage Image, ProbabilityMap Map, double[] Sobel, double Correlation, double? DarkToBrightCorrelation)
{
    /// <summary>Fraction of pixels whose edge probability is above <paramref name="threshold"/>.</summary>
    public double EdgeFraction(double threshold = 0.5)
    {
        double[] edges = Map.EdgeProbabilities();
        return edges.Length == 0 ? 0 : (double)edges.Count(p => p > threshold) / edges.Length;
    }
}

/// <summary>Scans an image with a network and Sobel side by side.</summary>
public static class EdgeScan
{
    /// <summary>Largest difference allowed between a probability of <see cref="Run"/> and the float64 scan's.</summary>
    public const double Tolerance = 1e-5;

    /// <summary>
    /// Runs <paramref name="network"/> over every window of <paramref name="image"/> and Sobel over every pixel; the
    /// numbers do not depend on <paramref name="threads"/>. The network runs in float32 with the scan kernels of
    /// <see cref="PhotoScanner"/> (the product path): probabilities within <see cref="Tolerance"/> of
    /// <see cref="ProbabilityMap.Scan"/> in float64.
    /// </summary>
    public static EdgeScanResult Run(Network<double> network, IReadOnlyList<string> classNames, GrayImage image, int patchSize, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(image);
        if (classNames.Count != network.Classes)
        {
            throw new ArgumentException($"The network has {network.Classes} classes but {classNames.Count} names were given.", nameof(classNames));
        }
        float[] pixels = [.. image.Pixels.Select(v => (float)v)];
        var planes = new float[(long)image.Width * image.Height * network.Classes];
        PatchScanner.ScanAll(network.ConvertTo<float>(), pixels, image.Width, image.Height, patchSize, planes, threads);
        var map = new ProbabilityMap(image.Width, image.Height, classNames, [.. planes.Select(p => (double)p)]);
        double[] sobel = Imaging.Sobel.Magnitude(image);
        double[] edges = map.EdgeProbabilities();
        double r = Imaging.Correlation.Pearson(edges, sobel);
        double? directional = EdgeTasks.FromClassNames(classNames) == EdgeTask.Edge
            ? Imaging.Correlation.Pearson(edges, Imaging.Sobel.DarkToBrightRight(image))
            : null;
        return new EdgeScanResult(image, map, sobel, r, directional);
    }
}
