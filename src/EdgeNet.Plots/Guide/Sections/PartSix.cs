using EdgeNet.Plots.Lessons;

namespace EdgeNet.Plots.Guide.Sections;

/// <summary>Part 6: the chain rule on z = w·x, L = z² (dL/dw = 24, checked by nudging w: 36.24).</summary>
internal static class PartSix
{
    public static void Write(GuidePage page)
    {
        page.Section("part6", "Part 6: The Chain Rule");
        page.Paragraph("A weight reaches the loss only through several steps, w → z → p → L. To find ∂L/∂w when w acts indirectly, " +
            "<b>multiply the derivatives along the path</b>:");
        page.Equation("∂y/∂x = ∂y/∂g · ∂g/∂x");
        page.Paragraph("If g doubles when x grows by 1, and y triples when g grows by 1, then y grows by 2 × 3 = 6 when x grows by 1.");

        ChainRule c = ChainRule.Compute(w: 3, x: 2, nudge: 0.01);
        page.Heading("A concrete example");
        page.Paragraph($"One weight feeds a score, z = w · x, so ∂z/∂w = x: <b>the gradient of a weight is its input</b>. " +
            $"Take a simplified loss L = z², with w = {page.Num("part6.w", c.W, "0")} and x = {page.Num("part6.x", c.X, "0")}:");
        page.Table(["Quantity", "Formula", "Value"],
            [
                ["z", "w · x", page.Num("part6.z", c.Z, "0")],
                ["L", "z²", page.Num("part6.loss", c.Loss, "0")],
                ["∂L/∂z", "2z", page.Num("part6.dLdz", c.DLossDz, "0")],
                ["∂z/∂w", "x", page.Num("part6.dzdw", c.DzDw, "0")],
                ["∂L/∂w", "∂L/∂z · ∂z/∂w", page.Num("part6.dLdw", c.DLossDw, "0")],
            ]);
        page.Paragraph($"<b>Check it by nudging w</b> from {GuidePage.Show(c.W, "0")} to {page.Num("part6.nudgedW", c.W + c.Nudge, "0.00")}: " +
            $"z becomes {page.Num("part6.nudgedZ", c.NudgedZ, "0.00")} and L becomes {page.Num("part6.nudgedLoss", c.NudgedLoss, "0.00")}. " +
            $"The loss moved by {page.Num("part6.change", c.Change, "0.00")} ≈ {GuidePage.Show(c.DLossDw, "0")} × {GuidePage.Show(c.Nudge, "0.00")} = " +
            $"{page.Num("part6.predicted", c.Predicted, "0.00")} ✓");
        page.Paragraph("This pattern, <b>weight gradient = input × gradient from above</b>, is the core of backpropagation.");
        page.EndSection();
    }
}
