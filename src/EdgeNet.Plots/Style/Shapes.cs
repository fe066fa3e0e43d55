using ScottPlot;

namespace EdgeNet.Plots.Style;

/// <summary>Boxes, circles, lines and arrows for the diagrams, in data units.</summary>
public static class Shapes
{
    /// <summary>A filled box with a border.</summary>
    public static ScottPlot.Plottables.Rectangle Box(Plot plot, double left, double right, double bottom, double top, Color fill, Color edge, float width = 2)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ScottPlot.Plottables.Rectangle box = plot.Add.Rectangle(left, right, bottom, top);
        box.FillStyle.Color = fill;
        box.LineStyle.Color = edge;
        box.LineStyle.Width = width;
        return box;
    }

    /// <summary>A filled circle with a border.</summary>
    public static ScottPlot.Plottables.Ellipse Circle(Plot plot, double x, double y, double radius, Color fill, Color edge, float width = 2)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ScottPlot.Plottables.Ellipse circle = plot.Add.Circle(x, y, radius);
        circle.FillStyle.Color = fill;
        circle.LineStyle.Color = edge;
        circle.LineStyle.Width = width;
        return circle;
    }

    /// <summary>A straight line.</summary>
    public static ScottPlot.Plottables.LinePlot Line(Plot plot, double x1, double y1, double x2, double y2, Color color, float width = 1)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ScottPlot.Plottables.LinePlot line = plot.Add.Line(x1, y1, x2, y2);
        line.LineStyle.Color = color;
        line.LineStyle.Width = width;
        line.MarkerStyle.IsVisible = false;
        return line;
    }

    /// <summary>An arrow from (x1, y1) to its tip at (x2, y2).</summary>
    public static ScottPlot.Plottables.Arrow Arrow(Plot plot, double x1, double y1, double x2, double y2, Color color, float width = 2)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ScottPlot.Plottables.Arrow arrow = plot.Add.Arrow(x1, y1, x2, y2);
        arrow.ArrowLineColor = color;
        arrow.ArrowFillColor = color;
        arrow.ArrowLineWidth = 0;
        arrow.ArrowWidth = width;
        arrow.ArrowheadWidth = 6 * width + 4;
        arrow.ArrowheadLength = 6 * width + 4;
        arrow.ArrowheadAxisLength = 6 * width + 4;
        return arrow;
    }
}
