using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EdgeNet.Inference;
using EdgeNet.Cli.Output;
using EdgeNet.IO;
using EdgeNet.Imaging;
using EdgeNet.Models;

namespace EdgeNet.Cli.Commands;

/// <summary>
/// <c>edgenet scan</c>: runs a model over every window of a PNG or JPEG (in float32, on every processor, in bands
/// of rows) and writes the edge map; on request Sobel's map and the correlation, an overlay, the raw numbers, a
/// thinned or black-and-white map. With <c>--out-dir</c>, scans many files and folders.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(CliContext context)
    {
        var model = ModelOption.Create(required: true);
        var images = new Argument<string[]>("PATH") { Description = "The photo to scan (PNG or JPEG); with --out-dir, any number of photos and folders.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo?>("--out") { HelpName = "EDGES.png", Description = "The edge map to write (.png), for one photo; other pictures go beside it (NAME.sobel.png, ...)." };
        var outDir = new Option<DirectoryInfo?>("--out-dir") { HelpName = "DIR", Description = "Scan every PATH (files, and the PNG and JPEG files of folders) into DIR/NAME.edges.png, ... (created if missing)." };
        var recursive = new Option<bool>("--recursive") { Description = "With --out-dir: also the photos in subfolders (their maps go in the same subfolders of DIR)." };
        var sobel = new Option<bool>("--sobel") { Description = "Also write NAME.sobel.png (Sobel's map) and print how well the two maps agree." };
        var overlay = new Option<bool>("--overlay") { Description = "Also write NAME.overlay.png: the edges drawn over the photo." };
        var thin = new Option<bool>("--thin") { Description = "Thin the edges to 1-pixel lines: keep a pixel only where p(edge) peaks across the edge (left/right; above/below for horizontal edges of orientation models)." };
        var threshold = new Option<double?>("--threshold") { HelpName = "P", Description = "Draw a black-and-white map: white where p(edge) > P (0 ≤ P < 1)." };
        var raw = new Option<FileInfo?>("--raw") { HelpName = "FILE.npy|FILE.csv", Description = "Also write every class probability of every pixel (one photo only): .npy (float64, one plane per class: classes×height×width) or .csv (a line per pixel)." };
        var maxPixels = new Option<long>("--max-pixels") { HelpName = "N", Description = "Refuse images with more pixels than this.", DefaultValueFactory = _ => ImageDecoder.DefaultMaxPixels };
        var patch = new Option<int?>("--patch") { HelpName = "N", Description = "Patch size to scan with; must be the model's (default: the model's)." };
        var probability = new Option<bool>("--probability") { Description = "Also write NAME.probability.png: 1 − p(no edge) in gray, for orientation models (whose map is in colour; a two-class model's map is already that)." };
        var timings = new Option<bool>("--timings") { Description = "After the summary, print where the time went: wall and CPU time of reading, decoding, gray conversion, the network, thinning and painting, encoding and writing." };
        var command = new Command("scan", "Scan a photo (or folders of photos) into edge maps.") { model, images, output, outDir, recursive, sobel, overlay, probability, thin, threshold, raw, maxPixels, patch, timings };
        command.SetAction(parse => EdgeNetCli.Guard(context, () =>
        {
            double? cut = parse.GetValue(threshold);
            if (cut is double t && !(t is >= 0 and < 1))
            {
                throw new UsageException($"--threshold must be at least 0 and below 1 (got {t.ToString(CultureInfo.InvariantCulture)}).");
            }
            var outputs = new ScanOutputs(parse.GetValue(sobel), parse.GetValue(overlay), parse.GetValue(thin), cut, parse.GetValue(timings) ? new ScanTimings() : null, parse.GetValue(probability));
            long limit = parse.GetValue(maxPixels);
            if (limit < 1)
            {
                throw new UsageException($"--max-pixels must be at least 1 (got {limit}).");
            }
            string[] paths = parse.GetValue(images)!;
            FileInfo? file = parse.GetValue(output);
            DirectoryInfo? folder = parse.GetValue(outDir);
            if (folder is not null)
            {
                if (file is not null || parse.GetValue(raw) is not null)
                {
                    throw new UsageException($"{(file is not null ? "--out" : "--raw")} names one file; with --out-dir every photo gets its own files.");
                }
                var batch = new ScanFolder.Request(parse.GetValue(model)!, paths, folder, parse.GetValue(recursive), outputs, limit, parse.GetValue(patch));
                return ScanFolder.Run(context, batch);
            }
            if (file is null)
            {
                throw new UsageException("Say where the map goes: --out EDGES.png for one photo, or --out-dir DIR for many.");
            }
            if (paths.Length != 1 || parse.GetValue(recursive))
            {
                throw new UsageException(paths.Length != 1
                    ? $"--out writes the map of one photo, but {paths.Length} paths were given; use --out-dir DIR for many."
                    : "--recursive goes with --out-dir.");
            }
            var request = new ScanRequest(parse.GetValue(model)!, new FileInfo(paths[0]), ScanFiles.Plan(file, outputs, parse.GetValue(raw), new FileInfo(paths[0]), parse.GetValue(model)!), outputs, limit, parse.GetValue(patch));
            return Run(context, request);
        }));
        return command;
    }

    private static int Run(CliContext context, ScanRequest request)
    {
        Model loaded = ModelOption.Load(request.Model);
        int patch = PatchOf(loaded, request.Patch);
        if (request.Files.All.Any(path => string.Equals(path, request.Image.FullName, StringComparison.Ordinal)))
        {
            throw new UsageException($"The output would replace the photo '{request.Image.FullName}'; choose another --out.");
        }
        InputFile.Check(request.Image.FullName, Limits.MaxImageFileBytes, "Image file");    // a folder or a loop of links says so
        var scanner = new PhotoScanner(loaded.Network, loaded.ClassNames, patch, request.Outputs.Settings(Environment.ProcessorCount));
        var clock = Stopwatch.StartNew();
        TimeSpan cpuBefore = Environment.CpuUsage.TotalTime;
        using GrayDecoding decoding = ScanFiles.Start(request.Image.FullName, request.MaxPixels, request.Outputs.Timings);
        ScanPictures pictures;
        using (RawMapStream? raw = request.Files.Raw is null ? null : RawMapStream.Create(request.Files.Raw, decoding.Image.Width, decoding.Image.Height, loaded.ClassNames))
        {
            pictures = scanner.Scan(decoding, raw);
            raw?.Commit();
        }
        clock.Stop();
        var written = new List<(string Path, string What)>();
        if (request.Files.Raw is not null)
        {
            written.Add((request.Files.Raw, request.Files.Raw.EndsWith(".npy", StringComparison.OrdinalIgnoreCase)
                ? $"every class probability, planes {loaded.ClassNames.Count}×{pictures.Height}×{pictures.Width}"
                : "every class probability, one line a pixel"));
        }
        written.AddRange(request.Files.Write(pictures, request.Outputs.Timings));
        TimeSpan wall = clock.Elapsed, cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        ScanText.Print(context.Out, request.Image.Name, request.Model.Name, loaded, patch, pictures, request.Outputs, clock.Elapsed, written);
        if (request.Outputs.Timings is { } timings)
        {
            ScanText.PrintTimings(context.Out, timings, 1, pictures.Image.PixelCount, wall, cpu);
        }
        return ExitCodes.Success;
    }

    /// <summary>The model's patch side; a different <c>--patch</c> or a non-square model is refused.</summary>
    public static int PatchOf(Model model, int? requested)
    {
        int side = model.PatchSize
            ?? throw new UsageException($"The model reads {model.Network.Inputs} values, not a square patch, so it cannot scan an image.");
        if (!ScanPatch.HasCentre(side))
        {
            throw new UsageException($"The model reads {side}×{side} patches; scanning needs an odd size so that each window has a centre pixel.");
        }
        if (requested is int asked && asked != side)
        {
            throw new UsageException($"--patch {asked} does not match the model, which reads {side}×{side} patches ({model.Network.Inputs} inputs).");
        }
        return side;
    }

    private sealed record ScanRequest(FileInfo Model, FileInfo Image, ScanFiles Files, ScanOutputs Outputs, long MaxPixels, int? Patch);
}
