using System.Globalization;
using EdgeNet.Cli.Output;
using EdgeNet.Imaging;
using EdgeNet.Models;

namespace EdgeNet.Cli.Commands;

/// <summary>What <c>edgenet scan</c> prints.</summary>
internal static class ScanText
{
    public static void Print(TextWriter output, string imageName, string modelName, Model model, int patch, EdgeScanResult result, TimeSpan elapsed, IReadOnlyList<(string Path, string What)> written)
    {
        var map = result.Map;
        string none = map.ClassNames[map.NoEdgeClass];
        long pixels = (long)map.Width * map.Height;
        output.WriteLine(Invariant($"Scanned {imageName} ({map.Width}×{map.Height}) with {modelName} ({NetworkText.Shape(model.Network)}): {pixels:N0} windows of {patch}×{patch}, stride 1, in {elapsed.TotalSeconds:F2} s"));
        output.WriteLine($"Border: a window reaching past the image repeats the nearest pixel inside, so the map is {map.Width}×{map.Height} like the image.");
        output.WriteLine(Invariant($"Edge pixels (1 − p({none}) > 0.5): {100 * result.EdgeFraction():F1}%"));
        output.WriteLine(double.IsNaN(result.Correlation)
            ? "Correlation with Sobel: undefined (one of the maps is flat)"
            : Invariant($"Correlation with Sobel: r = {result.Correlation:F3} (Pearson, 1 − p({none}) against √(gx² + gy²) over all pixels)"));
        if (result.DarkToBrightCorrelation is double directional)
        {
            output.WriteLine(double.IsNaN(directional)
                ? "Correlation with Sobel's max(gx, 0): undefined (one of the maps is flat)"
                : Invariant($"Correlation with Sobel's max(gx, 0), the same question (dark left, bright right): r = {directional:F3}"));
        }
        if (EdgeColors.HasOrientations(map.ClassNames))
        {
            var legend = Enumerable.Range(0, map.Classes).Where(k => k != map.NoEdgeClass).Select(k => $"{EdgeColors.NameOf(k, map.NoEdgeClass)} = {map.ClassNames[k]}");
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
