using EdgeNet.Cli.Output;
using EdgeNet.Imaging;

namespace EdgeNet.Cli.Commands;

/// <summary>
/// The files of one scan, planned and checked before any work: the map (--out), NAME.sobel.png beside it,
/// NAME.probability.png for orientation maps, NAME.overlay.png with --overlay, the raw numbers with --raw.
/// Everything is encoded in memory first and each file is written whole (temporary file, then rename).
/// </summary>
internal sealed record ScanFiles(string Map, string Sobel, string Probability, string? Overlay, string? Raw)
{
    public static ScanFiles Plan(FileInfo output, bool overlay, FileInfo? raw, FileInfo image, FileInfo model)
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
        string sobel = plan.Output(stem + ".sobel.png", "--out (its Sobel map)");
        string probability = plan.Output(stem + ".probability.png", "--out (its probability map)");
        string? overlayPath = overlay ? plan.Output(stem + ".overlay.png", "--overlay") : null;
        string? rawPath = plan.Output(raw, "--raw");
        return new ScanFiles(map, sobel, probability, overlayPath, rawPath);
    }

    /// <summary>Decodes the image; a too-large image is refused with the option that raises the limit.</summary>
    public static GrayImage Decode(FileInfo image, long maxPixels)
    {
        try
        {
            return ImageDecoder.Decode(image.FullName, maxPixels);
        }
        catch (ImageTooLargeException e)
        {
            long pixels = (long)e.Width * e.Height;
            throw new InvalidDataException(pixels > Limits.MaxPixels
                ? $"{e.Message} edgenet scans at most {Limits.Count(Limits.MaxPixels)} pixels: make the image smaller."
                : $"{e.Message} Raise the limit with --max-pixels {pixels}.");
        }
    }

    /// <summary>Encodes every picture, then writes each file; returns what was written.</summary>
    public IReadOnlyList<(string Path, string What)> Write(EdgeScanResult result)
    {
        bool oriented = EdgeColors.HasOrientations(result.Map.ClassNames);
        string none = result.Map.ClassNames[result.Map.NoEdgeClass];
        var pictures = new List<(string Path, byte[] Png, string What)>
        {
            oriented
                ? (Map, EdgeMapImages.Orientation(result.Map), $"orientation colours, brightness 1 − p({none})")
                : (Map, EdgeMapImages.Probability(result.Map), $"1 − p({none}): white where an edge is likely"),
        };
        if (oriented)
        {
            pictures.Add((Probability, EdgeMapImages.Probability(result.Map), $"1 − p({none}) in gray"));
        }
        double strongest = result.Sobel.Length == 0 ? 0 : result.Sobel.Max();
        pictures.Add((Sobel, EdgeMapImages.Gray(result.Sobel, result.Image.Width, result.Image.Height, strongest), "Sobel magnitude, strongest response white"));
        if (Overlay is not null)
        {
            pictures.Add((Overlay, EdgeMapImages.Overlay(result.Image, result.Map), "the edges over the photo"));
        }
        var written = new List<(string Path, string What)>();
        if (Raw is not null)
        {
            RawMapFile.Write(Raw, result.Map);
            written.Add((Raw, Raw.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) ? $"every class probability, planes {result.Map.Classes}×{result.Map.Height}×{result.Map.Width}" : "every class probability, one line a pixel"));
        }
        foreach ((string path, byte[] png, string what) in pictures)
        {
            PngFile.Write(path, png);
            written.Add((path, what));
        }
        return written;
    }
}
