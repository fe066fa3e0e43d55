using System.Buffers;
using System.Numerics;
using EdgeNet.Data;
using EdgeNet.Inference;

namespace EdgeNet.Imaging;

/// <summary>
/// Scans photos with a model the fast way: in float32 with the engine's vector kernels
/// (<see cref="PatchScanner"/>), in bands of rows as the decoder delivers them, on every processor asked for,
/// keeping only what the requested pictures need — a byte a pixel of photo, a byte a pixel of map, four for each
/// colour picture, and one band of floats.
/// </summary>
/// <remarks>
/// Each band is scanned with its windows' rows and one more row each side (for thinning); the windows read the
/// photo's own rows, borders replicated, so every pixel gets the probabilities a whole-image scan gives it.
/// The float network holds the double model's weights rounded to float: probabilities agree with the double scan
/// within 1e-5 (the tests hold it to that; seen: 4e-7). Built once, a scanner scans any number of photos (one at a time).
/// </remarks>
public sealed class PhotoScanner
{
    private readonly Network<float> _network;
    private readonly int _patch;
    private readonly int _classes;
    private readonly int _noEdge;
    private readonly bool _oriented;
    private readonly bool _darkToBright;
    private readonly bool[] _acrossIsVertical;
    private readonly float[] _palette;
    private readonly ScanSettings _settings;

    /// <summary>Prepares the float network once.</summary>
    /// <exception cref="ArgumentException">The patch size does not fit the network, or the names the classes.</exception>
    public PhotoScanner(Network<double> network, IReadOnlyList<string> classNames, int patchSize, ScanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(settings);
        if (classNames.Count != network.Classes)
        {
            throw new ArgumentException($"The network has {network.Classes} classes but {classNames.Count} names were given.", nameof(classNames));
        }
        ScanPatch.Check(patchSize, network.Inputs, nameof(patchSize));
        if (settings.Threshold is double t && !(t is >= 0 and < 1))
        {
            throw new ArgumentException($"The threshold must be at least 0 and below 1 (got {t}).", nameof(settings));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Threads, 1);
        _network = network.ConvertTo<float>();
        _patch = patchSize;
        _classes = classNames.Count;
        ClassNames = classNames;
        _noEdge = EdgeTasks.NoEdgeClass(classNames) ?? _classes - 1;
        _oriented = EdgeColors.HasOrientations(classNames);
        EdgeTask? task = EdgeTasks.FromClassNames(classNames);
        _darkToBright = task == EdgeTask.Edge;
        _acrossIsVertical = new bool[_classes];
        if (task == EdgeTask.Orientation)
        {
            _acrossIsVertical[EdgeTasks.HorizontalDarkToBright] = true;         // a horizontal edge is crossed going down
            _acrossIsVertical[EdgeTasks.HorizontalBrightToDark] = true;
        }
        _palette = new float[3 * _classes];
        for (int k = 0; k < _classes; k++)
        {
            (byte r, byte g, byte b) = _oriented ? EdgeColors.Of(k, _noEdge) : EdgeColors.SingleEdge;
            (_palette[3 * k], _palette[(3 * k) + 1], _palette[(3 * k) + 2]) = (r / 255f, g / 255f, b / 255f);
        }
        _settings = settings;
    }

    /// <summary>The model's class names.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Scans a decoded photo.</summary>
    public ScanPictures Scan(GrayBytes image, RawMapStream? raw = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Scan(image, _ => { }, raw);
    }

    /// <summary>Scans a photo while it is being decoded: each band starts as soon as its rows are in.</summary>
    /// <exception cref="InvalidDataException">The decoder found the file damaged.</exception>
    public ScanPictures Scan(GrayDecoding decoding, RawMapStream? raw = null)
    {
        ArgumentNullException.ThrowIfNull(decoding);
        ScanPictures pictures = Scan(decoding.Image, decoding.WaitForRows, raw);
        decoding.Finish();
        return pictures;
    }

