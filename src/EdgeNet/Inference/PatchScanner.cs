using System.Numerics;

namespace EdgeNet.Inference;

/// <summary>
/// Runs a patch classifier over every pixel of a grayscale image (stride 1): the window centred on each pixel
/// goes through the network, so the map has the image's size.
/// </summary>
/// <remarks>
/// Border rule: a window that reaches past the image takes, for each missing pixel, the nearest pixel inside
/// (edge replication). A replicated border is flat across the border, so it adds no edge of its own.
/// </remarks>
public static class PatchScanner
{
    /// <summary>Windows sent through the network at once.</summary>
    public const int BlockSize = 1024;

    /// <summary>
    /// Scans <paramref name="pixels"/> (row by row, values in [0, 1]) with a network that reads
    /// <paramref name="patchSize"/>×<paramref name="patchSize"/> windows. Reports the fraction done after each block.
    /// </summary>
    public static ProbabilityMap Scan<T>(
        Network<T> network,
        IReadOnlyList<string> classNames,
        ReadOnlySpan<double> pixels,
        int width,
        int height,
        int patchSize,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(network, classNames, pixels, width, height, patchSize);
        int inputs = network.Inputs;
        int classes = network.Classes;
        long total = (long)width * height;
        var result = new float[total * classes];
        var windows = new T[BlockSize * inputs];
        for (long start = 0; start < total; start += BlockSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int batch = (int)Math.Min(BlockSize, total - start);
            for (int n = 0; n < batch; n++)
            {
                long pixel = start + n;
                Window(pixels, width, height, patchSize, (int)(pixel % width), (int)(pixel / width), windows.AsSpan(n * inputs, inputs));
            }
            ReadOnlySpan<T> p = network.Forward(windows.AsSpan(0, batch * inputs), batch);   // p = softmax(ReLU(x·W1 + b1)·W2 + b2)
            Span<float> destination = result.AsSpan((int)(start * classes), batch * classes);
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = float.CreateTruncating(p[i]);
            }
            progress?.Report((double)(start + batch) / total);
        }
        return new ProbabilityMap(width, height, classNames, result);
    }

    /// <summary>
    /// Copies the window centred on (<paramref name="centreX"/>, <paramref name="centreY"/>) into
    /// <paramref name="window"/>, row by row, replicating the nearest pixel where the window leaves the image.
    /// </summary>
    public static void Window<T>(ReadOnlySpan<double> pixels, int width, int height, int patchSize, int centreX, int centreY, Span<T> window)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int half = patchSize / 2;
        for (int dy = 0; dy < patchSize; dy++)
        {
            int y = Math.Clamp(centreY - half + dy, 0, height - 1);                 // replicate the border
            for (int dx = 0; dx < patchSize; dx++)
            {
                int x = Math.Clamp(centreX - half + dx, 0, width - 1);
                window[dy * patchSize + dx] = T.CreateChecked(pixels[y * width + x]);
            }
        }
    }

    private static void Check<T>(Network<T> network, IReadOnlyList<string> classNames, ReadOnlySpan<double> pixels, int width, int height, int patchSize)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (pixels.Length != (long)width * height)
        {
            throw new ArgumentException($"A {width}×{height} image has {(long)width * height} pixels, got {pixels.Length}.", nameof(pixels));
        }
        if (patchSize < 1 || patchSize % 2 == 0)
        {
            throw new ArgumentException($"The patch size must be odd so that a window has a centre (got {patchSize}).", nameof(patchSize));
        }
        if (patchSize * patchSize != network.Inputs)
        {
            throw new ArgumentException($"The network reads {network.Inputs} pixels, not a {patchSize}×{patchSize} patch.", nameof(patchSize));
        }
        if (classNames.Count != network.Classes)
        {
            throw new ArgumentException($"The network has {network.Classes} classes but {classNames.Count} names were given.", nameof(classNames));
        }
    }
}
