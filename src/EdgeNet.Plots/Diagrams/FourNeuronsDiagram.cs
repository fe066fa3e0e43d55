using System.Globalization;
using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Diagrams;

/// <summary>Part 2's four neurons after ReLU: positive z passes through, negative z is blocked to 0.</summary>
public static class FourNeuronsDiagram
{
    /// <summary>Default size in pixels.</summary>
    public static PixelSize Size { get; } = new(640, 460);

    /// <summary>One row per neuron: its name, z, the ReLU arrow and h (green when it passes, red when blocked).</summary>
    public static Plot Create(IReadOnlyList<(string Name, double Z)> neurons, IReadOnlyList<double> h)
    {
        ArgumentNullException.ThrowIfNull(neurons);
        ArgumentNullException.ThrowIfNull(h);
        Plot plot = FigureStyle.NewDrawing($"Example: {neurons.Count} Neurons After ReLU", 0.8, 10, -0.1, 5.8);
        for (int i = 0; i < neurons.Count; i++)
        {
            double y = 5 - i * 1.3;
            bool passes = h[i] > 0;
            Color edge = passes ? FigureColors.Good : FigureColors.Bad;
            Shapes.Circle(plot, 2, y, 0.4, FigureColors.LightBlue, Colors.Black);
            FigureStyle.AddText(plot, neurons[i].Name[^1..], 2, y, 14, bold: true);
            FigureStyle.AddText(plot, string.Create(CultureInfo.InvariantCulture, $"z = {neurons[i].Z:+0.0;−0.0}"), 4, y, 15);
            Shapes.Arrow(plot, 5.4, y, 6.6, y, Colors.Black, 1.5f);
            FigureStyle.AddText(plot, "ReLU", 6, y + 0.3, 12);
            Shapes.Box(plot, 7, 9.5, y - 0.35, y + 0.35, passes ? FigureColors.LightGreen : FigureColors.LightCoral, edge);
            FigureStyle.AddText(plot, string.Create(CultureInfo.InvariantCulture, $"h = {h[i]:0.0}"), 8.25, y, 15, bold: true);
        }
        FigureStyle.AddText(plot, "Positive z: passes through | Negative z: blocked (becomes 0)", 5.4, 0.2, 12, color: FigureColors.Muted);
        return plot;
    }
}