    private ScanPictures Scan(GrayBytes image, Action<int> waitForRows, RawMapStream? raw)
    {
        int width = image.Width, height = image.Height, r = _patch / 2;
        ScanTimings? timings = _settings.Timings;
        int bandRows = Math.Clamp(_settings.BandPixels / width, 1, height);
        int planes = _classes > 2 || raw is not null ? _classes : 1;       // two classes: p(no edge) alone
        var band = new Band(width, bandRows + 2 + (2 * r), planes);
        var map = new byte[image.PixelCount];
        bool encode = _settings.EncodePictures;                           // colour pictures: a band at a time, then PNG
        int channels = encode ? 3 : 4;
        long pictureRows = encode ? bandRows : height;
        byte[]? colours = _oriented ? new byte[channels * pictureRows * width] : null;
        byte[]? overlay = _settings.Overlay ? new byte[channels * pictureRows * width] : null;
        PngEncoder? coloursPng = encode && colours is not null ? new PngEncoder(width, height, 3, _settings.Threads, PngFilter.None, timings) : null;
        PngEncoder? overlayPng = encode && overlay is not null ? new PngEncoder(width, height, 3, _settings.Threads, PngFilter.Sub, timings) : null;   // the photo in it
        double[]? edges = null, sobel = null, darkToBright = null;
        PearsonSums withSobel = default, withDarkToBright = default;
        double strongest = 0;
        if (_settings.Sobel)
        {
            (edges, sobel) = (new double[bandRows * width], new double[bandRows * width]);
            darkToBright = _darkToBright ? new double[bandRows * width] : null;
        }
        var rowEdges = new int[bandRows];
        var rowStrongest = new double[bandRows];
        long edgeCount = 0;
        for (int y0 = 0; y0 < height; y0 += bandRows)
        {
            int rows = Math.Min(bandRows, height - y0);
            using (ScanTimings.WallOf(timings, ScanStage.WaitForDecoder))
            {
                waitForRows(Math.Min(height, y0 + rows + 1 + r));
            }
            using (ScanTimings.WallOf(timings, ScanStage.Network))
            {
                band.Scan(this, image, y0, rows, r);
            }
            var pictures = new PictureRows(colours, overlay, encode ? y0 : 0, channels);
            var painter = new RowPainter(this, band, image, map, pictures, edges, sobel, darkToBright, rowEdges, rowStrongest);
            using (ScanTimings.WallOf(timings, ScanStage.Paint))
            {
                InPieces(rows, _settings.Threads, (first, end) =>
                {
                    using var cpu = ScanTimings.CpuOf(timings, ScanStage.Paint);
                    for (int i = first; i < end; i++)
                    {
                        painter.Paint(y0, i);
                    }
                });
            }
            for (int i = 0; i < rows; i++)
            {
                edgeCount += rowEdges[i];
                strongest = Math.Max(strongest, rowStrongest[i]);
            }
            if (edges is not null)
            {
                withSobel.Add(edges.AsSpan(0, rows * width), sobel.AsSpan(0, rows * width));
                if (darkToBright is not null)
                {
                    withDarkToBright.Add(edges.AsSpan(0, rows * width), darkToBright.AsSpan(0, rows * width));
                }
            }
            if (raw is not null)
            {
                using var write = ScanTimings.Both(timings, ScanStage.Write);
                raw.WriteRows(y0, rows, band.Planes, band.PlaneLength, band.Offset(y0, 0));
            }
            coloursPng?.Add(colours!, rows, 3);
            overlayPng?.Add(overlay!, rows, 3);
        }
        SobelComparison? comparison = _settings.Sobel
            ? new SobelComparison(withSobel.R, _darkToBright ? withDarkToBright.R : null, strongest)
            : null;
        return encode
            ? new ScanPictures(image, ClassNames, _noEdge, map, null, null, (double)edgeCount / image.PixelCount, comparison) { ColoursPng = coloursPng?.Finish(), OverlayPng = overlayPng?.Finish() }
            : new ScanPictures(image, ClassNames, _noEdge, map, colours, overlay, (double)edgeCount / image.PixelCount, comparison);
    }

