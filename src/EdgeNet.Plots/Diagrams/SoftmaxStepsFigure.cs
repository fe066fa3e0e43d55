using System.Globalization;
using EdgeNet.Plots.Lessons;
using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Diagrams;

/// <summary>Part 3's softmax in three panels: raw scores, their exponentials, and the normalised probabilities.</summary>
public static class SoftmaxStepsFigure
{
    private const double PanelWidth = 4.2;
    private const double PanelGap = 1.6;
    private const double PanelHeight = 4.0;

    /// <summary>Default size in pixels.</summary>
    public static PixelSize Size { get; } = new(1100, 430);

    /// <summary>The three steps of <paramref name="steps"/>, bars labelled with their values.</summary>
    public static Plot Create(SoftmaxSteps steps, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(classNames);
        double width = 3 * PanelWidth + 2 * PanelGap;
        Plot plot = FigureStyle.NewDrawing("Softmax: From Scores to Probabilities", -0.3, width + 0.3, -1.3, PanelHeight + 1.9);
        Panel(plot, 0, "Step 1: Raw Scores\n(Logits)", "Can be any number", steps.Scores, v => v.ToString("0.0", CultureInfo.InvariantCulture), classNames);
        Panel(plot, 1, "Step 2: Exponentials\n(e^z)", "All positive now!", steps.Exponentials, v => v.ToString("0.0", CultureInfo.InvariantCulture), classNames);
        Panel(plot, 2, "Step 3: Normalize\n(Divide by sum)", "Sum = 1 (always!)", steps.Probabilities, v => v.ToString("0%", CultureInfo.InvariantCulture), classNames);
        for (int i = 1; i < 3; i++)
        {
            double x = i * (PanelWidth + PanelGap) - PanelGap / 2.0;
            FigureStyle.AddText(plot, "→", x, PanelHeight / 2.0, 34, bold: true, FigureColors.Muted);
        }
        return plot;
    }

    private static void Panel(Plot plot, int index, string title, string note, IReadOnlyList<double> values, Func<double, string> format, IReadOnlyList<string> classNames)
    {
        double left = index * (PanelWidth + PanelGap);
        double top = values.Max() > 0 ? values.Max() * 1.2 : 1;
        Color[] fills = [Color.FromHex("#2ecc71"), Color.FromHex("#a8e6cf")];
        Shapes.Line(plot, left, 0, left + PanelWidth, 0, Colors.Black, 1.5f);
        double barWidth = PanelWidth / (values.Count * 1.6);
        for (int k = 0; k < values.Count; k++)
        {
            double centre = left + PanelWidth * (k + 0.5) / values.Count;
            double height = Math.Max(values[k], 0) / top * PanelHeight;
            Shapes.Box(plot, centre - barWidth / 2, centre + barWidth / 2, 0, height, fills[k % fills.Length], Colors.Black, 1.5f);
            FigureStyle.AddText(plot, format(values[k]), centre, height + 0.1, 15, bold: true, alignment: Alignment.LowerCenter);
            FigureStyle.AddText(plot, classNames[k], centre, -0.15, 13, alignment: Alignment.UpperCenter);
        }
        var heading = FigureStyle.AddText(plot, title, left + PanelWidth / 2.0, PanelHeight + 0.55, 14, bold: true, alignment: Alignment.LowerCenter);
        heading.LabelBackgroundColor = Color.FromHex("#fff9e6");
        heading.LabelBorderColor = Color.FromHex("#f0c36d");
        heading.LabelBorderWidth = 1.5f;
        heading.LabelPadding = 6;
        FigureStyle.AddText(plot, note, left + PanelWidth / 2.0, -0.75, 12, color: FigureColors.Muted, alignment: Alignment.UpperCenter);
    }
}
