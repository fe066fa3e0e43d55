using System.Globalization;
using System.Text;
using EdgeNet.Diagnostics;
using EdgeNet.Optimizers;

namespace EdgeNet.Text;

/// <summary>
/// An <see cref="OptimizerTrace"/> as text: the rule's formulas, then for each update the loss before and after and,
/// for the first numbers of every W and b (all of them with <c>--full</c>), the gradient, the optimizer's state
/// before and after, the step each weight took and the weight after.
/// </summary>
public static class OptimizerTraceText
{
    /// <summary>Numbers of each parameter matrix shown without --full.</summary>
    public const int ShownNumbers = 4;

    private const int Width = 11;

    /// <summary>The whole text: header, the rule's formulas, a table per parameter and step, the loss before and after.</summary>
    public static string Format(OptimizerTrace trace, StepTextOptions options)
    {
        var text = new StringBuilder();
        OptimizerSettings settings = trace.Settings;
        OptimizerStepTrace first = trace.Steps[0];
        int parameters = first.Parameters.Sum(p => p.Before.Count);
        text.Append(Invariant($"{trace.Steps.Count} update{(trace.Steps.Count == 1 ? "" : "s")} with {settings}, α = {trace.LearningRate}, on one example: the optimizer's state before and after each.\n"));
        text.Append(Invariant($"Network:  {Shape(first)} ({parameters} parameters), {options.ModelDescription}\n"));
        text.Append(Invariant($"Example:  {options.ExampleDescription}\n"));
        foreach (string line in Rule(settings))
        {
            text.Append("Rule:     ").Append(line).Append('\n');
        }
        int[][] shown = [.. first.Parameters.Select(p => Shown(p.Gradient, options.Full))];
        foreach (OptimizerStepTrace step in trace.Steps)
        {
            text.Append('\n').Append(Invariant($"── Step {step.Number} (t = {step.Number}): loss {MatrixText.Loss(step.Loss)} → {MatrixText.Loss(step.LossAfter)} ──\n"));
            if (step.BiasCorrections is { } c)
            {
                text.Append(Invariant($"   bias corrections: 1 − β1ᵗ = {c.First:G6}, 1 − β2ᵗ = {c.Second:G6}\n"));
            }
            for (int p = 0; p < step.Parameters.Count; p++)
            {
                Table(text, step.Parameters[p], settings, shown[p]);
            }
            double largest = LargestStep(step);
            text.Append(Invariant($"   Largest step |Δ| = {Number(largest).TrimStart('+')} = {largest / trace.LearningRate:0.###}·α, for gradients |g| ≠ 0 from {Number(SmallestGradient(step)).TrimStart('+')} to {Number(LargestGradient(step)).TrimStart('+')}\n"));
        }
        OptimizerStepTrace last = trace.Steps[^1];
        text.Append('\n').Append(Invariant($"Loss on the example: {MatrixText.Loss(first.Loss)} before the first update, {MatrixText.Loss(last.LossAfter)} after the last.\n"));
        return text.ToString();
    }

    /// <summary>The rule's formulas, one line each, as the engine computes them.</summary>
    public static IEnumerable<string> Rule(OptimizerSettings settings)
    {
        string decay = settings.WeightDecay == 0 || settings.Kind == OptimizerKind.AdamW ? "d = g" : Invariant($"d = g + λ·W (λ = {settings.WeightDecay}, on W only)");
        switch (settings.Kind)
        {
            case OptimizerKind.Sgd:
                yield return decay + ";  ΔW = −α·d";
                break;
            case OptimizerKind.Momentum:
                yield return decay + ";  v ← d on the first step, then v ← μ·v + d;  ΔW = −α·v";
                break;
            case OptimizerKind.Nesterov:
                yield return decay + ";  v ← d on the first step, then v ← μ·v + d;  ΔW = −α·(d + μ·v)";
                break;
            case OptimizerKind.Adagrad:
                yield return decay + ";  s ← s + d²;  ΔW = −α·d / (√s + ε)";
                break;
            case OptimizerKind.RmsProp:
                yield return decay + ";  s ← ρ·s + (1 − ρ)·d²;  ΔW = −α·d / (√s + ε)";
                break;
            default:
                if (settings.Kind == OptimizerKind.AdamW)
                {
                    yield return Invariant($"W ← W·(1 − α·λ) first (decoupled decay, λ = {settings.WeightDecay}, on W only); then d = g");
                }
                else
                {
                    yield return decay;
                }
                yield return "m ← β1·m + (1 − β1)·d;  v ← β2·v + (1 − β2)·d²;  m̂ = m / (1 − β1ᵗ);  v̂ = v / (1 − β2ᵗ)";
                yield return "ΔW = −α·m̂ / (√v̂ + ε): at t = 1, m̂ = d and √v̂ = |d|, so every step is about α whatever the size of the gradient";
                break;
        }
    }

