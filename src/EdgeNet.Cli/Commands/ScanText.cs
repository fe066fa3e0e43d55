using System.Globalization;
using EdgeNet.Cli.Output;
using EdgeNet.Imaging;
using EdgeNet.Models;

namespace EdgeNet.Cli.Commands;

/// <summary>What <c>edgenet scan</c> prints for one photo.</summary>
internal static class ScanText
{
    public static void Print(TextWriter output, string imageName, string modelName, Model model, int patch, ScanPictures pictures, ScanOutputs outputs, TimeSpan elapsed, IReadOnlyList<(string Path, string What)> written)
    {
        string none = pictures.ClassNames[pictures.NoEdgeClass];
        long pixels = pictures.Image.PixelCount;
        output.WriteLine(Invariant($"Scanned {imageName} ({pictures.Width}×{pictures.Height}) with {modelName} ({NetworkText.Shape(model.Network)}): {pixels:N0} windows of {patch}×{patch}, stride 1, decoded and scanned in {elapsed.TotalSeconds:F2} s (float32)"));
        output.WriteLine($"Border: a window reaching past the image repeats the nearest pixel inside, so the map is {pictures.Width}×{pictures.Height} like the image.");
        output.WriteLine(Invariant($"Edge pixels (1 − p({none}) > 0.5): {100 * pictures.EdgeFraction:F1}%"));
        if (outputs.Thin)
        {
            output.WriteLine(EdgeColors.HasOrientations(pictures.ClassNames)
                ? "Thinned: a pixel is kept where p(edge) peaks across its most likely orientation (left/right for vertical edges, above/below for horizontal ones)."
                : "Thinned: a pixel is kept where p(edge) peaks from left to right.");
        }
        if (outputs.Threshold is double t)
        {
            output.WriteLine(Invariant($"Black and white: an edge where 1 − p({none}) > {t}."));
        }
        if (pictures.Sobel is { } sobel)
        {
            output.WriteLine(double.IsNaN(sobel.Correlation)
                ? "Correlation with Sobel: undefined (one of the maps is flat)"
                : Invariant($"Correlation with Sobel: r = {sobel.Correlation:F3} (Pearson, 1 − p({none}) against √(gx² + gy²) over all pixels)"));
            if (sobel.DarkToBrightCorrelation is double directional)
            {
                output.WriteLine(double.IsNaN(directional)
                    ? "Correlation with Sobel's max(gx, 0): undefined (one of the maps is flat)"
                    : Invariant($"Correlation with Sobel's max(gx, 0), the same question (dark left, bright right): r = {directional:F3}"));
            }
        }
        if (pictures.Colours is not null || pictures.ColoursPng is not null)
        {
            var legend = Enumerable.Range(0, pictures.ClassNames.Count).Where(k => k != pictures.NoEdgeClass).Select(k => $"{EdgeColors.NameOf(k, pictures.NoEdgeClass)} = {pictures.ClassNames[k]}");
            output.WriteLine($"Colours: {string.Join(", ", legend)}; black = {none}");
        }
        output.WriteLine("Wrote:");
        int width = written.Max(w => w.Path.Length);
        foreach ((string path, string what) in written)
        {
            output.WriteLine($"  {path.PadRight(width)}  {what}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
