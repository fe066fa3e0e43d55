using System.Globalization;
using System.Numerics;
using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Figures;

/// <summary>
/// What each hidden neuron looks for: its incoming weights W1[:, j] reshaped to the patch (5×5), red negative
/// ("wants dark"), blue positive ("wants bright"), on one symmetric scale (tutorial Part 8).
/// </summary>
public static class HiddenWeightsFigure
{
    private const double Gap = 1.2;
    private const double LabelRoom = 1.6;

    /// <summary>Size in pixels for <paramref name="neurons"/> neurons.</summary>
    public static PixelSize SizeFor(int neurons)
    {
        int columns = Columns(neurons);
        int rows = (neurons + columns - 1) / columns;
        return new PixelSize(Math.Max(150 * columns + 190, 560), 190 * rows + 90);
    }

    /// <summary>The first layer of <paramref name="network"/>, one square per hidden neuron.</summary>
    public static Plot Create<T>(Network<T> network, string? caption = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        var layer = network.Layers[0];
        double[] weights = [.. layer.Weights.Select(double.CreateChecked)];
        return Create(weights, layer.Inputs, layer.Outputs, caption);
    }

    /// <summary>
    /// Weights [inputs × neurons] row by row; inputs must be a square number of pixels. <paramref name="scaleLabel"/>
    /// names the colour bar (for a gradient, say), with the range appended.
    /// </summary>
    public static Plot Create(IReadOnlyList<double> weights, int inputs, int neurons, string? caption = null, string? scaleLabel = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        int side = Grids.SquareSide(inputs);
        if (weights.Count != inputs * neurons)
        {
            throw new ArgumentException($"{inputs}×{neurons} weights expected, got {weights.Count}.");
        }
        Plot plot = FigureStyle.NewPlot(caption ?? $"What each hidden neuron looks for: W1[:, j] reshaped to {side}×{side}");
        plot.HideAxesAndGrid();
        plot.Axes.Title.IsVisible = true;
        ScottPlot.Range range = ColorMaps.Symmetric(weights);
        int columns = Columns(neurons);
        int rows = (neurons + columns - 1) / columns;
        ScottPlot.Plottables.Heatmap? first = null;
        for (int j = 0; j < neurons; j++)
        {
            double[] patch = new double[inputs];
            for (int i = 0; i < inputs; i++)
            {
                patch[i] = weights[i * neurons + j];                      // W1[:, j]
            }
            double left = (j % columns) * (side + Gap);
            double top = -(j / columns) * (side + Gap + LabelRoom);
            var heatmap = Grids.Add(plot, patch, side, side, left, top, 1, ColorMaps.RdBu, range);
            first ??= heatmap;
            Grids.Frame(plot, left, top, side, side, FigureColors.Muted, 1);
            FigureStyle.AddText(plot, $"neuron {j}", left + side / 2.0, top - side - 0.55, 13, bold: true);
        }
        var bar = plot.Add.ColorBar(first!);
        bar.Label = string.Create(CultureInfo.InvariantCulture, $"{scaleLabel ?? "weight: red wants dark, blue wants bright"} (±{range.Max:0.###})");
        bar.LabelStyle.Font = FigureFont.Typeface(bold: false);
        bar.LabelStyle.FontSize = 13;
        double width = columns * (side + Gap) - Gap;
        double height = rows * (side + Gap + LabelRoom) - Gap;
        plot.Axes.SetLimits(-0.4, width + 0.4, -height - 0.2, 0.4);
        plot.Axes.SquareUnits();
        return plot;
    }

    // 8 neurons in two rows of 4, 16 in four rows of 4, 32 in six rows of 6.
    private static int Columns(int neurons) => Math.Max(1, Math.Min(neurons, Math.Max(4, (int)Math.Ceiling(Math.Sqrt(neurons)))));
}