    /// <summary>
    /// Runs <paramref name="work"/>(first, end) over <paramref name="count"/> items in runs of neighbours: one run on
    /// one thread, else four a thread (so that a busy processor holds up little) on up to <paramref name="threads"/>.
    /// </summary>
    private static void InPieces(int count, int threads, Action<int, int> work)
    {
        int pieces = Math.Clamp(threads == 1 ? 1 : threads * 4, 1, Math.Max(count, 1));
        if (pieces == 1)
        {
            work(0, count);
            return;
        }
        Parallel.For(0, pieces, new ParallelOptions { MaxDegreeOfParallelism = threads }, piece =>
            work((int)((long)piece * count / pieces), (int)((long)(piece + 1) * count / pieces)));
    }

    /// <summary>
    /// One band's input rows as floats and its probabilities: rows <c>top</c> … <c>top + rows − 1</c> of the photo,
    /// with <c>top = y0 − 1 − r</c> (rows outside the photo replicate its first or last).
    /// </summary>
    private sealed class Band(int width, int maxRows, int planes)
    {
        private readonly float[] _input = new float[(long)maxRows * width];

        public float[] Planes { get; } = new float[(long)planes * maxRows * width];

        public int PlaneLength { get; private set; }

        public int PlaneCount => planes;

        public int Top { get; private set; }

        public int Width => width;

        /// <summary>Index in a plane of photo pixel (x, y).</summary>
        public int Offset(int y, int x) => ((y - Top) * width) + x;

        public void Scan(PhotoScanner scanner, GrayBytes image, int y0, int rows, int r)
        {
            int count = rows + 2 + (2 * r), threads = scanner._settings.Threads;
            ScanTimings? timings = scanner._settings.Timings;
            Top = y0 - 1 - r;
            PlaneLength = count * width;
            InPieces(count, threads, (first, end) =>
            {
                using var cpu = ScanTimings.CpuOf(timings, ScanStage.Network);
                for (int s = first; s < end; s++)
                {
                    PixelBytes.ToLevels(image.Row(Math.Clamp(Top + s, 0, image.Height - 1)), _input.AsSpan(s * width, width));   // level / 255
                }
            });
            // The rows the pictures read, y0 − 1 … y0 + rows: their windows lie inside the band's rows.
            int classIndex = planes == 1 ? scanner._noEdge : -1;
            ScanPlan<float> plan = PatchScanner.Plan(scanner._network, width, count, scanner._patch, classIndex);
            float[] input = _input, output = Planes;
            int length = PlaneLength;
            InPieces(rows + 2, threads, (first, end) =>
            {
                using var cpu = ScanTimings.CpuOf(timings, ScanStage.Network);
                PatchScanner.ScanRows(plan, input.AsSpan(0, length), output.AsSpan(0, planes * length), r + first, r + end, new ScanBuffers<float>(plan));
            });
        }
    }

    /// <summary>Where the colour pictures' rows go: whole pictures (first row 0, RGBA) or one band (its first row, RGB).</summary>
    private sealed record PictureRows(byte[]? Colours, byte[]? Overlay, int FirstRow, int Channels);

