using System.Globalization;
using EdgeNet.Boundaries;
using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Figures;

/// <summary>
/// Precision against recall of boundary detectors in the BSDS protocol, as the field draws it: one curve per detector
/// (a point for a binary map), its ODS marked, iso-F curves in gray behind.
/// </summary>
public static class BoundaryCurvesFigure
{
    /// <summary>Default size in pixels.</summary>
    public static PixelSize Size { get; } = new(640, 640);

    /// <summary>The curves of <paramref name="detectors"/>, in the order given.</summary>
    public static Plot Create(IReadOnlyList<(string Name, BoundaryScores Scores)> detectors)
    {
        ArgumentNullException.ThrowIfNull(detectors);
        if (detectors.Count == 0)
        {
            throw new ArgumentException("There is no detector to draw.", nameof(detectors));
        }
        (string bestName, BoundaryScores best) = detectors.MaxBy(d => d.Scores.Ods);
        Plot plot = FigureStyle.NewPlot(string.Create(CultureInfo.InvariantCulture,
            $"Boundaries, precision against recall: best ODS {best.Ods:0.000} ({bestName})"));
        for (int f = 1; f <= 9; f++)
        {
            double level = f / 10.0;
            double[] recall = [.. Enumerable.Range(0, 200).Select(i => (level / 2) + 1e-6 + ((1 - (level / 2)) * i / 199.0))];
            double[] precision = [.. recall.Select(r => level * r / ((2 * r) - level))];
            int keep = Array.FindLastIndex(precision, p => p <= 1) + 1;
            int from = Array.FindIndex(precision, p => p <= 1);
            var iso = plot.Add.ScatterLine(recall[from..keep], precision[from..keep], Color.FromHex("#d0d0d0"));
            iso.LineWidth = 1;
            iso.MarkerSize = 0;
            FigureStyle.AddText(plot, level.ToString("0.0", CultureInfo.InvariantCulture), 0.995, level / (2 - level), 10, color: FigureColors.Muted, alignment: Alignment.LowerRight);
        }
        for (int i = 0; i < detectors.Count; i++)
        {
            (string name, BoundaryScores scores) = detectors[i];
            Color color = FigureColors.Series[i % FigureColors.Series.Count];
            var points = scores.Curve.Where(c => c.Precision > 0 || c.Recall > 0).ToArray();
            string label = string.Create(CultureInfo.InvariantCulture, $"[F={scores.Ods:0.000}] {name}");
            if (points.Select(c => (c.Recall, c.Precision)).Distinct().Count() > 1)
            {
                double[] recalls = [.. points.Select(c => c.Recall)];
                double[] precisions = [.. points.Select(c => c.Precision)];
                var curve = plot.Add.ScatterLine(recalls, precisions, color);
                curve.LineWidth = 2.5f;
                curve.MarkerSize = 0;
                curve.LegendText = label;
                plot.Add.Marker(scores.OdsRecall, scores.OdsPrecision, MarkerShape.FilledCircle, 10, color);
            }
            else
            {
                var point = plot.Add.Marker(scores.OdsRecall, scores.OdsPrecision, MarkerShape.FilledSquare, 11, color);
                point.LegendText = label;
            }
        }
        plot.XLabel("Recall", FigureStyle.LabelSize);
        plot.YLabel("Precision", FigureStyle.LabelSize);
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }
}
