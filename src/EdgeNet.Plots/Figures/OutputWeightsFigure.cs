using System.Globalization;
using System.Numerics;
using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Figures;

/// <summary>
/// The output layer's weights W2 [hidden × classes]: how strongly each hidden neuron votes for each class
/// (red against, blue for), each number written in its cell.
/// </summary>
public static class OutputWeightsFigure
{
    private const double Cell = 1.0;

    /// <summary>Size in pixels for a layer of <paramref name="hidden"/> inputs and <paramref name="classes"/> outputs.</summary>
    public static PixelSize SizeFor(int hidden, int classes) =>
        new(Math.Max(120 * classes + 480, 720), Math.Max(46 * hidden + 150, 360));

    /// <summary>The last layer of <paramref name="network"/>, columns named by <paramref name="classNames"/>.</summary>
    public static Plot Create<T>(Network<T> network, IReadOnlyList<string> classNames)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(classNames);
        var layer = network.Layers[^1];
        if (classNames.Count != layer.Outputs)
        {
            throw new ArgumentException($"{layer.Outputs} classes need {layer.Outputs} names, got {classNames.Count}.");
        }
        double[] weights = [.. layer.Weights.Select(double.CreateChecked)];
        string name = $"W{network.Layers.Count}";
        int rows = layer.Inputs;
        int columns = layer.Outputs;
        double aspect = 2.2;                                             // cells wider than tall, for the numbers
        Plot plot = FigureStyle.NewPlot($"Output weights {name}: how each hidden neuron votes");
        plot.HideAxesAndGrid();
        plot.Axes.Title.IsVisible = true;
        ScottPlot.Range range = ColorMaps.Symmetric(weights);
        var heatmap = Grids.Add(plot, weights, rows, columns, 0, 0, Cell, ColorMaps.RdBu, range);
        heatmap.Rectangle = new CoordinateRect(0, columns * aspect, -rows, 0);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                double value = weights[r * columns + c];
                Color ink = Grids.Luminance(ColorMaps.RdBu.GetColor(range.Normalize(value))) < 0.5 ? Colors.White : Colors.Black;
                FigureStyle.AddText(plot, value.ToString("+0.00;−0.00", CultureInfo.InvariantCulture), (c + 0.5) * aspect, -r - 0.5, 14, bold: true, ink);
            }
            FigureStyle.AddText(plot, $"h{r}", -0.35, -r - 0.5, 13, alignment: Alignment.MiddleRight);
        }
        for (int c = 0; c < columns; c++)
        {
            FigureStyle.AddText(plot, classNames[c], (c + 0.5) * aspect, 0.45, 14, bold: true);
        }
        FigureStyle.AddText(plot, "hidden neuron", -1.6, -rows / 2.0, 13, color: FigureColors.Muted).LabelRotation = -90;
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "red: votes against, blue: votes for";
        bar.LabelStyle.Font = FigureFont.Typeface(bold: false);
        bar.LabelStyle.FontSize = 13;
        plot.Axes.SetLimits(-2.0, columns * aspect + 0.2, -rows - 0.2, 1.0);
        return plot;
    }
}
