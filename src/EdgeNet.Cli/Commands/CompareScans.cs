using EdgeNet.Imaging;
using EdgeNet.Models;

namespace EdgeNet.Cli.Commands;

/// <summary>Scans one image with each model: DIR/&lt;name&gt;.png and .overlay.png per model, and DIR/sobel.png.</summary>
internal static class CompareScans
{
    public static IReadOnlyList<(string Name, EdgeScanResult Result, string MapPath)> Run(IReadOnlyList<(string Name, Model Model)> models, GrayImage photo, string folder)
    {
        var results = models
            .Select(m => (m.Name, Result: EdgeScan.Run(m.Model.Network, m.Model.ClassNames, photo, ScanCommand.PatchOf(m.Model, null), Environment.ProcessorCount)))
            .ToList();
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
