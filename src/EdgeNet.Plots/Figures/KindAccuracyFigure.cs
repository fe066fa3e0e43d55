using EdgeNet.Plots.Style;
using EdgeNet.Training;
using ScottPlot;

namespace EdgeNet.Plots.Figures;

/// <summary>A generalisation report as bars: each model's accuracy on each kind of held-out patch.</summary>
public static class KindAccuracyFigure
{
    private static readonly Color[] ModelColors = [FigureColors.Test, FigureColors.Train, FigureColors.Good, FigureColors.Bad];

    /// <summary>Size in pixels for <paramref name="kinds"/> kinds.</summary>
    public static PixelSize SizeFor(int kinds) => new(900, 180 + 52 * kinds);

    /// <summary>Horizontal bars, one group per kind (the report's order, top to bottom), one colour per model, 0–100 %.</summary>
    public static Plot Create(GeneralisationReport report, string title = "Accuracy on held-out varied patches, by what the patch shows")
    {
        ArgumentNullException.ThrowIfNull(report);
        int models = report.ModelNames.Count;
        int kinds = report.ByKind.Count;
        if (kinds == 0 || models == 0)
        {
            throw new ArgumentException("The report has nothing to draw.", nameof(report));
        }
        Plot plot = FigureStyle.NewPlot(title);
        double barSize = 0.8 / models;
        var bars = new List<Bar>();
        for (int k = 0; k < kinds; k++)
        {
            double centre = kinds - 1 - k;                                // first kind on top
            for (int m = 0; m < models; m++)
            {
                double accuracy = 100 * report.ByKind[k].Accuracy(m);
                bars.Add(new Bar
                {
                    Position = centre + 0.4 - (m + 0.5) * barSize,
                    Value = accuracy,
                    Size = barSize * 0.92,
                    FillColor = ModelColors[m % ModelColors.Length],
                    LineWidth = 0,
                    Label = accuracy.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%",
                });
            }
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 11;
        barPlot.ValueLabelStyle.Font = FigureFont.Typeface(bold: false);
        for (int m = 0; m < models; m++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = report.ModelNames[m], FillColor = ModelColors[m % ModelColors.Length] });
        }
        double[] positions = [.. Enumerable.Range(0, kinds).Select(k => (double)(kinds - 1 - k))];
        string[] labels = [.. report.ByKind.Select(k => $"{k.Kind} ({k.Count})")];
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.XLabel("Accuracy (%)", FigureStyle.LabelSize);
        plot.Axes.SetLimits(0, 112, -0.6, kinds - 0.4);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);                                       // below the axis: never over a bar
        return plot;
    }
}
