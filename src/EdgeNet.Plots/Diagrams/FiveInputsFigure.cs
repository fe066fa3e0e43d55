using System.Globalization;
using EdgeNet.Plots.Lessons;
using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Diagrams;

/// <summary>Part 2's "same neuron, different inputs": each input row, and the z and h the neuron gives it.</summary>
public static class FiveInputsFigure
{
    private const double Gap = 1.6;
    private const double BarScale = 1.0;

    /// <summary>Default size in pixels.</summary>
    public static PixelSize Size { get; } = new(1100, 480);

    /// <summary>Inputs (each row repeated into a patch) above a bar of their z: green when positive, red when not.</summary>
    public static Plot Create(IReadOnlyList<(string Name, double[] Row, string Reason)> inputs, IReadOnlyList<NeuronOutput> outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        int side = inputs[0].Row.Length;
        double width = inputs.Count * (side + Gap) - Gap;
        double best = outputs.Max(o => o.Z);
        Plot plot = FigureStyle.NewDrawing("Same Neuron, Different Inputs: How Weighted Sum Responds", -0.8, width + 0.8, -side - 4.0, 1.5);
        for (int n = 0; n < inputs.Count; n++)
        {
            double left = n * (side + Gap);
            double centre = left + side / 2.0;
            Grids.Add(plot, TutorialInputs.Rows(inputs[n].Row), side, side, left, 0, 1, ColorMaps.Gray, new ScottPlot.Range(0, 1));
            Grids.Frame(plot, left, 0, side, side, FigureColors.Ink, 1);
            FigureStyle.AddText(plot, inputs[n].Name, centre, 0.3, 14, bold: true, alignment: Alignment.LowerCenter);

            NeuronOutput output = outputs[n];
            double barY = -side - 1.7;
            Shapes.Line(plot, centre, barY - 0.55, centre, barY + 0.55, Colors.Black, 1);
            if (output.Z != 0)
            {
                Color color = output.Z > 0 ? FigureColors.Good : FigureColors.Bad;
                double end = centre + output.Z * BarScale;
                Shapes.Box(plot, Math.Min(centre, end), Math.Max(centre, end), barY - 0.3, barY + 0.3, color.WithAlpha(0.75), color, 1);
            }
            FigureStyle.AddText(plot, string.Create(CultureInfo.InvariantCulture, $"h = {output.H:0.0;−0.0;0.0}"), centre, barY + 0.95, 13, bold: true);
            FigureStyle.AddText(plot, string.Create(CultureInfo.InvariantCulture, $"z = {output.Z:0.0;−0.0;0.0}"), centre, barY - 0.95, 13);
            Color reasonColor = output.Z == best ? FigureColors.Good : output.Z > 0 ? FigureColors.Orange : output.Z < 0 ? FigureColors.Bad : FigureColors.Muted;
            FigureStyle.AddText(plot, inputs[n].Reason, centre, barY - 1.85, 12, color: reasonColor);
        }
        return plot;
    }
}
