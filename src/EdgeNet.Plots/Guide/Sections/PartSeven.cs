using EdgeNet.Diagnostics;
using EdgeNet.Plots.Diagrams;

namespace EdgeNet.Plots.Guide.Sections;

/// <summary>Part 7: backpropagation, its diagram and key gradients, one SGD step with all its numbers, and the gradient check.</summary>
internal static class PartSeven
{
    public static void Write(GuidePage page, Func<Network<double>> part1Network, double[] x, int label, IReadOnlyList<string> classNames)
    {
        page.Section("part7", "Part 7: Backpropagation – Computing Gradients Efficiently");
        page.Paragraph("The update rule needs ∂L/∂w for every weight, and the network has many. Backpropagation applies the chain rule " +
            "layer by layer, from the loss backwards, with matrix operations. For a layer with input <b>x</b>, weights W and output <b>z</b>:");
        page.Equation("∂L/∂W = <b>x</b><sup>T</sup> · ∂L/∂<b>z</b>");
        page.Figure("part7-forward-backward", ForwardBackwardDiagram.Create(), ForwardBackwardDiagram.Size,
            "Forward, values flow left to right; backward, gradients flow right to left, multiplied along each path.");

        page.Heading("The key gradients");
        page.Table(["Step", "Gradient", "Why"],
            [
                ["1. Output layer", "∂L/∂<b>z</b><sub>2</sub> = <b>p</b> − <b>y</b>", "softmax and cross-entropy together (<a href=\"#appendix-a1\">A.1</a>)"],
                ["2. W<sub>2</sub> and b<sub>2</sub>", "∂L/∂W<sub>2</sub> = <b>h</b><sup>T</sup> · ∂L/∂<b>z</b><sub>2</sub>, &nbsp; ∂L/∂<b>b</b><sub>2</sub> = ∂L/∂<b>z</b><sub>2</sub>", "<a href=\"#appendix-a2\">A.2</a>, <a href=\"#appendix-a3\">A.3</a>"],
                ["3. Back to the hidden layer", "∂L/∂<b>h</b> = ∂L/∂<b>z</b><sub>2</sub> · W<sub>2</sub><sup>T</sup>", "<a href=\"#appendix-a4\">A.4</a>"],
                ["4. Through ReLU", "∂L/∂<b>z</b><sub>1</sub> = ∂L/∂<b>h</b> ⊙ 1[<b>z</b><sub>1</sub> &gt; 0]", "<a href=\"#appendix-a5\">A.5</a>"],
                ["5. W<sub>1</sub> and b<sub>1</sub>", "∂L/∂W<sub>1</sub> = <b>x</b><sup>T</sup> · ∂L/∂<b>z</b><sub>1</sub>, &nbsp; ∂L/∂<b>b</b><sub>1</sub> = ∂L/∂<b>z</b><sub>1</sub>", "same pattern as step 2"],
            ]);
        page.Paragraph("If <b>p</b> = [0.9, 0.1] and <b>y</b> = [1, 0], step 1 gives [−0.1, +0.1]: negative for the correct class (raise its score), " +
            "positive for the wrong one (lower it). Each gradient has the shape of its parameter: ∂L/∂W<sub>1</sub> is 25×8, ∂L/∂W<sub>2</sub> is 8×2. " +
            "Then every parameter takes the step of Part 5: W ← W − α·∂L/∂W.");

        StepSection.Write(page, part1Network(), x, label, classNames);
        GradientCheckSection.Write(page, part1Network(), x, label);
        page.EndSection();
    }
}
