using System.CommandLine;
using System.Globalization;
using System.Text;
using EdgeNet.Boundaries;
using EdgeNet.Cli.Output;
using EdgeNet.Imaging;
using EdgeNet.IO;
using EdgeNet.Plots;
using EdgeNet.Plots.Figures;

namespace EdgeNet.Cli.Commands;

/// <summary>
/// <c>edgenet evaluate</c>: scores boundary maps against true boundaries in the BSDS protocol (ODS, OIS, AP) and
/// draws the precision–recall figure, other detectors' maps beside (<c>--compare NAME=DIR</c>).
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var truth = new Option<DirectoryInfo>("--truth") { HelpName = "DIR", Description = "True boundaries: NAME.png (255 on a boundary pixel, 0 elsewhere); NAME.2.png, NAME.3.png, … for more annotators.", Required = true };
        var maps = new Option<DirectoryInfo>("--maps") { HelpName = "DIR", Description = "The maps to score: NAME.png for each truth (8-bit, 255 = certain boundary).", Required = true };
        var name = new Option<string?>("--name") { HelpName = "NAME", Description = "What to call the --maps detector in the table and figure (default: the folder's name)." };
        var compare = new Option<string[]>("--compare") { HelpName = "NAME=DIR", Description = "Also score another detector's maps, and draw them beside (repeatable).", AllowMultipleArgumentsPerToken = false };
        var thresholds = new Option<int>("--thresholds") { HelpName = "N", Description = $"Thresholds k/(N+1), k = 1 … N, 1 to {BoundaryBenchmark.MaxThresholds}.", DefaultValueFactory = _ => BoundaryBenchmark.DefaultThresholds };
        var tolerance = new Option<double>("--tolerance") { HelpName = "FRACTION", Description = $"Match distance as a fraction of the image's diagonal (above 0, at most {BoundaryBenchmark.MaxTolerance.ToString(CultureInfo.InvariantCulture)}).", DefaultValueFactory = _ => BoundaryBenchmark.DefaultTolerance };
        var figure = new Option<FileInfo?>("--figure") { HelpName = "FILE.png|FILE.svg", Description = "Draw the precision–recall curves (PNG or SVG, by the extension)." };
        var csv = new Option<FileInfo?>("--csv") { HelpName = "FILE.csv", Description = "Write every detector's curve: detector,threshold,recall,precision,f." };
        var command = new Command("evaluate", "Score boundary maps against true boundaries (BSDS protocol: ODS, OIS, AP) and draw precision against recall.")
        {
            truth, maps, name, compare, thresholds, tolerance, figure, csv,
        };
        command.SetAction(parse => EdgeNetCli.Guard(context, () =>
        {
            int levels = parse.GetValue(thresholds);
            double reach = parse.GetValue(tolerance);
            if (levels is < 1 or > BoundaryBenchmark.MaxThresholds)
            {
                throw new UsageException($"--thresholds must be from 1 to {BoundaryBenchmark.MaxThresholds} (got {levels}).");
            }
            if (!double.IsFinite(reach) || reach <= 0 || reach > BoundaryBenchmark.MaxTolerance)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--tolerance must be above 0 and at most {BoundaryBenchmark.MaxTolerance} (got {reach})."));
            }
            string truthFolder = parse.GetValue(truth)!.FullName;
            DirectoryInfo mapsFolder = parse.GetValue(maps)!;
            var detectors = new List<(string Name, string Folder)> { (parse.GetValue(name) ?? mapsFolder.Name, mapsFolder.FullName) };
            foreach (string pair in parse.GetValue(compare) ?? [])
            {
                int eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || eq == pair.Length - 1)
                {
                    throw new UsageException($"--compare takes NAME=DIR (got {UserText.Quote(pair)}).");
                }
                detectors.Add((pair[..eq], Path.GetFullPath(pair[(eq + 1)..])));
            }
            if (detectors.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count() != detectors.Count)
            {
                throw new UsageException("Each detector needs its own name (--name and the NAMEs of --compare).");
            }
            var plan = new OutputPlan();
            string? figurePath = plan.Output(parse.GetValue(figure), "--figure");
            string? csvPath = plan.Output(parse.GetValue(csv), "--csv");
            FigureFormat? format = figurePath is null ? null : Path.GetExtension(figurePath).ToUpperInvariant() switch
            {
                ".PNG" => FigureFormat.Png,
                ".SVG" => FigureFormat.Svg,
                _ => throw new UsageException($"--figure must end in .png or .svg (got {UserText.Quote(Path.GetFileName(figurePath))})."),
            };

            var scored = new List<(string Name, BoundaryScores Scores)>();
            foreach ((string detector, string folder) in detectors)
            {
                IReadOnlyList<BoundaryImage> images = BoundaryFolders.Load(truthFolder, folder);
                scored.Add((detector, BoundaryBenchmark.Evaluate(images, levels, reach, Environment.ProcessorCount)));
            }
            byte[]? figureBytes = format is FigureFormat f
                ? FigureFile.Render(BoundaryCurvesFigure.Create(scored), BoundaryCurvesFigure.Size, f)
                : null;
            plan.CreateFolders();
            if (csvPath is not null)
            {
                AtomicFile.WriteAllText(csvPath, Csv(scored));
            }
            if (figurePath is not null)
            {
                AtomicFile.Write(figurePath, stream => stream.Write(figureBytes));
            }
            context.Out.Write(Table(scored, levels, reach));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Table(IReadOnlyList<(string Name, BoundaryScores Scores)> scored, int levels, double tolerance)
    {
        var text = new StringBuilder();
        int width = Math.Max(8, scored.Max(s => s.Name.Length));
        text.AppendLine(CultureInfo.InvariantCulture, $"Boundaries in the BSDS protocol: {scored[0].Scores.Images} images, {levels} thresholds, matched within {tolerance:0.####} × diagonal");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"detector".PadRight(width)}   ODS   (P     R     at t)    OIS    AP");
        foreach ((string name, BoundaryScores s) in scored)
        {
            string ap = s.Ap is double a ? a.ToString("0.000", CultureInfo.InvariantCulture) : "  –  ";
            text.AppendLine(CultureInfo.InvariantCulture, $"{UserText.Escape(name).PadRight(width)}  {s.Ods:0.000}  ({s.OdsPrecision:0.000} {s.OdsRecall:0.000} {s.OdsThreshold:0.00})  {s.Ois:0.000}  {ap}");
        }
        return text.ToString();
    }

    private static string Csv(IReadOnlyList<(string Name, BoundaryScores Scores)> scored)
    {
        var text = new StringBuilder("detector,threshold,recall,precision,f\n");
        foreach ((string name, BoundaryScores s) in scored)
        {
            foreach (BoundaryCurvePoint c in s.Curve)
            {
                text.Append(CultureInfo.InvariantCulture, $"{name.Replace(",", " ", StringComparison.Ordinal)},{c.Threshold:R},{c.Recall:R},{c.Precision:R},{c.F:R}\n");
            }
        }
        return text.ToString();
    }
}
