using System.Numerics;
using EdgeNet.Kernels;

namespace EdgeNet.Inference;

/// <summary>
/// Runs a network over the patch around every pixel of a grayscale image (the tutorial's 5×5 windows, slid
/// one pixel at a time): one probability map per class, the same size as the image.
/// </summary>
/// <remarks>
/// Image and maps are row-major: <c>image[y·width + x]</c>, values as in the tutorial (0 dark … 1 bright).
/// The patch of pixel (x, y) is the <c>patchSize × patchSize</c> square centred on it, flattened row by row like
/// the tutorial's <c>patch.flatten()</c>. Border rule: edge-replicate padding — a window reaching past the
/// border reads the nearest border pixel — so the output has exactly the input's size.
/// The result does not depend on <c>threads</c>. The network is only read: do not train it during a scan.
/// </remarks>
public static class PatchScanner
{
    private const int Block = 256;                                  // pixels of one row handled together

    /// <summary>
    /// Writes into <paramref name="probabilities"/> [height × width] the probability of class
    /// <paramref name="classIndex"/> (0 = Edge for the tutorial's network) for every pixel's patch.
    /// </summary>
    public static void Scan<T>(Network<T> network, ReadOnlySpan<T> image, int width, int height, int patchSize, int classIndex, Span<T> probabilities, int threads = 1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(classIndex, network.Classes);
        Run(network, image, width, height, patchSize, classIndex, probabilities, threads, (long)width * height);
    }

    /// <summary>
    /// Writes the probabilities of every class as planes: <c>probabilities[c·width·height + y·width + x]</c>,
    /// [classes × height × width].
    /// </summary>
    public static void ScanAll<T>(Network<T> network, ReadOnlySpan<T> image, int width, int height, int patchSize, Span<T> probabilities, int threads = 1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        Run(network, image, width, height, patchSize, -1, probabilities, threads, (long)width * height * network.Classes);
    }

