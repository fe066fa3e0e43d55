using System.Numerics;
using System.Numerics.Tensors;
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
                Softmax(z, network.Classes, count, buffers);
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
    /// Image row <paramref name="sourceRow"/> with <c>patchSize / 2</c> copies of its end pixels on each side
    /// (edge-replicate padding), from a ring of <c>patchSize</c> rows so each row is padded once per pass.
    /// </summary>
    private static ReadOnlySpan<T> PaddedRow<T>(ReadOnlySpan<T> image, ScanGeometry g, int sourceRow, ScanBuffers<T> buffers)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int r = g.PatchSize / 2;
        int slot = sourceRow % g.PatchSize;
        Span<T> padded = buffers.PaddedRows.AsSpan(slot * (g.Width + (2 * r)), g.Width + (2 * r));
        if (buffers.PaddedRowOf[slot] != sourceRow)
        {
            ReadOnlySpan<T> row = image.Slice(sourceRow * g.Width, g.Width);
            padded[..r].Fill(row[0]);                                                     // replicate left
            row.CopyTo(padded[r..]);
            padded[(r + g.Width)..].Fill(row[^1]);                                       // replicate right
            buffers.PaddedRowOf[slot] = sourceRow;
        }
        return padded;
    }

    /// <summary>
    /// zᵀ = Wᵀ·xᵀ + b layer by layer with ReLU between: [classes × Block] of the last layer. The first layer reads
    /// the patches straight from the padded rows: for patch row dy, pixel k = dy·size + dx of the patch of pixel
    /// x0 + p is <c>padded[x0 + p + dx]</c>, a matrix whose rows are one element apart. The patch rows are added in
    /// order, so every sum runs over k = 0, 1, … as in <see cref="Layers.Dense{T}.ForwardReference"/>.
    /// </summary>
    private static ReadOnlySpan<T> Forward<T>(Network<T> network, ReadOnlySpan<T> image, ScanGeometry g, int y, int x0, int count, ScanBuffers<T> buffers)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int size = g.PatchSize, r = size / 2;
        Layers.Dense<T> first = network.Layers[0];
        Span<T> z1 = buffers.Layers[0];
        for (int dy = 0; dy < size; dy++)
        {
            ReadOnlySpan<T> padded = PaddedRow(image, g, Math.Clamp(y + dy - r, 0, g.Height - 1), buffers); // replicate top/bottom
            ReadOnlySpan<T> weights = first.Weights.AsSpan(dy * size * first.Outputs);
            Gemm.Multiply<T>(first.Outputs, count, size, weights, 1, first.Outputs, padded[x0..], 1, z1, Block,
                dy == 0 ? GemmStart.BiasPerRow : GemmStart.Accumulate, first.Bias);      // z1ᵀ = b1 + Σ_k W1[k, :]ᵀ·x_k
        }
        ReadOnlySpan<T> input = z1;
        for (int l = 0; l < network.Layers.Count; l++)
        {
            Layers.Dense<T> layer = network.Layers[l];
            Span<T> z = buffers.Layers[l];
            if (l > 0)
            {
                Gemm.Multiply<T>(layer.Outputs, count, layer.Inputs, layer.Weights, 1, layer.Outputs, input, Block, z, Block, GemmStart.BiasPerRow, layer.Bias); // zᵀ = Wᵀ·hᵀ + b
            }
            if (l < network.Layers.Count - 1)
            {
                VectorOps.Relu<T>(z, z);                                                  // h = ReLU(z)
            }
            input = z;
        }
        return buffers.Layers[^1];
    }

    /// <summary>p = softmax(z) for each pixel (column), in place, as <see cref="SoftmaxCrossEntropy.Softmax{T}"/>.</summary>
    private static void Softmax<T>(ReadOnlySpan<T> z, int classes, int count, ScanBuffers<T> buffers)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> max = buffers.Max.AsSpan(0, count);
        Span<T> sum = buffers.Sum.AsSpan(0, count);
        Span<T> all = buffers.Layers[^1];
        z.Slice(0, count).CopyTo(max);
        for (int c = 1; c < classes; c++)
        {
            TensorPrimitives.Max<T>(max, z.Slice(c * Block, count), max);                 // subtract the max: no overflow
        }
        for (int c = 0; c < classes; c++)
        {
            Span<T> e = all.Slice(c * Block, count);
            TensorPrimitives.Subtract<T>(e, max, e);
            TensorPrimitives.Exp<T>(e, e);                                                // e^(z_j − max)
            if (c == 0)
            {
                e.CopyTo(sum);
            }
            else
            {
                TensorPrimitives.Add<T>(sum, e, sum);
            }
        }
        for (int c = 0; c < classes; c++)
        {
            Span<T> e = all.Slice(c * Block, count);
            TensorPrimitives.Divide<T>(e, sum, e);                                         // p_j = e^z_j / Σ e^z_k
        }
    }

    private readonly record struct ScanGeometry(int Width, int Height, int PatchSize, int ClassIndex);
}
