using EdgeNet.Plots.Figures;
using EdgeNet.Plots.Lessons;

namespace EdgeNet.Plots.Guide.Sections;

/// <summary>Part 4: cross-entropy, its curve and table (0.01, 0.69, 2.30, 4.60), and the summation trick (0.128).</summary>
internal static class PartFour
{
    public static void Write(GuidePage page, IReadOnlyList<string> classNames)
    {
        page.Section("part4", "Part 4: Measuring Wrongness – The Loss Function");
        page.Paragraph("One number must say how bad a prediction was. The network gives <b>p</b> = [P<sub>edge</sub>, P<sub>no edge</sub>]; " +
            "p<sub>correct</sub> is the probability it gave to the true class. The loss is its negative logarithm, the <b>cross-entropy</b>:");
        page.Equation("L = −log(p<sub>correct</sub>) &nbsp;&nbsp;(in full: L = −Σ<sub>i</sub> y<sub>i</sub> log p<sub>i</sub>)");
        page.Paragraph("Think of it as <b>surprise</b>: predict 99% rain and it rains, no surprise; predict 1% and it rains, great surprise. " +
            "The logarithm punishes confident wrong answers severely:");
        string[] verdicts = ["tiny: correct and confident ✓", "moderate: uncertain", "large: wrong", "huge: confidently wrong ✗"];
        double[] probabilities = TutorialInputs.LossProbabilities;
        page.Table(["p<sub>correct</sub>", "Loss −log p (EdgeNet's softmax cross-entropy)", ""],
            probabilities.Select((p, i) => (IReadOnlyList<string>)[
                page.Num($"part4.p{i}", p, "0.00"),
                page.Num($"part4.loss{i}", SoftmaxExample.EngineLoss(p), "0.000"),
                GuidePage.Escape(verdicts[Math.Min(i, verdicts.Length - 1)])]),
            caption: "Each loss is computed by the engine from logits whose softmax is [p, 1 − p]");
        (double P, string Caption)[] marks = [(probabilities[0], "Great!"), (probabilities[1], "Uncertain"), (probabilities[2], "Wrong!")];
        page.Figure("part4-loss-curve", CrossEntropyCurveFigure.Create(SoftmaxExample.EngineLoss, marks), CrossEntropyCurveFigure.Size,
            "The loss curve: near zero when the network is right and sure, shooting up as p<sub>correct</sub> falls towards 0.");

        page.Heading("The summation trick");
        double[] p2 = TutorialInputs.SummationProbabilities;
        double loss = SoftmaxExample.CrossEntropy(p2, 0);
        page.Paragraph($"Because <b>y</b> is one-hot (1 for the correct class, 0 elsewhere) only one term of the sum survives. If “{GuidePage.Escape(classNames[0])}” is correct, " +
            $"<b>y</b> = [1, 0] and <b>p</b> = [{page.Num("part4.sum.p0", p2[0], "0.00")}, {page.Num("part4.sum.p1", p2[1], "0.00")}]:");
        page.Equation($"L = −(1 · log {GuidePage.Show(p2[0], "0.00")} + 0 · log {GuidePage.Show(p2[1], "0.00")}) = −log {GuidePage.Show(p2[0], "0.00")} = {page.Num("part4.sum.loss", loss, "0.000")}");
        page.Paragraph("The loss is small because the network predicted the right class with high confidence.");
        page.EndSection();
    }
}
