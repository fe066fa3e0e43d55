using ScottPlot;

namespace EdgeNet.Plots.Style;

/// <summary>The tutorial's look for every figure: white background, DejaVu Sans, a bold title that says what it shows.</summary>
/// <remarks>
/// Lines are always solid: Skia's SVG writer does not support dash effects and complains on standard error.
/// </remarks>
public static class FigureStyle
{
    /// <summary>Title size in pixels.</summary>
    public const float TitleSize = 17;

    /// <summary>Axis label size in pixels.</summary>
    public const float LabelSize = 14;

    /// <summary>A new plot with the house style and <paramref name="title"/>.</summary>
    public static Plot NewPlot(string title)
    {
        FigureFont.Register();
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Font.Set(FigureFont.Name);
        plot.Title(title, TitleSize);
        plot.Axes.Title.Label.Font = FigureFont.Typeface(bold: true);
        plot.Axes.Title.Label.ForeColor = FigureColors.Ink;
        plot.Axes.Title.FullFigureCenter = true;                      // centred on the figure, not clipped by a colour bar
        plot.Grid.MajorLineColor = Color.FromHex("#e6e6e6");
        return plot;
    }

    /// <summary>
    /// A plot for drawings (diagrams, patch grids): no axes, no grid, equal units on x and y, showing exactly
    /// [<paramref name="left"/>, <paramref name="right"/>] × [<paramref name="bottom"/>, <paramref name="top"/>].
    /// </summary>
    public static Plot NewDrawing(string title, double left, double right, double bottom, double top)
    {
        Plot plot = NewPlot(title);
        plot.HideAxesAndGrid();
        plot.Axes.Title.IsVisible = true;
        plot.Axes.SetLimits(left, right, bottom, top);
        plot.Axes.SquareUnits();
        return plot;
    }

    /// <summary>Adds text in the house font at a data position.</summary>
    public static ScottPlot.Plottables.Text AddText(
        Plot plot, string text, double x, double y, float size = 13, bool bold = false, Color? color = null, Alignment alignment = Alignment.MiddleCenter)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ScottPlot.Plottables.Text label = plot.Add.Text(text, x, y);
        label.LabelStyle.Font = FigureFont.Typeface(bold);         // a set typeface wins over Bold
        label.LabelFontSize = size;
        label.LabelFontColor = color ?? FigureColors.Ink;
        label.LabelAlignment = alignment;
        return label;
    }
}
