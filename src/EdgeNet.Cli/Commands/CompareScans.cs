using EdgeNet.Imaging;
using EdgeNet.Models;

namespace EdgeNet.Cli.Commands;

/// <summary>Scans one image with each model: DIR/&lt;name&gt;.png and .overlay.png per model, and DIR/sobel.png.</summary>
internal static class CompareScans
{
    public static IReadOnlyList<(string Name, EdgeScanResult Result, string MapPath)> Run(IReadOnlyList<(string Name, Model Model)> models, GrayImage photo, string folder)
    {
        foreach ((_, Model model) in models)
        {
            ScanCommand.PatchOf(model, null);                                   // a model that cannot scan: one clear line
        }
        IReadOnlyList<(string Name, EdgeScanResult Result)> results = ModelScans.Run(models, photo, Environment.ProcessorCount);
        var pictures = new List<(string Path, byte[] Png)>();
        foreach ((string name, EdgeScanResult result) in results)
        {
            pictures.Add((Path.Combine(folder, $"{name}.png"), EdgeMapImages.Probability(result.Map)));
            pictures.Add((Path.Combine(folder, $"{name}.overlay.png"), EdgeMapImages.Overlay(photo, result.Map)));
        }
        double[] sobel = results[0].Result.Sobel;
        pictures.Add((Path.Combine(folder, "sobel.png"), EdgeMapImages.Gray(sobel, photo.Width, photo.Height, sobel.Max())));
        foreach ((string path, byte[] png) in pictures)
        {
            PngFile.Write(path, png);
        }
        return [.. results.Select(r => (r.Name, r.Result, Path.Combine(folder, $"{r.Name}.png")))];
    }
}