    private static unsafe void Run<T>(Network<T> network, ReadOnlySpan<T> image, int width, int height, int patchSize, int classIndex, Span<T> probabilities, int threads, long outputLength)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (patchSize < 1 || patchSize % 2 == 0 || patchSize * patchSize != network.Inputs)
        {
            throw new ArgumentException($"The network takes {network.Inputs} pixels: the patch size must be odd and its square must equal that (got {patchSize}).", nameof(patchSize));
        }
        if (image.Length != (long)width * height)
        {
            throw new ArgumentException($"A {width}×{height} image has {(long)width * height} pixels, got {image.Length}.", nameof(image));
        }
        if (probabilities.Length != outputLength)
        {
            throw new ArgumentException($"The output needs {outputLength} values, got {probabilities.Length}.", nameof(probabilities));
        }
        var geometry = new ScanGeometry(width, height, patchSize, classIndex);
        fixed (T* imagePointer = image)
        fixed (T* outputPointer = probabilities)
        {
            nint imageAddress = (nint)imagePointer, outputAddress = (nint)outputPointer;
            int chunks = threads == 1 ? 1 : Math.Min(height, threads * 4);
            if (chunks == 1)
            {
                ScanRows(network, geometry, image, probabilities, 0, height, new ScanBuffers<T>(network, Block, width, patchSize));
                return;
            }
            Parallel.For(
                0,
                chunks,
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => new ScanBuffers<T>(network, Block, width, patchSize),
                (chunk, _, buffers) =>
                {
                    var source = new ReadOnlySpan<T>((T*)imageAddress, width * height);
                    var target = new Span<T>((T*)outputAddress, (int)outputLength);
                    ScanRows(network, geometry, source, target, (int)((long)chunk * height / chunks), (int)((long)(chunk + 1) * height / chunks), buffers);
                    return buffers;
                },
                _ => { });
        }
    }

    private static void ScanRows<T>(Network<T> network, ScanGeometry g, ReadOnlySpan<T> image, Span<T> output, int firstRow, int endRow, ScanBuffers<T> buffers)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int plane = g.Width * g.Height;
        for (int y = firstRow; y < endRow; y++)
        {
            for (int x0 = 0; x0 < g.Width; x0 += Block)
            {
                int count = Math.Min(Block, g.Width - x0);
                ReadOnlySpan<T> z = Forward(network, image, g, y, x0, count, buffers);
                ColumnSoftmax.Apply(buffers.Layers[^1], network.Classes, Block, count);   // p = softmax(z), per pixel
                int pixel = (y * g.Width) + x0;
                for (int c = 0; c < network.Classes; c++)
                {
                    if (g.ClassIndex < 0)
                    {
                        z.Slice(c * Block, count).CopyTo(output.Slice((c * plane) + pixel, count));
                    }
                    else if (c == g.ClassIndex)
                    {
                        z.Slice(c * Block, count).CopyTo(output.Slice(pixel, count));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Where image row <paramref name="sourceRow"/> starts in the ring of padded rows: the row with
    /// <c>patchSize / 2</c> copies of its end pixels on each side (edge-replicate padding). Each row is padded
    /// once per pass and kept while the windows need it.
    /// </summary>
    private static int PaddedRow<T>(ReadOnlySpan<T> image, ScanGeometry g, int sourceRow, ScanBuffers<T> buffers)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int r = g.PatchSize / 2;
        int slot = sourceRow % g.PatchSize;
        int start = slot * (g.Width + (2 * r));
        if (buffers.PaddedRowOf[slot] != sourceRow)
        {
            Span<T> padded = buffers.PaddedRows.AsSpan(start, g.Width + (2 * r));
            ReadOnlySpan<T> row = image.Slice(sourceRow * g.Width, g.Width);
            padded[..r].Fill(row[0]);                                                     // replicate left
            row.CopyTo(padded[r..]);
            padded[(r + g.Width)..].Fill(row[^1]);                                       // replicate right
            buffers.PaddedRowOf[slot] = sourceRow;
        }
        return start;
    }

    /// <summary>
    /// zᵀ = Wᵀ·xᵀ + b layer by layer with ReLU between: [classes × Block] of the last layer. The first layer reads
    /// the patches straight from the padded rows: pixel k = dy·size + dx of the patch of pixel x0 + p is
    /// <c>padded_dy[x0 + p + dx]</c>, so xᵀ is a matrix whose row k starts at a known place in the ring.
    /// Every sum runs over k = 0, 1, … as in <see cref="Layers.Dense{T}.ForwardReference"/>.
    /// </summary>
    private static ReadOnlySpan<T> Forward<T>(Network<T> network, ReadOnlySpan<T> image, ScanGeometry g, int y, int x0, int count, ScanBuffers<T> buffers)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int size = g.PatchSize, r = size / 2;
        for (int dy = 0; dy < size; dy++)
        {
            int start = PaddedRow(image, g, Math.Clamp(y + dy - r, 0, g.Height - 1), buffers) + x0; // replicate top/bottom
            for (int dx = 0; dx < size; dx++)
            {
                buffers.RowStarts[(dy * size) + dx] = start + dx;
            }
        }
        Layers.Dense<T> first = network.Layers[0];
        Span<T> z1 = buffers.Layers[0];
        int last = network.Layers.Count - 1;
        Gemm.MultiplyRows<T>(first.Outputs, count, first.Weights, 1, first.Outputs, buffers.PaddedRows, buffers.RowStarts, z1, Block, GemmStart.BiasPerRow, first.Bias, relu: last > 0); // h1ᵀ = ReLU(W1ᵀ·xᵀ + b1)
        for (int l = 1; l <= last; l++)
        {
            Layers.Dense<T> layer = network.Layers[l];
            Gemm.Multiply<T>(layer.Outputs, count, layer.Inputs, layer.Weights, 1, layer.Outputs, buffers.Layers[l - 1], Block, buffers.Layers[l], Block, GemmStart.BiasPerRow, layer.Bias, relu: l < last); // hᵀ = ReLU(Wᵀ·hᵀ + b)
        }
        return buffers.Layers[^1];
    }

    private readonly record struct ScanGeometry(int Width, int Height, int PatchSize, int ClassIndex);
}
