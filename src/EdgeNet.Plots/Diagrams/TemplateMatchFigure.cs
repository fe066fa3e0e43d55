using System.Globalization;
using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Diagrams;

/// <summary>
/// Part 2's pattern detection: the weight template (what the neuron looks for, red negative, blue positive)
/// beside the input it is matched against, each cell with its number.
/// </summary>
public static class TemplateMatchFigure
{
    /// <summary>Default size in pixels.</summary>
    public static PixelSize Size { get; } = new(900, 440);

    /// <summary>Weights on RdBu from −1.5 to 1.5 (as the tutorial) and the input in gray.</summary>
    public static Plot Create(IReadOnlyList<double> weights, IReadOnlyList<double> input)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(input);
        int side = Grids.SquareSide(weights.Count);
        const double gap = 3;
        Plot plot = FigureStyle.NewDrawing("A neuron as a template: weights × input, summed", -0.5, 2 * side + gap + 0.5, -side - 1.3, 1.6);
        var weightRange = new ScottPlot.Range(-1.5, 1.5);
        Grids.Add(plot, weights, side, side, 0, 0, 1, ColorMaps.RdBu, weightRange);
        Grids.Label(plot, weights, side, side, 0, 0, 1, v => v.ToString("+0;−0;+0", CultureInfo.InvariantCulture), ColorMaps.RdBu, weightRange, 14);
        FigureStyle.AddText(plot, "Weight Pattern\n(what the neuron looks for)", side / 2.0, 0.3, 14, bold: true, alignment: Alignment.LowerCenter);
        FigureStyle.AddText(plot, "Red = negative weights, Blue = positive weights", side / 2.0, -side - 0.3, 12, color: FigureColors.Muted, alignment: Alignment.UpperCenter);

        double left = side + gap;
        var grayRange = new ScottPlot.Range(0, 1);
        Grids.Add(plot, input, side, side, left, 0, 1, ColorMaps.Gray, grayRange);
        Grids.Label(plot, input, side, side, left, 0, 1, v => v.ToString("0.0", CultureInfo.InvariantCulture), ColorMaps.Gray, grayRange, 13);
        FigureStyle.AddText(plot, "Input: Perfect Edge", left + side / 2.0, 0.3, 14, bold: true, alignment: Alignment.LowerCenter);
        FigureStyle.AddText(plot, "0 = black, 1 = white", left + side / 2.0, -side - 0.3, 12, color: FigureColors.Muted, alignment: Alignment.UpperCenter);
        FigureStyle.AddText(plot, "×", side + gap / 2.0, -side / 2.0, 40, bold: true);
        return plot;
    }
}
