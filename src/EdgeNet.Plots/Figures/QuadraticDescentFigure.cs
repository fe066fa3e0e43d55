using EdgeNet.Plots.Lessons;
using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Figures;

/// <summary>Part 5's loss landscape L(w) = (w − 1)² + 0.5 and the points gradient descent visits on it.</summary>
public static class QuadraticDescentFigure
{
    /// <summary>Default size in pixels.</summary>
    public static PixelSize Size { get; } = new(760, 480);

    /// <summary>The curve, each visited w as a red dot (the first three named), arrows between them, the optimum as a star.</summary>
    public static Plot Create(IReadOnlyList<DescentStep> path, Func<double, double> loss, double optimum)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(loss);
        Plot plot = FigureStyle.NewPlot("Loss vs Weight Value: each step goes downhill");
        double[] w = [.. Enumerable.Range(0, 101).Select(i => -3 + i * 0.06)];
        var curve = plot.Add.ScatterLine(w, [.. w.Select(loss)], Colors.Blue);
        curve.LineWidth = 3;
        for (int i = 0; i < path.Count; i++)
        {
            DescentStep step = path[i];
            if (i + 1 < path.Count)
            {
                Shapes.Arrow(plot, step.W, step.Loss, path[i + 1].W, path[i + 1].Loss, FigureColors.Bad.WithAlpha(0.55), 1.5f);
            }
            plot.Add.Marker(step.W, step.Loss, MarkerShape.FilledCircle, 12, FigureColors.Bad);
            if (i < 3)
            {
                FigureStyle.AddText(plot, $"Iter {step.Iteration}", step.W - 0.15, step.Loss + 0.35, 13, alignment: Alignment.LowerRight);
            }
        }
        var star = plot.Add.Marker(optimum, loss(optimum), MarkerShape.FilledDiamond, 20, Colors.Green);
        star.LegendText = "Optimum";
        plot.ShowLegend(Alignment.UpperRight);
        plot.XLabel("Weight value (w)", FigureStyle.LabelSize);
        plot.YLabel("Loss", FigureStyle.LabelSize);
        plot.Axes.SetLimits(-3.1, 3.1, 0, loss(-3) * 1.05);
        return plot;
    }
}
