using EdgeNet.Plots.Diagrams;
using EdgeNet.Plots.Figures;
using EdgeNet.Plots.Lessons;

namespace EdgeNet.Plots.Guide.Sections;

/// <summary>Part 2: weighted sum and ReLU, the four neurons, the template match (z = 8.0) and the five test inputs.</summary>
internal static class PartTwo
{
    public static void Write(GuidePage page)
    {
        page.Section("part2", "Part 2: How a Neuron Detects Patterns");
        page.Paragraph("A neuron does two small things. <b>Step 1, a weighted sum:</b> each input x<sub>i</sub> is multiplied by its weight " +
            "w<sub>i</sub>, the products are added up, and a bias b is added.");
        page.Equation("z = Σ<sub>i</sub> x<sub>i</sub> · w<sub>i</sub> + b");
        page.Paragraph("The weights decide how much each pixel matters; the bias shifts when the neuron fires. For all eight hidden neurons at " +
            "once this is one matrix product, <b>z</b><sub>1</sub> = <b>x</b> · W<sub>1</sub> + <b>b</b><sub>1</sub>: each column of W<sub>1</sub> is one neuron's weights.");
        page.Paragraph("<b>Step 2, the activation:</b> ReLU keeps positive sums and blocks the rest.");
        page.Equation("h = ReLU(z) = max(0, z)");
        page.Paragraph("ReLU is what makes the network more than one big linear equation: it makes a decision (“if z &gt; 0 pass it, " +
            "else output 0”), so different inputs are treated differently, and many such neurons together can carve the input space into regions.");

        double[] z = [.. TutorialInputs.FourNeurons.Select(n => n.Z)];
        double[] h = NeuronExamples.ReluOf(z);
        page.Raw("<div class=\"pair\">");
        page.Figure("part2-relu", ReluFigure.Create(), ReluFigure.Size, "ReLU: negative sums are blocked, positive ones pass through.");
        page.Figure("part2-four-neurons", FourNeuronsDiagram.Create(TutorialInputs.FourNeurons, h), FourNeuronsDiagram.Size,
            "Four neurons after ReLU: A and C pass, B and D are blocked.");
        page.Raw("</div>");
        page.Table(["Neuron", "z (weighted sum)", "h = ReLU(z)"],
            TutorialInputs.FourNeurons.Select((n, i) => (IReadOnlyList<string>)[n.Name,
                page.Num($"part2.neuron{n.Name[^1]}.z", z[i], "+0.0;-0.0"), page.Num($"part2.neuron{n.Name[^1]}.h", h[i], "0.0")]));

        page.Heading("The key insight: the weights are a template");
        page.Paragraph("The output h is a <b>score</b> for how well the input matches the weight pattern. Give a neuron the weights " +
            "−1, −1, 0, +1, +1 in every row: it wants dark pixels on the left and bright ones on the right. Now show it the perfect edge:");
        NeuronOutput match = NeuronExamples.Fire(TutorialInputs.Template, TutorialInputs.PerfectEdge);
        page.Figure("part2-template", TemplateMatchFigure.Create(TutorialInputs.Template, TutorialInputs.PerfectEdge), TemplateMatchFigure.Size,
            "The weight pattern and the input it is matched against.");
        IReadOnlyList<ProductGroup> groups = NeuronExamples.Products(TutorialInputs.Template, TutorialInputs.PerfectEdge);
        page.Table(["Pixels", "Weight", "Positions", "x · w · positions"],
            groups.Select((g, i) => (IReadOnlyList<string>)[
                page.Num($"part2.match.group{i}.x", g.Input, "0.0"),
                page.Num($"part2.match.group{i}.w", g.Weight, "+0;-0;0"),
                page.Num($"part2.match.group{i}.count", g.Count, "0"),
                page.Num($"part2.match.group{i}.sum", g.Sum, "+0.0;-0.0;0.0")]),
            caption: "The calculation, z = sum(pixel × weight), grouped by equal products");
        page.Equation($"z = {page.Num("part2.match.z", match.Z, "+0.0;-0.0")} &nbsp;&nbsp; h = ReLU(z) = {page.Num("part2.match.h", match.H, "0.0")}");
        page.Paragraph("A strong positive output: <b>edge detected</b>. Dark pixels under negative weights and bright pixels under positive weights " +
            "both add to the sum; a mismatch (bright under negative, dark under positive) pulls it down, and ReLU blocks anything at or below zero.");

        page.Heading("Testing on different inputs");
        page.Paragraph("The same neuron (one row of the template, weights −1, −1, 0, +1, +1) on five different rows of pixels, computed by EdgeNet's dense layer and ReLU:");
        var outputs = TutorialInputs.FiveInputs.Select(i => NeuronExamples.Fire(TutorialInputs.TemplateRow, i.Row)).ToArray();
        page.Figure("part2-five-inputs", FiveInputsFigure.Create(TutorialInputs.FiveInputs, outputs), FiveInputsFigure.Size,
            "Same neuron, different inputs: only an aligned dark-to-bright edge gives the largest z.");
        page.Table(["Input", "Pixels (one row)", "z", "h", "Why"],
            TutorialInputs.FiveInputs.Select((input, i) => (IReadOnlyList<string>)[
                GuidePage.Escape(input.Name),
                string.Join(", ", input.Row.Select(v => GuidePage.Show(v, "0.0"))),
                page.Num($"part2.five{i}.z", outputs[i].Z, "0.0;-0.0;0.0"),
                page.Num($"part2.five{i}.h", outputs[i].H, "0.0"),
                GuidePage.Escape(input.Reason)]));
        page.EndSection();
    }
}
