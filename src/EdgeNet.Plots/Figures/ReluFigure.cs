using EdgeNet.Plots.Lessons;
using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Figures;

/// <summary>Part 2's ReLU, h = max(0, z): blocked (0) for z ≤ 0, passed through for z &gt; 0.</summary>
public static class ReluFigure
{
    /// <summary>Default size in pixels.</summary>
    public static PixelSize Size { get; } = new(640, 460);

    /// <summary>The curve over z from −5 to 5, drawn from the engine's ReLU.</summary>
    public static Plot Create()
    {
        Plot plot = FigureStyle.NewPlot("ReLU: max(0, z)");
        double[] z = [.. Enumerable.Range(0, 101).Select(i => -5 + i * 0.1)];
        double[] h = NeuronExamples.ReluOf(z);
        double[] negative = [.. z.Where(v => v <= 0)];
        double[] positive = [.. z.Where(v => v >= 0)];
        var blocked = plot.Add.FillY(negative, [.. negative.Select(_ => 0.0)], [.. negative.Select(_ => -1.0)]);
        blocked.FillStyle.Color = FigureColors.Bad.WithAlpha(0.2);
        blocked.LineStyle.Width = 0;
        var passed = plot.Add.FillY(positive, [.. positive.Select(_ => 0.0)], NeuronExamples.ReluOf(positive));
        passed.FillStyle.Color = FigureColors.Good.WithAlpha(0.2);
        passed.LineStyle.Width = 0;
        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Solid);
        plot.Add.VerticalLine(0, 1, Colors.Gray, LinePattern.Solid);
        var curve = plot.Add.ScatterLine(z, h, Colors.Blue);
        curve.LineWidth = 3;
        FigureStyle.AddText(plot, "Blocked\n(output = 0)", -2.5, 2, 14, color: FigureColors.Bad);
        FigureStyle.AddText(plot, "Passes through\n(output = z)", 2.3, 3.6, 14, color: FigureColors.Good);
        plot.XLabel("z (weighted sum)", FigureStyle.LabelSize);
        plot.YLabel("h = ReLU(z)", FigureStyle.LabelSize);
        plot.Axes.SetLimits(-5, 5, -1, 5);
        return plot;
    }
}
