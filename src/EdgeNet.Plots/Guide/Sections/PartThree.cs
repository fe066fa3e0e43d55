using EdgeNet.Plots.Diagrams;
using EdgeNet.Plots.Lessons;

namespace EdgeNet.Plots.Guide.Sections;

/// <summary>Part 3: softmax in three steps, [2.5, 0.5] → [0.88, 0.12].</summary>
internal static class PartThree
{
    public static void Write(GuidePage page, IReadOnlyList<string> classNames)
    {
        page.Section("part3", "Part 3: From Scores to Probabilities – Softmax");
        page.Paragraph("Neurons produce <b>scores</b>; classification needs <b>probabilities</b>. The two output neurons give a vector of scores " +
            "<b>z</b> = [z<sub>edge</sub>, z<sub>no edge</sub>], any real numbers. These raw scores are called <b>logits</b>.");
        page.Paragraph("Softmax answers “what fraction of the total is each score?”. Plain ratios break on negative or zero scores, so it first " +
            "makes every score positive with e<sup>z</sup>, then divides by the sum. The exponential also amplifies differences, making the network more decisive.");
        page.Equation("p<sub>j</sub> = e<sup>z<sub>j</sub></sup> / Σ<sub>k</sub> e<sup>z<sub>k</sub></sup>");

        SoftmaxSteps steps = SoftmaxExample.Steps(TutorialInputs.SoftmaxScores);
        page.Figure("part3-softmax", SoftmaxStepsFigure.Create(steps, classNames), SoftmaxStepsFigure.Size,
            "Softmax in three steps: raw scores, exponentials, normalised.");
        page.Table(["Step", classNames[0], classNames[1]],
            [
                ["1. Scores (logits) z", page.Num("part3.z[0]", steps.Scores[0], "0.0"), page.Num("part3.z[1]", steps.Scores[1], "0.0")],
                ["2. Exponentials e<sup>z</sup>", page.Num("part3.exp[0]", steps.Exponentials[0], "0.00"), page.Num("part3.exp[1]", steps.Exponentials[1], "0.00")],
                ["3. Divide by the sum (" + page.Num("part3.sum", steps.Sum, "0.00") + ")", page.Num("part3.p[0]", steps.Probabilities[0], "0.00"), page.Num("part3.p[1]", steps.Probabilities[1], "0.00")],
            ],
            caption: "Computed now: the last row is EdgeNet's softmax, which subtracts the max score first so that large scores never overflow");
        page.Paragraph($"The probabilities add up to {page.Num("part3.total", steps.Probabilities.Sum(), "0.0")}, always. " +
            "Subtracting the largest score before exponentiating (what EdgeNet and the tutorial's code do) gives the same result without overflow.");
        page.EndSection();
    }
}
