using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Diagrams;

/// <summary>
/// Part 7's picture: the forward pass left to right, the backward pass right to left, and the chains of
/// derivatives that give dL/dW2 and dL/dW1.
/// </summary>
public static class ForwardBackwardDiagram
{
    private static readonly (double X, string Title, string Formula, string Fill)[] Boxes =
    [
        (1.2, "Input", "x", "#add8e6"),
        (3.6, "Layer 1", "z1 = x@W1+b1", "#ffffe0"),
        (6.0, "ReLU", "h1 = max(0,z1)", "#90ee90"),
        (8.4, "Layer 2", "z2 = h1@W2+b2", "#ffffe0"),
        (10.8, "Softmax", "+ Loss", "#f08080"),
    ];

    /// <summary>Default size in pixels.</summary>
    public static PixelSize Size { get; } = new(1100, 800);

    /// <summary>The three rows: forward, backward, and the chain-rule products.</summary>
    public static Plot Create()
    {
        Plot plot = FigureStyle.NewDrawing("Backpropagation: values flow forward, gradients flow back", 0, 12, -0.2, 8.6);
        Row(plot, 5.9, "Forward Pass: Compute Output", backward: false);
        Row(plot, 2.9, "Backward Pass: Compute Gradients", backward: true);
        Chains(plot);
        return plot;
    }

    private static void Row(Plot plot, double bottom, string title, bool backward)
    {
        FigureStyle.AddText(plot, title, 6, bottom + 2.15, 16, bold: true);
        Color[] backColors = [Colors.DarkOrange, Colors.Green, Colors.DodgerBlue, Colors.Red];
        foreach (var (x, name, formula, fill) in Boxes)
        {
            Shapes.Box(plot, x - 0.8, x + 0.8, bottom + 0.7, bottom + 2.0, Color.FromHex(fill), Colors.Black);
            FigureStyle.AddText(plot, name, x, bottom + 1.6, 14, bold: true);
            FigureStyle.AddText(plot, formula, x, bottom + 1.1, 12);
        }
        for (int i = 0; i < Boxes.Length - 1; i++)
        {
            double from = Boxes[i].X + 0.8, to = Boxes[i + 1].X - 0.8;
            if (backward)
            {
                Shapes.Arrow(plot, to, bottom + 1.35, from, bottom + 1.35, backColors[i], 3);
            }
            else
            {
                Shapes.Arrow(plot, from, bottom + 1.35, to, bottom + 1.35, Colors.Black, 2);
            }
        }
        FigureStyle.AddText(plot, backward ? "Gradients flow RIGHT to LEFT" : "Data flows LEFT to RIGHT", 6, bottom + 0.3, 14,
            color: backward ? Colors.Red : FigureColors.Ink);
    }

    private static void Chains(Plot plot)
    {
        FigureStyle.AddText(plot, "dL/dW2  =", 0.2, 2.0, 15, bold: true, alignment: Alignment.MiddleLeft);
        Terms(plot, 2.0, [(7.2, "dz2/dW2", "= h1", Colors.DodgerBlue), (9.8, "dL/dz2", "= p − y", Colors.Red)]);
        FigureStyle.AddText(plot, "dL/dW1  =", 0.2, 0.6, 15, bold: true, alignment: Alignment.MiddleLeft);
        Terms(plot, 0.6, [(2.4, "dz1/dW1", "= x", Colors.DarkOrange), (4.8, "dh1/dz1", "= ReLU'", Colors.Green),
            (7.2, "dz2/dh1", "= W2", Colors.DodgerBlue), (9.8, "dL/dz2", "= p − y", Colors.Red)]);
    }

    private static void Terms(Plot plot, double y, (double X, string Name, string Value, Color Color)[] terms)
    {
        for (int i = 0; i < terms.Length; i++)
        {
            FigureStyle.AddText(plot, terms[i].Name, terms[i].X, y + 0.22, 13, color: terms[i].Color);
            FigureStyle.AddText(plot, terms[i].Value, terms[i].X, y - 0.22, 13, color: terms[i].Color);
            if (i < terms.Length - 1)
            {
                FigureStyle.AddText(plot, "·", (terms[i].X + terms[i + 1].X) / 2, y, 26, bold: true);
            }
        }
    }
}