    // Without --full: the numbers with the largest |g| at the first step (in index order), the ones that move.
    private static int[] Shown(TraceMatrix gradient, bool full)
    {
        int[] all = [.. Enumerable.Range(0, gradient.Count)];
        return full || gradient.Count <= ShownNumbers
            ? all
            : [.. all.OrderByDescending(i => Math.Abs(gradient[i])).ThenBy(i => i).Take(ShownNumbers).Order()];
    }

    private static void Table(StringBuilder text, ParameterTrace parameter, OptimizerSettings settings, int[] shown)
    {
        IReadOnlyList<(string Name, TraceMatrix Values)> columns = Columns(parameter, settings);
        TraceMatrix shape = parameter.Before;
        string which = shown.Length == shape.Count ? "every number" : $"the {shown.Length} of {shape.Count} numbers with the largest |g| at the first step (--full shows all)";
        text.Append(Invariant($"   {parameter.Name} ({shape.Rows}×{shape.Columns}), {which}:\n"));
        text.Append("   ").Append("index".PadLeft(8));
        foreach ((string name, _) in columns)
        {
            text.Append(name.PadLeft(Width));
        }
        text.Append('\n');
        foreach (int i in shown)
        {
            string index = shape.Rows == 1 ? Invariant($"[{i}]") : Invariant($"[{i / shape.Columns},{i % shape.Columns}]");
            text.Append("   ").Append(index.PadLeft(8));
            foreach ((_, TraceMatrix values) in columns)
            {
                text.Append(Number(values[i]).PadLeft(Width));
            }
            text.Append('\n');
        }
    }

    /// <summary>
    /// One parameter's columns in a step, as the text's table has them: the value before, g, the rule's state before and
    /// after (v, s, or Adam's m and v, then m̂ and v̂), the step Δ and the value after.
    /// </summary>
    public static IReadOnlyList<(string Name, TraceMatrix Values)> Columns(ParameterTrace parameter, OptimizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(settings);
        var columns = new List<(string Name, TraceMatrix Values)> { (parameter.Name, parameter.Before), ("g", parameter.Gradient) };
        string first = settings.Kind switch
        {
            OptimizerKind.Momentum or OptimizerKind.Nesterov => "v",
            OptimizerKind.Adagrad or OptimizerKind.RmsProp => "s",
            _ => "m",
        };
        if (parameter.FirstBefore is { } fb && parameter.FirstAfter is { } fa)
        {
            columns.Add((first + " before", fb));
            columns.Add((first + " after", fa));
        }
        if (parameter.SecondBefore is { } sb && parameter.SecondAfter is { } sa)
        {
            columns.Add(("v before", sb));
            columns.Add(("v after", sa));
        }
        if (parameter.FirstCorrected is { } mHat && parameter.SecondCorrected is { } vHat)
        {
            columns.Add(("m̂", mHat));
            columns.Add(("v̂", vHat));
        }
        columns.Add(("Δ" + parameter.Name, parameter.Step));
        columns.Add((parameter.Name + " after", parameter.After));
        return columns;
    }

    /// <summary>Four decimals with a sign, or three significant digits for small numbers (v is often 1e-5).</summary>
    public static string Number(double value) =>
        value == 0 ? "0" : Math.Abs(value) >= 0.01 ? MatrixText.Signed(value) : value.ToString("+0.000e+0;-0.000e+0", CultureInfo.InvariantCulture);

    private static double LargestStep(OptimizerStepTrace step) => step.Parameters.Max(p => MaxAbs(p.Step));

    private static double LargestGradient(OptimizerStepTrace step) => step.Parameters.Max(p => MaxAbs(p.Gradient));

    private static double SmallestGradient(OptimizerStepTrace step) => step.Parameters.Min(p => MinAbs(p.Gradient)) is var min && double.IsFinite(min) ? min : 0;

    private static double MaxAbs(TraceMatrix m)
    {
        double max = 0;
        foreach (double value in m.Values)
        {
            max = Math.Max(max, Math.Abs(value));
        }
        return max;
    }

    private static double MinAbs(TraceMatrix m)
    {
        double min = double.PositiveInfinity;
        foreach (double value in m.Values)
        {
            min = value == 0 ? min : Math.Min(min, Math.Abs(value));
        }
        return min;
    }

    private static string Shape(OptimizerStepTrace step) =>
        string.Join("→", [step.Parameters[0].Before.Rows, .. step.Parameters.Where(p => p.IsBias).Select(p => p.Before.Columns)]);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
