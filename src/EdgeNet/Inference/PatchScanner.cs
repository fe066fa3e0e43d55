using System.Numerics;
using System.Runtime.Intrinsics;
using EdgeNet.Kernels;
using EdgeNet.Reference;

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
/// Every hidden activation runs in the vector kernels (<see cref="IActivation"/>). With ReLU and leaky ReLU every
/// logit has the bits of the reference pass on the patch (<see cref="ReferencePass.DenseForward{T}"/>: the same fused
/// sums in the same order; <see cref="Network{T}.Forward"/> gives those bits for batches of two rows or more, its one-row
/// path agrees within rounding); only the vectorised exponential of the softmax may round differently: within 1e-6 in
/// float, 1e-14 in double. tanh and sigmoid are vector approximations within a few ulps of the reference's
/// (<see cref="Tanh"/>, <see cref="Sigmoid"/>): p within 1e-5 in float, 1e-13 in double (docs/numerics.md).
/// </remarks>
public static class PatchScanner
{
    /// <summary>Tiles per column block: 5 window rows of 16 tiles of 48 floats (or 24 doubles) are 15 KiB.</summary>
    private const int BlockTiles = 16;

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
        ScanPatch.Check(patchSize, network.Inputs, nameof(patchSize));
        if (image.Length != (long)width * height)
        {
            throw new ArgumentException($"A {width}×{height} image has {(long)width * height} pixels, got {image.Length}.", nameof(image));
        }
        if (probabilities.Length != outputLength)
        {
            throw new ArgumentException($"The output needs {outputLength} values, got {probabilities.Length}.", nameof(probabilities));
        }
        ScanPlan<T> plan = Plan(network, width, height, patchSize, classIndex);
        fixed (T* imagePointer = image)
        fixed (T* outputPointer = probabilities)
        {
            nint imageAddress = (nint)imagePointer, outputAddress = (nint)outputPointer;
            int chunks = threads == 1 ? 1 : Math.Min(height, threads * 4);
            if (chunks == 1)
            {
                ScanRows(plan, image, probabilities, 0, height, new ScanBuffers<T>(plan));
                return;
            }
            Parallel.For(
                0,
                chunks,
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => new ScanBuffers<T>(plan),
                (chunk, _, buffers) =>
                {
                    var source = new ReadOnlySpan<T>((T*)imageAddress, width * height);
                    var target = new Span<T>((T*)outputAddress, (int)outputLength);
                    ScanRows(plan, source, target, (int)((long)chunk * height / chunks), (int)((long)(chunk + 1) * height / chunks), buffers);
                    return buffers;
                },
                _ => { });
        }
    }

    /// <summary>
    /// What every worker of one scan of a <paramref name="width"/>×<paramref name="height"/> image shares, for callers
    /// that split the rows among workers of their own (<see cref="ScanRows{T}"/>); <paramref name="classIndex"/> −1 for
    /// every class.
    /// </summary>
    internal static ScanPlan<T> Plan<T>(Network<T> network, int width, int height, int patchSize, int classIndex)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        new(network, width, height, patchSize, classIndex, WindowKernel.Vectors * VectorLanes<T>());

    /// <summary>Bits of the vectors the float32 scan runs on (512, 256, 128), or 0 for the plain loops (no vector FMA).</summary>
    internal static int VectorBits => VectorLanes<float>() == 1 ? 0 : VectorLanes<float>() * 32;

    /// <summary>Lanes of the widest vector the hardware runs with FMA (1: none, the plain loop).</summary>
    private static int VectorLanes<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Simd512<T>.IsAccelerated ? Vector512<T>.Count
        : Simd256<T>.IsAccelerated ? Vector256<T>.Count
        : Simd128<T>.IsAccelerated ? Vector128<T>.Count
        : 1;

    /// <summary>
    /// Output rows <paramref name="firstRow"/> … <paramref name="endRow"/> − 1 on the calling thread, with the kernels
    /// compiled for the network's hidden activation (every one has a vector form). Each row's numbers do not depend on
    /// how the rows are split.
    /// </summary>
    internal static void ScanRows<T>(ScanPlan<T> plan, ReadOnlySpan<T> image, Span<T> output, int firstRow, int endRow, ScanBuffers<T> buffers)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (plan.Network.HiddenActivation)
        {
            case Layers.HiddenActivation.Relu:
                ScanRows<T, Relu>(plan, image, output, firstRow, endRow, buffers);
                break;
            case Layers.HiddenActivation.LeakyRelu:
                ScanRows<T, LeakyRelu>(plan, image, output, firstRow, endRow, buffers);
                break;
            case Layers.HiddenActivation.Tanh:
                ScanRows<T, Tanh>(plan, image, output, firstRow, endRow, buffers);
                break;
            case Layers.HiddenActivation.Sigmoid:
                ScanRows<T, Sigmoid>(plan, image, output, firstRow, endRow, buffers);
                break;
            default:
                ReferenceScan.Rows(plan, image, output, firstRow, endRow);
                break;
        }
    }

    /// <summary>The widest vectors the hardware runs with FMA; without any, the plain loops.</summary>
    private static void ScanRows<T, TActivation>(ScanPlan<T> plan, ReadOnlySpan<T> image, Span<T> output, int firstRow, int endRow, ScanBuffers<T> buffers)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TActivation : IActivation
    {
        if (Simd512<T>.IsAccelerated)
        {
            ScanRows<T, Vector512<T>, Simd512<T>, TActivation>(plan, image, output, firstRow, endRow, buffers);
        }
        else if (Simd256<T>.IsAccelerated)
        {
            ScanRows<T, Vector256<T>, Simd256<T>, TActivation>(plan, image, output, firstRow, endRow, buffers);
        }
        else if (Simd128<T>.IsAccelerated)
        {
            ScanRows<T, Vector128<T>, Simd128<T>, TActivation>(plan, image, output, firstRow, endRow, buffers);
        }
        else
        {
            ReferenceScan.Rows(plan, image, output, firstRow, endRow);
        }
    }

    /// <summary>
    /// Column block by column block, row by row, tile by tile: the windows of <c>tile</c> neighbouring pixels through
    /// every layer, then the softmax, then the wanted planes written. A block of <see cref="BlockTiles"/> tiles keeps
    /// its window rows in the L1 cache while it walks down the image (each image row serves <c>patchSize</c> output
    /// rows). A last, partial tile is computed whole (its extra windows read replicated border pixels) and only its
    /// pixels inside the image are written.
    /// </summary>
    private static void ScanRows<T, TVector, TSimd, TActivation>(ScanPlan<T> plan, ReadOnlySpan<T> image, Span<T> output, int firstRow, int endRow, ScanBuffers<T> buffers)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
        where TActivation : IActivation
    {
        int tile = plan.Tile, tiles = (plan.Width + tile - 1) / tile, blocks = (tiles + BlockTiles - 1) / BlockTiles;
        WindowRows<T> rows = buffers.Rows;
        for (int block = 0; block < blocks; block++)
        {
            int x0Begin = tiles * block / blocks * tile, x0End = Math.Min(tiles * (block + 1) / blocks * tile, plan.Width);
            for (int y = firstRow; y < endRow; y++)
            {
                rows.MoveTo(image, y, left: x0Begin < rows.LeftEnd, right: x0End > rows.RightStart);
                if (plan.InRegisters)
                {
                    TwoClassRow<T, TVector, TSimd, TActivation>(plan, image, output, y, x0Begin, x0End, buffers);
                    continue;
                }
                for (int x0 = x0Begin; x0 < x0End; x0 += tile)
                {
                    LayerByLayer<T, TVector, TSimd, TActivation>(plan, image, output, y, x0, buffers);
                }
            }
        }
    }

    /// <summary>
    /// The pixels x0Begin … x0End − 1 of one row, tutorial's shape: d = z_other − z_c in registers (left strip, image,
    /// right strip), then p_c = 1 / (1 + e^d) (and p_other = 1 / (1 + e^−d) for <see cref="ScanAll{T}"/>) straight
    /// into the output planes.
    /// </summary>
    private static void TwoClassRow<T, TVector, TSimd, TActivation>(ScanPlan<T> plan, ReadOnlySpan<T> image, Span<T> output, int y, int x0Begin, int x0End, ScanBuffers<T> buffers)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
        where TActivation : IActivation
    {
        int c = Math.Max(plan.ClassIndex, 0), width = plan.Width, plane = width * plan.Height, next = y + (plan.PatchSize / 2) + 1;
        Span<T> pc = output.Slice((plan.ClassIndex < 0 ? c * plane : 0) + (y * width), width);
        Span<T> pOther = plan.ClassIndex < 0 ? output.Slice(((1 - c) * plane) + (y * width), width) : default;
        ReadOnlySpan<T> upcoming = next < plan.Height ? image.Slice(next * width, width) : default;
        WindowRows<T> rows = buffers.Rows;
        ReadOnlySpan<T> w1 = plan.FirstWeights, b1 = plan.FirstBias, w2 = plan.LastWeights, b2 = plan.Network.Layers[1].Bias;
        Span<T> d = buffers.Differences;
        int leftEnd = Math.Clamp(rows.LeftEnd, x0Begin, x0End), rightStart = Math.Clamp(rows.RightStart, leftEnd, x0End);
        WindowKernel.TwoClassDifferences<T, TVector, TSimd, TActivation>(rows.Left, rows.LeftStarts, x0Begin, leftEnd, w1, b1, w2, b2, c, d, upcoming, pc);
        WindowKernel.TwoClassDifferences<T, TVector, TSimd, TActivation>(image, rows.ImageStarts, leftEnd, rightStart, w1, b1, w2, b2, c, d, upcoming, pc);
        WindowKernel.TwoClassDifferences<T, TVector, TSimd, TActivation>(rows.Right, rows.RightStarts, rightStart, x0End, w1, b1, w2, b2, c, d, upcoming, pc);
        int count = x0End - x0Begin;
        TwoClassSoftmax.Apply<T, TVector, TSimd>(d[x0Begin..], pc.Slice(x0Begin, count), pOther.IsEmpty ? default : pOther.Slice(x0Begin, count)); // p_c = 1 / (1 + e^d)
    }

    /// <summary>Any other shape, one tile: z through every layer, p = softmax(z), the wanted planes copied out.</summary>
    private static void LayerByLayer<T, TVector, TSimd, TActivation>(ScanPlan<T> plan, ReadOnlySpan<T> image, Span<T> output, int y, int x0, ScanBuffers<T> buffers)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
        where TActivation : IActivation
    {
        int plane = plan.Width * plan.Height, tile = plan.Tile, classes = plan.Network.Classes, count = Math.Min(tile, plan.Width - x0);
        Span<T> p = Forward<T, TVector, TSimd, TActivation>(plan, image, buffers, x0);
        Softmax(p, classes, tile);                                                            // p = softmax(z), per pixel
        int pixel = (y * plan.Width) + x0;
        for (int c = 0; c < classes; c++)
        {
            if (plan.ClassIndex < 0)
            {
                p.Slice(c * tile, count).CopyTo(output.Slice((c * plane) + pixel, count));
            }
            else if (c == plan.ClassIndex)
            {
                p.Slice(c * tile, count).CopyTo(output.Slice(pixel, count));
            }
        }
    }

    /// <summary>
    /// h1 = f(x·W1 + b1) straight from the window rows (<see cref="WindowKernel"/>), then h = f(h·W + b) layer by
    /// layer, no f after the last: z [classes × tile] (f the hidden activation, ReLU in the tutorial).
    /// </summary>
    private static Span<T> Forward<T, TVector, TSimd, TActivation>(ScanPlan<T> plan, ReadOnlySpan<T> image, ScanBuffers<T> buffers, int x0)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
        where TActivation : IActivation
    {
        var layers = plan.Network.Layers;
        int last = layers.Count - 1;
        WindowRows<T> rows = buffers.Rows;
        ReadOnlySpan<T> source = x0 < rows.LeftEnd ? rows.Left : x0 < rows.RightStart ? image : rows.Right;
        int[] starts = x0 < rows.LeftEnd ? rows.LeftStarts : x0 < rows.RightStart ? rows.ImageStarts : rows.RightStarts;
        WindowKernel.Forward<T, TVector, TSimd, TActivation>(source, starts, x0, plan.FirstWeights, plan.FirstBias, activate: last > 0, buffers.Layers[0]);
        for (int l = 1; l <= last; l++)
        {
            PixelDense.Forward<T, TVector, TSimd, TActivation>(buffers.Layers[l - 1], layers[l].Weights, layers[l].Bias, activate: l < last, buffers.Layers[l], plan.Tile);
        }
        return buffers.Layers[last];
    }

    /// <summary>p = softmax(z) down the columns of z [classes × tile], in place.</summary>
    private static void Softmax<T>(Span<T> z, int classes, int tile)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ScanSoftmax.Apply(z, classes, tile, tile);                                       // p_j = e^(z_j − max) / Σ e^(z_k − max)
}
