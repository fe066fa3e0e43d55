using ScottPlot;

namespace EdgeNet.Plots.Style;

/// <summary>Draws grids of numbers (patches, weight matrices) as coloured cells, row 0 on top as matplotlib's imshow.</summary>
public static class Grids
{
    /// <summary>
    /// Adds <paramref name="values"/> (row by row, <paramref name="rows"/> × <paramref name="columns"/>) as cells of
    /// size <paramref name="cell"/> whose upper-left corner is (<paramref name="left"/>, <paramref name="top"/>).
    /// </summary>
    public static ScottPlot.Plottables.Heatmap Add(
        Plot plot, IReadOnlyList<double> values, int rows, int columns, double left, double top, double cell, IColormap colormap, ScottPlot.Range range)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != rows * columns)
        {
            throw new ArgumentException($"A {rows}×{columns} grid needs {rows * columns} values, got {values.Count}.");
        }
        var intensities = new double[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                intensities[r, c] = values[r * columns + c];
            }
        }
        ScottPlot.Plottables.Heatmap heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = colormap;
        heatmap.ManualRange = range;
        heatmap.Rectangle = new CoordinateRect(left, left + columns * cell, top - rows * cell, top);
        return heatmap;
    }

    /// <summary>Writes each value in its cell with <paramref name="format"/>, white on dark cells, black on light.</summary>
    public static void Label(
        Plot plot, IReadOnlyList<double> values, int rows, int columns, double left, double top, double cell,
        Func<double, string> format, IColormap colormap, ScottPlot.Range range, float size = 12)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(colormap);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                double value = values[r * columns + c];
                Color background = colormap.GetColor(range.Normalize(value));
                Color ink = Luminance(background) < 0.5 ? Colors.White : Colors.Black;
                FigureStyle.AddText(plot, format(value), left + (c + 0.5) * cell, top - (r + 0.5) * cell, size, bold: true, ink);
            }
        }
    }

    /// <summary>A frame around a block of cells.</summary>
    public static ScottPlot.Plottables.Rectangle Frame(Plot plot, double left, double top, double width, double height, Color color, float lineWidth)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ScottPlot.Plottables.Rectangle frame = plot.Add.Rectangle(left, left + width, top - height, top);
        frame.FillStyle.Color = Colors.Transparent;
        frame.LineStyle.Color = color;
        frame.LineStyle.Width = lineWidth;
        return frame;
    }

    /// <summary>Relative luminance from 0 (black) to 1 (white).</summary>
    public static double Luminance(Color color) => (0.2126 * color.R + 0.7152 * color.G + 0.0722 * color.B) / 255.0;

    /// <summary>The side of a square patch of <paramref name="pixels"/> values, or an error naming it.</summary>
    public static int SquareSide(int pixels)
    {
        int side = (int)Math.Round(Math.Sqrt(pixels));
        if (side * side != pixels)
        {
            throw new ArgumentException($"{pixels} inputs do not make a square patch, so they cannot be drawn as one.");
        }
        return side;
    }
}
