using System.Globalization;
using System.Text;
using EdgeNet.Diagnostics;

namespace EdgeNet.Text;

/// <summary>How to describe a step: the class names, where the weights and the example came from, and how much to show.</summary>
/// <param name="ClassNames">A name per class, in label order.</param>
/// <param name="ModelDescription">Where the weights come from, e.g. "Part 1's random start (seed 123…)".</param>
/// <param name="ExampleDescription">Where the example comes from, e.g. "Part 1's perfect edge".</param>
/// <param name="Full">Show every value of every matrix instead of the first rows and columns.</param>
public sealed record StepTextOptions(IReadOnlyList<string> ClassNames, string ModelDescription, string ExampleDescription, bool Full);

/// <summary>
/// A <see cref="StepTrace"/> as text: every quantity on a line with its formula and the part of the tutorial
/// that explains it, then its numbers; worked arithmetic under the key ones; the loss before and after.
/// </summary>
public static class StepTraceText
{
    private static readonly Dictionary<StepStage, string> Headings = new()
    {
        [StepStage.Forward] = "Forward pass (Parts 1–3): each layer z = input·W + b, then {0}; softmax at the end",
        [StepStage.Loss] = "Loss (Part 4): cross-entropy, how wrong the prediction is",
        [StepStage.Backward] = "Backward pass (Part 7, derived in the Appendix): gradients from the loss back to W1",
        [StepStage.Update] = "Update (Part 5): every weight moves against its gradient",
        [StepStage.After] = "The same example through the updated network",
    };

    /// <summary>The whole step as <c>edgenet step</c> prints it, ending with a newline.</summary>
    public static string Format(StepTrace trace, StepTextOptions options)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();
        Header(text, trace, options);
        IReadOnlyList<StepQuantity> quantities = trace.Quantities;
        int formulaWidth = quantities.Max(q => q.Formula.Length) + 2;
        int partWidth = quantities.Max(q => q.TutorialPart.Length) + 2;
        StepStage? stage = null;
        foreach (StepQuantity quantity in quantities)
        {
            if (quantity.Stage != stage)
            {
                stage = quantity.Stage;
                string heading = string.Format(CultureInfo.InvariantCulture, Headings[quantity.Stage], ActivationFormulas.Name(trace.Activation));
                if (quantity.Stage == StepStage.Update)
                {
                    heading += Invariant($", α = {trace.LearningRate}");
                }
                text.Append('\n').Append("── ").Append(heading).Append(" ──\n");
            }
            Quantity(text, trace, quantity, options, formulaWidth, partWidth);
        }
        Summary(text, trace, options.ClassNames);
        return text.ToString();
    }

    private static void Header(StringBuilder text, StepTrace trace, StepTextOptions options)
    {
        string shape = string.Join("→", [trace.Layers[0].Inputs, .. trace.Layers.Select(l => l.Outputs)]);
        int parameters = trace.Layers.Sum(l => l.Weights.Count + l.Bias.Count);
        text.Append("One SGD update on one example, every number with its formula and the tutorial part that explains it.\n");
        text.Append(Invariant($"Network:  {shape} ({parameters} parameters), {options.ModelDescription}\n"));
        text.Append(Invariant($"Example:  {options.ExampleDescription}, label {options.ClassNames[trace.Label]} ({trace.Label})\n"));
        text.Append(Invariant($"Learning rate α = {trace.LearningRate}\n"));
        int side = (int)Math.Round(Math.Sqrt(trace.Input.Count));
        if (side * side == trace.Input.Count)
        {
            text.Append(Invariant($"\nInput image ({side}×{side}):\n")).Append(NumpyStyle.Matrix(trace.Input.Values, side)).Append('\n');
        }
    }

    private static void Quantity(StringBuilder text, StepTrace trace, StepQuantity quantity, StepTextOptions options, int formulaWidth, int partWidth)
    {
        string head = quantity.Formula.PadRight(formulaWidth) + quantity.TutorialPart.PadRight(partWidth);
        TraceMatrix value = quantity.Value;
        if (value.IsScalar && quantity.Symbol.StartsWith('L'))
        {
            text.Append(head).Append("= ").Append(MatrixText.Loss(value[0])).Append('\n');
        }
        else
        {
            text.Append(head).Append("shape ").Append(MatrixText.Shape(value)).Append('\n');
            foreach (string line in StepWorkedExamples.Before(trace, quantity))
            {
                text.Append("      ").Append(line).Append('\n');
            }
            Func<double, string> format = FormatOf(quantity.Symbol);
            bool first = true;
            foreach (string line in MatrixText.Lines(value, options.Full, format))
            {
                text.Append(first && value.IsVector ? "    = " : "      ").Append(line).Append('\n');
                first = false;
            }
        }
        foreach (string line in StepWorkedExamples.After(trace, quantity, options.ClassNames))
        {
            text.Append("      ").Append(line).Append('\n');
        }
    }

    private static void Summary(StringBuilder text, StepTrace trace, IReadOnlyList<string> classNames)
    {
        string label = classNames[trace.Label];
        text.Append('\n');
        text.Append(Invariant($"Prediction before: {classNames[trace.Predicted]} (p[{label}] = {MatrixText.Plain(trace.Probabilities[trace.Label])})"));
        text.Append(Invariant($"   after: {classNames[trace.PredictedAfter]} (p[{label}] = {MatrixText.Plain(trace.ProbabilitiesAfter[trace.Label])})\n"));
        text.Append(Invariant($"Loss before: {MatrixText.Loss(trace.Loss)}   after: {MatrixText.Loss(trace.LossAfter)}   "));
        text.Append(Verdict(trace)).Append('\n');
    }

    /// <summary>One sentence on whether the step helped: the drop, or plainly that the loss did not fall.</summary>
    public static string Verdict(StepTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (!double.IsFinite(trace.LossAfter))
        {
            return Invariant($"WARNING: the loss after the update is {trace.LossAfter}: the step diverged; the learning rate {trace.LearningRate} is far too large.");
        }
        if (trace.LossDecreased)
        {
            double percent = trace.Loss > 0 ? 100 * trace.LossDrop / trace.Loss : 0;
            return Invariant($"drop: {MatrixText.Loss(trace.LossDrop)} ({percent:F1}% lower): the step moved downhill.");
        }
        if (trace.LossAfter == trace.Loss)
        {
            return "WARNING: the loss did not change: the prediction is already certain, or α is too small to move it.";
        }
        return Invariant($"WARNING: the loss did not go down (it rose by {MatrixText.Loss(-trace.LossDrop)}): the learning rate {trace.LearningRate} overshot; try a smaller --lr.");
    }

    // Probabilities and the one-hot y cannot be negative; every other quantity is shown with its sign.
    private static Func<double, string> FormatOf(string symbol) => symbol switch
    {
        "y" => MatrixText.Whole,
        "p" or "p (after)" => MatrixText.Plain,
        _ => MatrixText.Signed,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
