using EdgeNet.Plots.Diagrams;
using EdgeNet.Plots.Lessons;

namespace EdgeNet.Plots.Guide.Sections;

/// <summary>Part 1: the problem, the four example patches, the network diagram and the forward trace with seed 123.</summary>
internal static class PartOne
{
    private const string Signed = "+0.00;-0.00;+0.00";

    public static void Write(GuidePage page, ForwardTrace trace, IReadOnlyList<string> classNames)
    {
        page.Section("part1", "Part 1: The Problem – Detecting Edges");
        page.Paragraph("Given a 5×5 grayscale patch, the network answers one question: <b>is there a vertical edge here?</b> " +
            "Class 0, <b>Edge</b>, is a dark-to-bright transition from left to right; class 1, <b>No Edge</b>, is anything else: " +
            "a uniform gray, or the transition the other way round.");
        page.Figure("part1-examples", ExamplePatchesFigure.Create(TutorialInputs.FourExamples), ExamplePatchesFigure.Size,
            "Four example patches and their labels (0 is black, 1 is white).");

        page.Heading("The network's job");
        page.List(
            $"take the {page.Num("part1.inputs", trace.X.Length, "0")} pixel values as input (the 5×5 patch flattened into a <b>vector</b> x);",
            "process them through weights and activations;",
            $"output {page.Num("part1.classes", trace.Classes, "0")} scores, one for “Edge”, one for “No Edge”;",
            "turn the scores into probabilities with <b>softmax</b>;",
            "compare them to the true label with the <b>loss function</b>.");
        page.Note("<b>Notation.</b> Lowercase x, z, w: single numbers. Lowercase bold <b>x</b>, <b>z</b>: vectors. " +
            "Subscripts x<sub>i</sub>: element i of a vector. Uppercase W: a matrix (W<sub>1</sub> is 25×8).");
        page.Figure("part1-network", NetworkDiagram.Create(trace.X.Length, trace.Hidden, classNames), NetworkDiagram.Size,
            $"The network: {trace.X.Length} inputs → {trace.Hidden} hidden neurons with ReLU → {trace.Classes} scores and softmax.");

        page.Heading("Seeing the forward pass in action");
        page.Paragraph($"Real numbers through a network whose weights are still random: the tutorial seeds NumPy with " +
            $"{page.Num("part1.seed", trace.Seed, "0")}, draws W<sub>1</sub> = randn(25, 8)·0.3 and then W<sub>2</sub> = randn(8, 2)·0.3, " +
            "with zero biases. EdgeNet draws the same numbers from its NumPy-compatible generator and runs its own forward pass. " +
            "Parts 2–4 explain each step; for now, watch the shapes and values flow.");
        page.Paragraph("The input image, a perfect edge (dark on the left, bright on the right):");
        page.Raw(page.MatrixTable("part1.image", trace.X, 5, 5, "0.0", pixels: true));
        int h = trace.Hidden;
        int k = trace.Classes;
        page.Table(
            ["Step", "Shape", "Values (as the tutorial prints them)"],
            [
                ["x = the image flattened", $"(1, {trace.X.Length})", $"[{page.Num("part1.x[0]", trace.X[0], "0.0")}, {page.Num("part1.x[1]", trace.X[1], "0.0")}, … {page.Num("part1.x[24]", trace.X[^1], "0.0")}]"],
                ["W<sub>1</sub> (first two rows)", $"({trace.X.Length}, {h})",
                    $"[{page.Num("part1.W1[0,0]", trace.W1[0], Signed)}, {page.Num("part1.W1[0,1]", trace.W1[1], Signed)}, …]<br>[{page.Num("part1.W1[1,0]", trace.W1[h], Signed)}, {page.Num("part1.W1[1,1]", trace.W1[h + 1], Signed)}, …] …"],
                ["b<sub>1</sub>", $"(1, {h})", page.Vec("part1.b1", trace.B1, Signed, 2)],
                ["z<sub>1</sub> = x · W<sub>1</sub> + b<sub>1</sub>", $"(1, {h})", page.Vec("part1.z1", trace.Z1, Signed)],
                ["h = ReLU(z<sub>1</sub>): negatives become 0", $"(1, {h})", page.Vec("part1.h", trace.H, "0.00")],
                ["W<sub>2</sub> (first two rows)", $"({h}, {k})",
                    $"[{page.Num("part1.W2[0,0]", trace.W2[0], Signed)}, {page.Num("part1.W2[0,1]", trace.W2[1], Signed)}]<br>[{page.Num("part1.W2[1,0]", trace.W2[k], Signed)}, {page.Num("part1.W2[1,1]", trace.W2[k + 1], Signed)}] …"],
                ["b<sub>2</sub>", $"(1, {k})", page.Vec("part1.b2", trace.B2, Signed)],
                ["z<sub>2</sub> = h · W<sub>2</sub> + b<sub>2</sub> (Edge, No Edge)", $"(1, {k})", page.Vec("part1.z2", trace.Z2, Signed)],
                ["p = softmax(z<sub>2</sub>)", $"(1, {k})", page.Vec("part1.p", trace.P, "0.000")],
            ],
            caption: "Part 1's forward trace, computed now by EdgeNet's forward pass");
        page.Paragraph($"→ Prediction: <b>{GuidePage.Escape(classNames[trace.Predicted])}</b> " +
            $"({page.Num("part1.confidence", 100 * trace.P[trace.Predicted], "0.0")}% confident). " +
            "The weights are random, so the prediction may well be wrong: training is what makes it right.");
        page.EndSection();
    }
}
