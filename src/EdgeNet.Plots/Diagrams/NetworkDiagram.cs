using System.Globalization;
using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Diagrams;

/// <summary>Part 1's network diagram, inputs → hidden (ReLU) → outputs, with the equations and the weight counts.</summary>
public static class NetworkDiagram
{
    /// <summary>Default size in pixels.</summary>
    public static PixelSize Size { get; } = new(1050, 620);

    /// <summary>The diagram for a network of <paramref name="inputs"/> → <paramref name="hidden"/> → the classes named.</summary>
    public static Plot Create(int inputs, int hidden, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        int classes = classNames.Count;
        Plot plot = FigureStyle.NewDrawing($"Our Edge Detection Network: {inputs} → {hidden} → {classes}", 0, 14, 0.3, 10);
        const double inputX = 1.5, hiddenX = 7, outputX = 12.5;
        double[] inputYs = [8, 6.5, 5, 3.5, 2];
        string[] inputLabels = ["x₀", "x₁", "⋮", Sub("x", inputs - 2), Sub("x", inputs - 1)];
        double[] hiddenYs = [7.5, 6, 4.5, 3];
        string[] hiddenLabels = ["h₀", "h₁", "⋮", Sub("h", hidden - 1)];
        double[] outputYs = [.. Enumerable.Range(0, classes).Select(k => 5 + (classes - 1) - 2.0 * k)];

        foreach (double y in new[] { 8, 6.5, 3.5, 2 })
        {
            foreach (double h in new[] { 7.5, 6, 3 })
            {
                Shapes.Line(plot, inputX + 0.35, y, hiddenX - 0.4, h, Colors.Gray.WithAlpha(0.45));
            }
        }
        foreach (double h in new[] { 7.5, 6, 3 })
        {
            foreach (double o in outputYs)
            {
                Shapes.Line(plot, hiddenX + 0.4, h, outputX - 0.4, o, Colors.Gray.WithAlpha(0.45));
            }
        }
        Column(plot, inputX, "Input Layer", $"(x: {inputs} pixels)", inputYs, inputLabels, 0.35, FigureColors.LightBlue, Colors.Black);
        Column(plot, hiddenX, "Hidden Layer", $"(h: {hidden} neurons + ReLU)", hiddenYs, hiddenLabels, 0.4, FigureColors.LightYellow, FigureColors.Orange);
        string[] outputLabels = [.. Enumerable.Range(0, classes).Select(k => "z₂," + Sub(string.Empty, k))];
        Column(plot, outputX, "Output Layer", $"(z₂: {classes} scores)", outputYs, outputLabels, 0.4, FigureColors.LightGreen, Colors.Green);
        for (int k = 0; k < classes; k++)
        {
            FigureStyle.AddText(plot, classNames[k], outputX + 0.6, outputYs[k], 13, alignment: Alignment.MiddleLeft);
        }

        Shapes.Arrow(plot, 2.5, 5, 4.3, 5, Colors.Blue);
        FigureStyle.AddText(plot, "z₁ = x · W₁ + b₁", 3.4, 5.8, 14, color: Colors.Blue);
        FigureStyle.AddText(plot, "h = ReLU(z₁)", 3.4, 4.2, 14, color: Colors.Blue);
        Shapes.Arrow(plot, 8, 5, 10, 5, Colors.Green);
        FigureStyle.AddText(plot, "z₂ = h · W₂ + b₂", 9, 5.8, 14, color: Colors.Green);
        FigureStyle.AddText(plot, "p = softmax(z₂)", 9, 4.2, 14, color: Colors.Green);

        MatrixNote(plot, 3.4, $"W₁: {inputs}×{hidden} matrix\n({inputs * hidden} weights)", FigureColors.LightYellow, FigureColors.Orange);
        MatrixNote(plot, 9, $"W₂: {hidden}×{classes} matrix\n({hidden * classes} weights)", FigureColors.LightGreen, Colors.Green);
        return plot;
    }

    private static void Column(Plot plot, double x, string title, string subtitle, double[] ys, string[] labels, double radius, Color fill, Color edge)
    {
        FigureStyle.AddText(plot, title, x, 9.5, 14, bold: true);
        FigureStyle.AddText(plot, subtitle, x, 9.0, 12, color: FigureColors.Muted);
        for (int i = 0; i < ys.Length; i++)
        {
            if (labels[i] == "⋮")
            {
                FigureStyle.AddText(plot, "⋮", x, ys[i], 26, bold: true);
                continue;
            }
            Shapes.Circle(plot, x, ys[i], radius, fill, edge);
            FigureStyle.AddText(plot, labels[i], x, ys[i], 15);
        }
    }

    private static void MatrixNote(Plot plot, double x, string text, Color fill, Color edge)
    {
        var note = FigureStyle.AddText(plot, text, x, 1.3, 13);
        note.LabelBackgroundColor = fill;
        note.LabelBorderColor = edge;
        note.LabelBorderWidth = 1.5f;
        note.LabelPadding = 8;
    }

    // x₂₃: a letter with subscript digits.
    private static string Sub(string letter, int index)
    {
        const string digits = "₀₁₂₃₄₅₆₇₈₉";
        return letter + string.Concat(index.ToString(CultureInfo.InvariantCulture).Select(c => digits[c - '0']));
    }
}
