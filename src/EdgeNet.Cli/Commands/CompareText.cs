using System.Globalization;
using EdgeNet.Imaging;
using EdgeNet.Training;

namespace EdgeNet.Cli.Commands;

/// <summary>What <c>edgenet compare</c> prints: aligned tables of accuracies and of the scans.</summary>
internal static class CompareText
{
    public static void PrintAccuracy(TextWriter output, GeneralisationReport report)
    {
        output.WriteLine();
        output.WriteLine($"Held-out varied data: {report.VariedDescription}");
        output.WriteLine($"Tutorial data:        {report.TutorialDescription}");
        output.WriteLine();
        int kindWidth = Math.Max(30, report.ByKind.Max(k => $"  {k.Kind} ({k.Count})".Length) + 2);
        string header = "".PadRight(kindWidth) + string.Concat(report.ModelNames.Select(n => n.PadLeft(18)));
        output.WriteLine(header);
        output.WriteLine("Accuracy on held-out varied".PadRight(kindWidth) + string.Concat(report.Varied.Select(e => Percent(e.Accuracy).PadLeft(18))));
        output.WriteLine("Accuracy on tutorial data".PadRight(kindWidth) + string.Concat(report.Tutorial.Select(e => Percent(e.Accuracy).PadLeft(18))));
        output.WriteLine("Loss on held-out varied".PadRight(kindWidth) + string.Concat(report.Varied.Select(e => e.Loss.ToString("F4", CultureInfo.InvariantCulture).PadLeft(18))));
        output.WriteLine();
        output.WriteLine("Held-out varied, by what the patch shows (label: Edge only for the vertical dark→bright step):");
        foreach (KindAccuracy kind in report.ByKind)
        {
            string name = $"  {kind.Kind} ({kind.Count})";
            output.WriteLine(name.PadRight(kindWidth) + string.Concat(kind.Correct.Select((_, m) => Percent(kind.Accuracy(m)).PadLeft(18))));
        }
    }

    public static void PrintScans(TextWriter output, string imageName, IReadOnlyList<(string Name, EdgeScanResult Result, string MapPath)> scans)
    {
        output.WriteLine();
        output.WriteLine($"Scanning {imageName} ({scans[0].Result.Image.Width}×{scans[0].Result.Image.Height}) with both models:");
        foreach ((string name, EdgeScanResult result, string path) in scans)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {name,-18} edge pixels {100 * result.EdgeFraction(),5:F1}%   r with Sobel {R(result.Correlation)}   r with max(gx, 0) {R(result.DarkToBrightCorrelation)}   {path}"));
        }
        output.WriteLine($"  Sobel magnitude: {Path.Combine(Path.GetDirectoryName(scans[0].MapPath)!, "sobel.png")}; overlays: <model>.overlay.png");
        output.WriteLine("  (max(gx, 0) is Sobel's answer to the models' own question: dark on the left, bright on the right)");
    }

    private static string R(double? r) => r is double value && !double.IsNaN(value) ? value.ToString("F3", CultureInfo.InvariantCulture) : "undefined";

    private static string Percent(double fraction) => (100 * fraction).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
