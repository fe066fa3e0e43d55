using System.CommandLine;
using System.Diagnostics;
using EdgeNet.Cli.Output;
using EdgeNet.Imaging;
using EdgeNet.Models;

namespace EdgeNet.Cli.Commands;

/// <summary>
/// <c>edgenet scan</c>: runs a model over every window of a PNG or JPEG and writes the edge map, the Sobel map
/// beside it, and optionally an overlay and the raw numbers; prints how well the two maps agree.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(CliContext context)
    {
        var model = ModelOption.Create(required: true);
        var image = new Argument<FileInfo>("IMAGE") { Description = "The photo to scan: PNG or JPEG." };
        var output = new Option<FileInfo>("--out") { HelpName = "EDGES.png", Description = "The edge map to write (.png); the Sobel map goes beside it as NAME.sobel.png.", Required = true };
        var overlay = new Option<bool>("--overlay") { Description = "Also write NAME.overlay.png: the edges drawn over the photo." };
        var raw = new Option<FileInfo?>("--raw") { HelpName = "FILE.npy|FILE.csv", Description = "Also write every class probability of every pixel: .npy (float64, one plane per class: classes×height×width) or .csv (a line per pixel)." };
        var maxPixels = new Option<long>("--max-pixels") { HelpName = "N", Description = "Refuse images with more pixels than this.", DefaultValueFactory = _ => ImageDecoder.DefaultMaxPixels };
        var patch = new Option<int?>("--patch") { HelpName = "N", Description = "Patch size to scan with; must be the model's (default: the model's)." };
        var command = new Command("scan", "Scan a photo into an edge map, with Sobel's beside it.") { model, image, output, overlay, raw, maxPixels, patch };
        command.SetAction(parse => EdgeNetCli.Guard(context, () =>
        {
            var request = new ScanRequest(
                parse.GetValue(model)!,
                parse.GetValue(image)!,
                ScanFiles.Plan(parse.GetValue(output)!, parse.GetValue(overlay), parse.GetValue(raw), parse.GetValue(image)!, parse.GetValue(model)!),
                parse.GetValue(maxPixels),
                parse.GetValue(patch));
            return Run(context, request);
        }));
        return command;
    }

    private static int Run(CliContext context, ScanRequest request)
    {
        if (request.MaxPixels < 1)
        {
            throw new UsageException($"--max-pixels must be at least 1 (got {request.MaxPixels}).");
        }
        Model loaded = ModelOption.Load(request.Model);
        int patch = PatchOf(loaded, request.Patch);
        GrayImage photo = ScanFiles.Decode(request.Image, request.MaxPixels);

        var clock = Stopwatch.StartNew();
        EdgeScanResult result = EdgeScan.Run(loaded.Network, loaded.ClassNames, photo, patch, Environment.ProcessorCount);
        clock.Stop();
        IReadOnlyList<(string Path, string What)> written = request.Files.Write(result);
        ScanText.Print(context.Out, request.Image.Name, request.Model.Name, loaded, patch, result, clock.Elapsed, written);
        return ExitCodes.Success;
    }

    /// <summary>The model's patch side; a different <c>--patch</c> or a non-square model is refused.</summary>
    public static int PatchOf(Model model, int? requested)
    {
        int side = model.PatchSize
            ?? throw new UsageException($"The model reads {model.Network.Inputs} values, not a square patch, so it cannot scan an image.");
        if (side % 2 == 0)
        {
            throw new UsageException($"The model reads {side}×{side} patches; scanning needs an odd size so that each window has a centre pixel.");
        }
        if (requested is int asked && asked != side)
        {
            throw new UsageException($"--patch {asked} does not match the model, which reads {side}×{side} patches ({model.Network.Inputs} inputs).");
        }
        return side;
    }

    private sealed record ScanRequest(FileInfo Model, FileInfo Image, ScanFiles Files, long MaxPixels, int? Patch);
}
