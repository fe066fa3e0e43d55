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

    /// <summary>
    /// <c>--timings</c>: per stage, the wall time of the thread that runs (or waits for) it and the CPU time of every
    /// thread that worked on it, with their shares of the command's wall and of the process's CPU over the same span.
    /// </summary>
    public static void PrintTimings(TextWriter output, ScanTimings timings, int photos, long pixels, TimeSpan wall, TimeSpan cpu)
    {
        output.WriteLine(Invariant($"Timings: {photos} photo{(photos == 1 ? "" : "s")}, {pixels / 1e6:F1} MP, {Environment.ProcessorCount} processors; the network in float32 on {Kernels()}"));
        (string Name, ScanStage Stage)[] stages =
        [
            ("read files", ScanStage.Read),
            ("decode", ScanStage.Decode),
            ("gray conversion", ScanStage.Gray),
            ("network", ScanStage.Network),
            ("thinning and painting", ScanStage.Paint),
            ("encoding (PNG)", ScanStage.Encode),
            ("writing", ScanStage.Write),
        ];
        output.WriteLine("  stage                         wall   % wall        CPU    % CPU");
        TimeSpan counted = TimeSpan.Zero;
        foreach ((string name, ScanStage stage) in stages)
        {
            TimeSpan stageCpu = timings.Cpu(stage);
            counted += stageCpu;
            output.WriteLine(Invariant($"  {name,-24} {timings.Wall(stage).TotalSeconds,8:F3} s {Share(timings.Wall(stage), wall),7:F1}% {stageCpu.TotalSeconds,8:F3} s {Share(stageCpu, cpu),7:F1}%"));
        }
        TimeSpan waiting = timings.Wall(ScanStage.WaitForDecoder), other = cpu - counted;
        output.WriteLine(Invariant($"  {"waiting for the decoder",-24} {waiting.TotalSeconds,8:F3} s {Share(waiting, wall),7:F1}%"));
        output.WriteLine(Invariant($"  {"other (runtime, GC...)",-24} {"",10} {"",8} {Math.Max(0, other.TotalSeconds),8:F3} s {Share(other, cpu),7:F1}%"));
        output.WriteLine(Invariant($"  {"all",-24} {wall.TotalSeconds,8:F3} s {100.0,7:F1}% {cpu.TotalSeconds,8:F3} s {100.0,7:F1}%   (CPU: the process's user + sys)"));
        output.WriteLine(ScanTimings.ThreadCpuAvailable
            ? "Wall: on the thread that runs or waits for each stage; decoding runs beside the network (and in folders the last photo's encoding beside the next one's scan), so walls overlap. CPU: each thread's own clock, every thread that worked on the stage."
            : "Wall: on the thread that runs or waits for each stage; walls overlap. CPU per stage: this platform gives no thread CPU times.");
    }

    /// <summary>The vectors the scan kernels run on (<c>DOTNET_EnableAVX512F=0</c> gives 256-bit ones on AVX-512 machines).</summary>
    public static string Kernels() => EdgeNet.Inference.PatchScanner.VectorBits switch
    {
        0 => "no vector FMA: the reference loops",
        512 => "512-bit vectors (AVX-512, FMA)",
        256 when System.Runtime.Intrinsics.X86.Avx2.IsSupported => "256-bit vectors (AVX2, FMA)",
        int bits => Invariant($"{bits}-bit vectors (FMA)"),
    };

    private static double Share(TimeSpan part, TimeSpan whole) => whole > TimeSpan.Zero ? Math.Max(0, 100 * part / whole) : 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