    /// <summary>Turns one band's probabilities into the pictures' pixels, a row at a time (rows are independent).</summary>
    private sealed class RowPainter(
        PhotoScanner scanner, Band band, GrayBytes image, byte[] map, PictureRows pictures,
        double[]? edges, double[]? sobel, double[]? darkToBright, int[] rowEdges, double[] rowStrongest)
    {
        private readonly byte[]? colours = pictures.Colours;
        private readonly byte[]? overlay = pictures.Overlay;

        private readonly int _none = band.PlaneCount == 1 ? 0 : scanner._noEdge;        // two classes: the one plane is p(no edge)

        public void Paint(int y0, int i)
        {
            int y = y0 + i, width = image.Width;
            bool thin = scanner._settings.Thin;
            double? threshold = scanner._settings.Threshold;
            float[] scratch = ArrayPool<float>.Shared.Rent(5 * width);
            try
            {
                Span<float> e = scratch.AsSpan(0, width), shown = e;
                EdgeRow(y, e);                                                      // 1 − p(no edge)
                rowEdges[i] = CountAbove(e, 0.5f);
                if (thin || threshold is not null)
                {
                    shown = scratch.AsSpan(width, width);
                    e.CopyTo(shown);
                    if (thin)
                    {
                        Thin(y, e, shown, scratch.AsSpan(2 * width, width), scratch.AsSpan(3 * width, width));
                    }
                    if (threshold is double t)
                    {
                        float cut = (float)t;
                        foreach (ref float v in shown)
                        {
                            v = v > cut ? 1 : 0;
                        }
                    }
                }
                PixelBytes.Convert(shown, map.AsSpan(y * width, width));
                if (colours is not null || overlay is not null)
                {
                    Paint(y, e, shown, scratch.AsSpan(2 * width, 3 * width));
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(scratch);
            }
            rowStrongest[i] = edges is null ? 0 : CompareWithSobel(y, i);
        }

        private void EdgeRow(int y, Span<float> e)
        {
            ReadOnlySpan<float> none = band.Planes.AsSpan((_none * band.PlaneLength) + band.Offset(y, 0), e.Length);
            int x = 0;
            for (int lanes = Vector<float>.Count; x + lanes <= e.Length; x += lanes)
            {
                (Vector<float>.One - new Vector<float>(none[x..])).CopyTo(e[x..]);
            }
            for (; x < e.Length; x++)
            {
                e[x] = 1f - none[x];
            }
        }

        private static int CountAbove(ReadOnlySpan<float> values, float cut)
        {
            int count = 0, x = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var cuts = new Vector<float>(cut);
                Vector<int> counts = Vector<int>.Zero;
                for (; x + Vector<float>.Count <= values.Length; x += Vector<float>.Count)
                {
                    counts -= Vector.GreaterThan(new Vector<float>(values[x..]), cuts);     // true is −1 in every bit
                }
                count = Vector.Sum(counts);
            }
            for (; x < values.Length; x++)
            {
                count += values[x] > cut ? 1 : 0;
            }
            return count;
        }

        // Non-maximum suppression across the edge: a pixel stays where p(edge) is above its neighbour before and at
        // least the one after (so a plateau two pixels wide keeps its first pixel); outside the photo p(edge) is 0.
        private void Thin(int y, ReadOnlySpan<float> e, Span<float> shown, Span<float> above, Span<float> below)
        {
            int width = e.Length;
            bool oriented = scanner._classes > 2;
            if (oriented)
            {
                Neighbour(y - 1, above);
                Neighbour(y + 1, below);
            }
            for (int x = 0; x < width; x++)
            {
                bool peak = oriented && scanner._acrossIsVertical[MostLikelyEdgeClass(x, y)]
                    ? e[x] > above[x] && e[x] >= below[x]
                    : e[x] > (x > 0 ? e[x - 1] : 0) && e[x] >= (x + 1 < width ? e[x + 1] : 0);
                if (!peak)
                {
                    shown[x] = 0;                                                   // not the ridge across the edge
                }
            }
        }

        private void Neighbour(int y, Span<float> row)
        {
            if ((uint)y >= (uint)image.Height)
            {
                row.Clear();
                return;
            }
            EdgeRow(y, row);
        }

        private int MostLikelyEdgeClass(int x, int y)
        {
            int best = -1, offset = band.Offset(y, x);
            for (int k = 0; k < scanner._classes; k++)
            {
                if (k != scanner._noEdge && (best < 0 || band.Planes[(k * band.PlaneLength) + offset] > band.Planes[(best * band.PlaneLength) + offset]))
                {
                    best = k;
                }
            }
            return best;
        }

        // Colour = Σ p(k)·colour(k), times shown / e; overlay = (1 − shown)·photo/2 + colour (the hue at opacity shown).
        private void Paint(int y, ReadOnlySpan<float> e, ReadOnlySpan<float> shown, Span<float> rgb)
        {
            int width = e.Length;
            Span<float> red = rgb[..width], green = rgb.Slice(width, width), blue = rgb.Slice(2 * width, width);
            float[] palette = scanner._palette;
            if (scanner._oriented)
            {
                red.Clear();
                green.Clear();
                blue.Clear();
                for (int k = 0; k < scanner._classes; k++)
                {
                    if (k != scanner._noEdge)
                    {
                        ReadOnlySpan<float> p = band.Planes.AsSpan((k * band.PlaneLength) + band.Offset(y, 0), width);
                        AddScaled(p, palette[3 * k], red);
                        AddScaled(p, palette[(3 * k) + 1], green);
                        AddScaled(p, palette[(3 * k) + 2], blue);
                    }
                }
            }
            else
            {
                for (int x = 0; x < width; x++)
                {
                    (red[x], green[x], blue[x]) = (e[x] * palette[0], e[x] * palette[1], e[x] * palette[2]);
                }
            }
            if (shown != e)
            {
                for (int x = 0; x < width; x++)
                {
                    float scale = e[x] > 0 ? shown[x] / e[x] : 0;
                    (red[x], green[x], blue[x]) = (red[x] * scale, green[x] * scale, blue[x] * scale);
                }
            }
            byte[] bytes = ArrayPool<byte>.Shared.Rent(3 * width);
            try
            {
                Span<byte> r = bytes.AsSpan(0, width), g = bytes.AsSpan(width, width), b = bytes.AsSpan(2 * width, width);
                int channels = pictures.Channels, row = channels * (y - pictures.FirstRow) * width;
                if (colours is not null)
                {
                    Interleave(red, green, blue, r, g, b, colours.AsSpan(row, channels * width));
                }
                if (overlay is not null)
                {
                    ReadOnlySpan<byte> photo = image.Row(y);
                    for (int x = 0; x < width; x++)
                    {
                        float background = photo[x] * (0.5f / 255f) * (1 - shown[x]);
                        (red[x], green[x], blue[x]) = (red[x] + background, green[x] + background, blue[x] + background);
                    }
                    Interleave(red, green, blue, r, g, b, overlay.AsSpan(row, channels * width));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }

        private static void AddScaled(ReadOnlySpan<float> p, float weight, Span<float> sum)
        {
            int x = 0;
            for (int lanes = Vector<float>.Count; x + lanes <= p.Length; x += lanes)
            {
                (new Vector<float>(sum[x..]) + (new Vector<float>(p[x..]) * weight)).CopyTo(sum[x..]);
            }
            for (; x < p.Length; x++)
            {
                sum[x] += p[x] * weight;
            }
        }

        // RGBA or RGB, as the target's length says.
        private static void Interleave(ReadOnlySpan<float> red, ReadOnlySpan<float> green, ReadOnlySpan<float> blue, Span<byte> r, Span<byte> g, Span<byte> b, Span<byte> target)
        {
            PixelBytes.Convert(red, r);
            PixelBytes.Convert(green, g);
            PixelBytes.Convert(blue, b);
            if (target.Length == 3 * r.Length)
            {
                PixelBytes.InterleaveRgb(r, g, b, target);
            }
            else
            {
                PixelBytes.Interleave(r, g, b, target);
            }
        }

        // Sobel's response beside the network's, for the correlation; returns the row's strongest magnitude.
        private double CompareWithSobel(int y, int i)
        {
            int width = image.Width;
            double strongest = 0;
            ReadOnlySpan<float> none = band.Planes.AsSpan((_none * band.PlaneLength) + band.Offset(y, 0), width);
            for (int x = 0; x < width; x++)
            {
                (int gx, int gy) = Sobel.At(image, x, y);
                double magnitude = Math.Sqrt((gx * gx) + (gy * gy)) / 255;           // √(gx² + gy²), values in [0, 1]
                edges![(i * width) + x] = 1f - none[x];
                sobel![(i * width) + x] = magnitude;
                strongest = Math.Max(strongest, magnitude);
                if (darkToBright is not null)
                {
                    darkToBright[(i * width) + x] = Math.Max(gx, 0) / 255.0;         // max(gx, 0)
                }
            }
            return strongest;
        }
    }
}
