using EdgeNet.Plots.Figures;
using EdgeNet.Plots.Lessons;

namespace EdgeNet.Plots.Guide.Sections;

/// <summary>Part 5: gradient descent, 0.5 → 0.532, and the quadratic descent −2.0 → −0.2 → 0.52 → 0.81 …</summary>
internal static class PartFive
{
    public static void Write(GuidePage page)
    {
        page.Section("part5", "Part 5: Learning – Gradient Descent");
        page.Paragraph("How does the network find good weights from random ones? <b>Gradient descent</b>: start at random, measure the loss, " +
            "compute the <b>gradient</b> (which direction makes the loss smaller), step that way, repeat.");
        page.Paragraph("The gradient ∂L/∂w says what happens to the loss when w grows a little. Positive: growing w raises the loss, so decrease w. " +
            "Negative: growing w lowers the loss, so increase w. The update rule moves <b>against</b> the gradient, scaled by the learning rate α:");
        page.Equation("w<sub>new</sub> = w<sub>old</sub> − α · ∂L/∂w");

        const double w = 0.5, gradient = -0.32, alpha = 0.1;
        double updated = DescentExamples.Update(w, gradient, alpha);
        page.Heading("Worked example");
        page.Paragraph($"A weight w = {page.Num("part5.w", w, "0.0")} with gradient ∂L/∂w = {page.Num("part5.gradient", gradient, "0.00")} " +
            $"and α = {page.Num("part5.alpha", alpha, "0.0")}. The gradient is negative, so increasing w lowers the loss. EdgeNet's SGD optimiser makes the step:");
        page.Equation($"w<sub>new</sub> = {GuidePage.Show(w, "0.0")} − {GuidePage.Show(alpha, "0.0")} × ({GuidePage.Show(gradient, "0.00")}) = {page.Num("part5.updated", updated, "0.000")}");
        page.Paragraph($"The step was {page.Num("part5.step", updated - w, "+0.000;-0.000")}: w grew, and the network learned a little. " +
            "For a whole layer the same rule runs over every weight at once: W ← W − α·∂L/∂W, b ← b − α·∂L/∂b, each gradient shaped like its parameter.");
        page.Note("<b>Learning rate α.</b> Too large and steps overshoot and bounce around; too small and learning crawls. " +
            "<b>Iteration</b>: one update. <b>Epoch</b>: one pass over all the training examples. <b>Batch</b>: the examples used for one update.");

        IReadOnlyList<DescentStep> path = DescentExamples.Quadratic(start: -2.0, learningRate: 0.3, steps: 8);
        page.Heading("Descending a simple loss");
        page.Paragraph("On the loss L(w) = (w − 1)² + 0.5, whose gradient is 2(w − 1), starting from w = −2.0 with α = 0.3:");
        page.Figure("part5-descent", QuadraticDescentFigure.Create(path, DescentExamples.QuadraticLoss, 1.0), QuadraticDescentFigure.Size,
            "Each iteration moves opposite to the gradient, in smaller steps as the slope flattens near the minimum at w = 1.");
        page.Table(["Iteration", "w", "Loss", "Gradient 2(w − 1)", "w − 0.3 · gradient"],
            path.Select(s => (IReadOnlyList<string>)[
                (s.Iteration + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                page.Num($"part5.descent{s.Iteration}.w", s.W, "0.00"),
                page.Num($"part5.descent{s.Iteration}.loss", s.Loss, "0.00"),
                page.Num($"part5.descent{s.Iteration}.gradient", s.Gradient, "0.00"),
                page.Num($"part5.descent{s.Iteration}.next", s.Next, "0.00")]),
            caption: "Gradient descent iterations, computed now with EdgeNet's SGD update");
        page.EndSection();
    }
}
