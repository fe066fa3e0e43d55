using System.Globalization;
using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Figures;

/// <summary>Part 4's loss curve, L = −log(p_correct), with the tutorial's three marked cases.</summary>
public static class CrossEntropyCurveFigure
{
    /// <summary>Default size in pixels.</summary>
    public static PixelSize Size { get; } = new(760, 480);

    /// <summary>
    /// The curve for p from 0.01 to 1 computed by <paramref name="loss"/>, with <paramref name="marks"/>
    /// (probability, caption) marked green, orange and red.
    /// </summary>
    public static Plot Create(Func<double, double> loss, IReadOnlyList<(double P, string Caption)> marks)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(marks);
        Plot plot = FigureStyle.NewPlot("The Loss Curve: confident and wrong costs the most");
        double[] p = [.. Enumerable.Range(0, 100).Select(i => 0.01 + i * 0.01)];
        var curve = plot.Add.ScatterLine(p, [.. p.Select(loss)], Colors.Blue);
        curve.LineWidth = 3;
        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Solid);
        Color[] colors = [FigureColors.Good, FigureColors.Orange, FigureColors.Bad, Colors.DarkRed];
        for (int i = 0; i < marks.Count; i++)
        {
            double value = loss(marks[i].P);
            Color color = colors[Math.Min(i, colors.Length - 1)];
            plot.Add.Marker(marks[i].P, value, MarkerShape.FilledCircle, 14, color);
            string text = string.Create(CultureInfo.InvariantCulture, $"{marks[i].Caption}\np={marks[i].P}, L={value:0.00}");
            bool right = marks[i].P > 0.7;                                // near p = 1 the caption goes to the left
            FigureStyle.AddText(plot, text, marks[i].P + (right ? -0.03 : 0.04), value + 0.15, 13, color: color,
                alignment: right ? Alignment.LowerRight : Alignment.LowerLeft);
        }
        plot.XLabel("p_correct (probability of correct class)", FigureStyle.LabelSize);
        plot.YLabel("Loss = −log(p_correct)", FigureStyle.LabelSize);
        plot.Axes.SetLimits(0, 1.02, 0, 5);
        return plot;
    }
}
