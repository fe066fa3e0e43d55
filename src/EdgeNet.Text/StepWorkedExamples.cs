using System.Globalization;
using EdgeNet.Diagnostics;
using static EdgeNet.Text.MatrixText;

namespace EdgeNet.Text;

/// <summary>
/// The arithmetic behind one entry of a quantity, written out with the step's own numbers, as the tutorial
/// works its examples (Part 5: w_new = 0.5 − 0.1 × (−0.32) = 0.532). Nothing is recomputed: each line
/// shows recorded factors and the recorded result.
/// </summary>
internal static class StepWorkedExamples
{
    /// <summary>Lines shown before the quantity's numbers: how its terms combine.</summary>
    public static IEnumerable<string> Before(StepTrace trace, StepQuantity quantity)
    {
        if (quantity.Layer is not int number)
        {
            yield break;
        }
        LayerStep layer = trace.Layers[number - 1];
        if (!ReferenceEquals(quantity.Value, layer.PreActivationGradient))
        {
            yield break;
        }
        if (layer.ReluGate is { } gate)
        {
            yield return $"1[{layer.PreActivationName} > 0] = {Row(gate.Values, false, Whole)}: the gradient passes where the neuron fired, is blocked where it did not";
        }
        else if (layer.ActivationDerivative is { } slope)
        {
            string h = layer.ActivationName!, z = layer.PreActivationName;
            string why = trace.Activation switch
            {
                Layers.HiddenActivation.LeakyRelu => "all of the gradient passes where the neuron fired, 1% of it where it did not",
                Layers.HiddenActivation.Tanh => "the slope of tanh at each neuron, 1 at z = 0 and near 0 where tanh is saturated at ±1",
                _ => "the slope of sigmoid at each neuron, at most 0.25 (at z = 0)",
            };
            yield return $"{ActivationFormulas.Derivative(trace.Activation, h, z)} = {Row(slope.Values, false, Plain)}: {why}";
        }
        else
        {
            var terms = Enumerable.Range(0, trace.Probabilities.Count).Select(j => $"{Plain(trace.Probabilities[j])} − {Whole(trace.Target[j])}");
            yield return $"p − y = [{string.Join(", ", terms)}]";
        }
    }

    /// <summary>Lines shown after the quantity's numbers: one entry worked out.</summary>
    public static IEnumerable<string> After(StepTrace trace, StepQuantity quantity, IReadOnlyList<string> classNames)
    {
        TraceMatrix value = quantity.Value;
        if (quantity.Stage == StepStage.Loss && quantity.Symbol == "L")
        {
            double p = trace.Probabilities[trace.Label];
            yield return $"= −log p[{classNames[trace.Label]}] = −log {Plain(p)} = {Loss(trace.Loss)}";
            yield break;
        }
        if (quantity.Layer is not int number)
        {
            yield break;
        }
        LayerStep layer = trace.Layers[number - 1];
        if (ReferenceEquals(value, layer.WeightGradient))
        {
            (int i, int o) = Entry(value);
            yield return Invariant($"e.g. dL/d{layer.WeightsName}[{i}, {o}] = {layer.InputName}[{i}] × dL/d{layer.PreActivationName}[{o}] = {Signed(layer.Input[i])} × ({Signed(layer.PreActivationGradient[o])}) = {Signed(value[i, o])}");
        }
        else if (ReferenceEquals(value, layer.ActivationGradient) && trace.Layers[number] is { Outputs: <= 4 } next)
        {
            int i = LargestMagnitude(value);
            var symbols = Enumerable.Range(0, next.Outputs).Select(j => $"dL/d{next.PreActivationName}[{j}]·{next.WeightsName}[{i}, {j}]");
            var numbers = Enumerable.Range(0, next.Outputs).Select(j => $"({Signed(next.PreActivationGradient[j])})({Signed(next.Weights[i, j])})");
            yield return $"e.g. dL/d{layer.ActivationName}[{i}] = {string.Join(" + ", symbols)}";
            yield return $"     = {string.Join(" + ", numbers)} = {Signed(value[i])}";
        }
        else if (ReferenceEquals(value, layer.UpdatedWeights))
        {
            (int i, int o) = Entry(layer.WeightGradient);
            yield return Update($"{layer.WeightsName}[{i}, {o}]", layer.Weights[i, o], trace.LearningRate, layer.WeightGradient[i, o], value[i, o]);
        }
        else if (ReferenceEquals(value, layer.UpdatedBias))
        {
            int o = LargestMagnitude(layer.BiasGradient);
            yield return Update($"{layer.BiasName}[{o}]", layer.Bias[o], trace.LearningRate, layer.BiasGradient[o], value[o]);
        }
    }

    // The entry with the largest gradient: the one the update moves most.
    private static (int Row, int Column) Entry(TraceMatrix gradient)
    {
        int index = LargestMagnitude(gradient);
        return (index / gradient.Columns, index % gradient.Columns);
    }

    private static string Update(string entry, double old, double learningRate, double gradient, double updated) =>
        Invariant($"e.g. {entry}: {Signed(old)} − {learningRate.ToString(CultureInfo.InvariantCulture)} × ({Signed(gradient)}) = {Signed(updated)}  (its largest move)");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
