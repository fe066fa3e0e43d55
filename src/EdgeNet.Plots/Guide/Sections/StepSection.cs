using System.Globalization;
using System.Text;
using EdgeNet.Diagnostics;
using EdgeNet.Plots.Figures;

namespace EdgeNet.Plots.Guide.Sections;

/// <summary>One SGD update on Part 1's network and image, every number from the engine's <see cref="StepTrace"/>.</summary>
internal static class StepSection
{
    private const string Signed = "+0.0000;-0.0000;0.0000";
    private const int ShownRows = 2;
    private const int ShownColumns = 4;

    private static readonly (StepStage Stage, string Title)[] Stages =
    [
        (StepStage.Forward, "Forward pass (Parts 1–3)"),
        (StepStage.Loss, "Loss (Part 4)"),
        (StepStage.Backward, "Backward pass (Part 7 and the appendix)"),
        (StepStage.Update, "Update (Part 5)"),
        (StepStage.After, "The same example, after the update"),
    ];

    public static void Write(GuidePage page, Network<double> network, double[] x, int label, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(network);
        const double alpha = 0.1;
        StepTrace trace = StepTrace.Record(network, x, label, alpha);
        page.Raw("<h3 id=\"step\">One update, every number</h3>\n");
        page.Paragraph($"Now train Part 1's network once on Part 1's perfect edge, whose true class is “{GuidePage.Escape(classNames[label])}”, " +
            $"with α = {page.Num("step.alpha", trace.LearningRate, "0.0")}. This is exactly one step of the training loop, recorded by the engine " +
            "(the same numbers <code>edgenet step</code> prints): every quantity with its formula and the part of the tutorial that explains it. " +
            "Vectors are shown whole; matrices in part, as the tutorial prints them, with the full matrix a click away.");
        foreach ((StepStage stage, string title) in Stages)
        {
            var rows = new List<IReadOnlyList<string>>();
            foreach (StepQuantity quantity in trace.Quantities.Where(q => q.Stage == stage))
            {
                rows.Add(Row(page, quantity));
                if (Gate(trace, quantity) is { } gate)
                {
                    rows.Add(gate(page));
                }
            }
            page.Raw($"<h4>{GuidePage.Escape(title)}</h4>\n");
            page.Table(["Quantity", "Formula", "Tutorial", "Value"], rows, cssClass: "step");
        }

        LayerStep first = trace.Layers[0];
        page.Figure("part7-step-gradient", HiddenWeightsFigure.Create(
                [.. first.WeightGradient.Values.ToArray()], first.Inputs, first.Outputs,
                "This step's dL/dW1[:, j] as 5×5: each weight moves against its colour",
                "gradient: red, the weight grows; blue, it shrinks"),
            HiddenWeightsFigure.SizeFor(first.Outputs),
            "The gradient of every first-layer weight in this step. Neurons that ReLU blocked (z<sub>1</sub> ≤ 0) get no gradient at all: their squares stay white.");
        page.Paragraph($"Before the update the loss on this example was {page.Num("step.loss", trace.Loss, "0.0000")} " +
            $"(p = {page.Vec("step.summary.p", trace.Probabilities.Values.ToArray(), "0.0000")}); after it, " +
            $"{page.Num("step.lossAfter", trace.LossAfter, "0.0000")} (p = {page.Vec("step.summary.pAfter", trace.ProbabilitiesAfter.Values.ToArray(), "0.0000")}). " +
            (trace.LossDecreased
                ? $"<b>The loss fell by {page.Num("step.lossDrop", trace.LossDrop, "0.0000")}</b>: one step downhill. Training is this step, repeated."
                : "<b>The loss rose</b>: this learning rate is too large for this example."));
    }

    private static IReadOnlyList<string> Row(GuidePage page, StepQuantity quantity) =>
        [
            $"<b>{GuidePage.Escape(quantity.Symbol)}</b>",
            GuidePage.Escape(quantity.Formula),
            GuidePage.Escape(quantity.TutorialPart),
            Value(page, "step." + quantity.Symbol, quantity.Value),
        ];

    // The ReLU gate 1[z > 0] belongs between dL/dh and dL/dz of a hidden layer (A.5).
    private static Func<GuidePage, IReadOnlyList<string>>? Gate(StepTrace trace, StepQuantity quantity)
    {
        if (quantity.Stage != StepStage.Backward || quantity.Layer is not int number)
        {
            return null;
        }
        LayerStep layer = trace.Layers[number - 1];
        if (layer.ReluGate is null || quantity.Symbol != $"dL/d{layer.ActivationName}")
        {
            return null;
        }
        string z = layer.PreActivationName;
        return page => [$"<b>1[{GuidePage.Escape(z)} &gt; 0]</b>", "the ReLU gate: 1 where the neuron fired", "Part 7, Step 4 (A.5)",
            Value(page, $"step.gate{number}", layer.ReluGate)];
    }

    private static string Value(GuidePage page, string key, TraceMatrix value)
    {
        string shape = $"<span class=\"shape\">{value.Rows}×{value.Columns}</span> ";
        if (value.IsScalar)
        {
            return page.Num(key, value[0], "0.0000");
        }
        if (value.IsVector)
        {
            return shape + page.Vec(key, value.Values.ToArray(), Signed);
        }
        var html = new StringBuilder(shape);
        for (int r = 0; r < Math.Min(ShownRows, value.Rows); r++)
        {
            int columns = Math.Min(ShownColumns, value.Columns);
            var cells = Enumerable.Range(0, columns).Select(c => GuidePage.Show(value[r, c], Signed));
            html.Append('[').Append(string.Join(", ", cells)).Append(columns < value.Columns ? ", …]" : "]").Append("<br>");
        }
        if (value.Rows > ShownRows)
        {
            html.Append(CultureInfo.InvariantCulture, $"… {value.Rows - ShownRows} more rows<br>");
        }
        html.Append("<details><summary>all ").Append(value.Count.ToString(CultureInfo.InvariantCulture)).Append(" numbers</summary>")
            .Append(page.MatrixTable(key, value.Values.ToArray(), value.Rows, value.Columns, Signed)).Append("</details>");
        return html.ToString();
    }
}
