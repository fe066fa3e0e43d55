using EdgeNet.Cli.Output;
using EdgeNet.Imaging;

namespace EdgeNet.Cli.Commands;

/// <summary>
/// The files of one scanned image, planned before any work: the map, and beside it, as asked, NAME.probability.png
/// (with --probability, for orientation models), NAME.sobel.png with --sobel, NAME.overlay.png with --overlay, the raw
/// numbers with --raw.
/// Each picture is encoded in memory and written whole (temporary file, then rename), one at a time.
/// </summary>
internal sealed record ScanFiles(string Map, string? Probability, string? Sobel, string? Overlay, string? Raw)
{
    /// <summary>Single-image mode: the map at --out, the others named after it; all checked against the inputs and each other.</summary>
    public static ScanFiles Plan(FileInfo output, ScanOutputs outputs, FileInfo? raw, FileInfo image, FileInfo model)
    {
        if (!output.FullName.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--out must name a .png file (got {EdgeNet.IO.UserText.Quote(output.Name)}).");
        }
        if (raw is not null && !(raw.FullName.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) || raw.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
        {
            throw new UsageException($"--raw must name a .npy or .csv file (got {EdgeNet.IO.UserText.Quote(raw.Name)}).");
        }
        // Every file this scan may write, checked before the model is even loaded: none is an input, none repeats.
        var plan = new OutputPlan();
        plan.Input(image, "IMAGE");
        plan.Input(model, "--model");
        string map = plan.Output(output, "--out")!;
        string stem = map[..^".png".Length];
        string? probability = outputs.Probability ? plan.Output(stem + ".probability.png", "--probability") : null;
        string? sobel = outputs.Sobel ? plan.Output(stem + ".sobel.png", "--sobel") : null;
        string? overlayPath = outputs.Overlay ? plan.Output(stem + ".overlay.png", "--overlay") : null;
        string? rawPath = plan.Output(raw, "--raw");
        return new ScanFiles(map, probability, sobel, overlayPath, rawPath);
    }

    /// <summary>Folder mode: DIR/NAME.edges.png and, as asked, DIR/NAME.probability.png, .sobel.png, .overlay.png.</summary>
    public static ScanFiles InFolder(string folder, string name, ScanOutputs outputs)
    {
        string stem = Path.Combine(folder, name);
        return new ScanFiles(stem + ".edges.png", outputs.Probability ? stem + ".probability.png" : null, outputs.Sobel ? stem + ".sobel.png" : null, outputs.Overlay ? stem + ".overlay.png" : null, null);
    }

    /// <summary>Every path this plan may write (the probability map only for orientation models, whose map is in colour).</summary>
    public IEnumerable<string> All => new[] { Map, Probability, Sobel, Overlay, Raw }.OfType<string>();

    /// <summary>Decodes the image; a too-large image is refused with the option that raises the limit.</summary>
    public static GrayImage Decode(FileInfo image, long maxPixels)
    {
        try
        {
            return ImageDecoder.Decode(image.FullName, maxPixels);
        }
        catch (ImageTooLargeException e)
        {
            throw TooLarge(e);
        }
    }

    /// <summary>Starts decoding the image on a worker thread (header checked now).</summary>
    public static GrayDecoding Start(string image, long maxPixels, ScanTimings? timings)
    {
        try
        {
            return ImageDecoder.StartBytes(image, maxPixels, timings);
        }
        catch (ImageTooLargeException e)
        {
            throw TooLarge(e);
        }
    }

    /// <summary>Encodes every picture and writes each file, one at a time; returns what was written.</summary>
    public IReadOnlyList<(string Path, string What)> Write(ScanPictures pictures, ScanTimings? timings)
    {
        string none = pictures.ClassNames[pictures.NoEdgeClass];
        var written = new List<(string Path, string What)>();
        if (pictures.Colours is not null || pictures.ColoursPng is not null)
        {
            Save(Map, pictures.ColoursPng ?? PngFile.EncodeRgba(pictures.Colours!, pictures.Width, pictures.Height, timings), $"orientation colours, brightness 1 − p({none})");
            if (Probability is not null)
            {
                Save(Probability, PngFile.EncodeGray(pictures.Map, pictures.Width, pictures.Height, timings), $"1 − p({none}) in gray");
            }
        }
        else
        {
            Save(Map, PngFile.EncodeGray(pictures.Map, pictures.Width, pictures.Height, timings), $"1 − p({none}): white where an edge is likely");
        }
        if (Sobel is not null && pictures.Sobel is { } sobel)
        {
            Save(Sobel, PngFile.EncodeGray(Imaging.Sobel.Picture(pictures.Image, sobel.Strongest), pictures.Width, pictures.Height, timings), "Sobel magnitude, strongest response white");
        }
        if (Overlay is not null && (pictures.OverlayPng is not null || pictures.Overlay is not null))
        {
            Save(Overlay, pictures.OverlayPng ?? PngFile.EncodeRgba(pictures.Overlay!, pictures.Width, pictures.Height, timings), "the edges over the photo");
        }
        return written;

        void Save(string path, byte[] png, string what)
        {
            PngFile.Write(path, png, timings);
            written.Add((path, what));
        }
    }

    private static InvalidDataException TooLarge(ImageTooLargeException e)
    {
        long pixels = (long)e.Width * e.Height;
        return new(pixels > Limits.MaxPixels
            ? $"{e.Message} edgenet scans at most {Limits.Count(Limits.MaxPixels)} pixels: make the image smaller."
            : $"{e.Message} Raise the limit with --max-pixels {pixels}.");
    }
}

/// <summary>The pictures asked for besides the map, how the map is drawn, and where the time goes (with --timings).</summary>
internal sealed record ScanOutputs(bool Sobel, bool Overlay, bool Thin, double? Threshold, ScanTimings? Timings = null, bool Probability = false)
{
    public ScanSettings Settings(int threads) => new() { Sobel = Sobel, Overlay = Overlay, Thin = Thin, Threshold = Threshold, Threads = threads, EncodePictures = true, Timings = Timings };
}
