using System.Globalization;
using System.Text;
using EdgeNet.Layers;

namespace EdgeNet.Text;

/// <summary>
/// The forward pass traced as the tutorial's Part 1 prints it: the image, each layer's W, b, z and h, then
/// softmax and the prediction. For the tutorial's 25→8→2 network it is the tutorial's text line for line.
/// </summary>
public static class ForwardTraceText
{
    /// <summary>
    /// Runs <paramref name="x"/> through <paramref name="network"/> and returns the trace as <c>edgenet predict</c> prints it;
    /// <paramref name="note"/>, when given, follows the image.
    /// </summary>
    public static string Format(Network<double> network, double[] x, IReadOnlyList<string> classNames, string? note)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(classNames);
        var text = new StringBuilder();
        int side = (int)Math.Round(Math.Sqrt(x.Length));
        bool square = side * side == x.Length;
        network.Forward(x, 1);
        if (square)
        {
            text.Append(CultureInfo.InvariantCulture, $"Input image ({side}×{side}):\n").Append(NumpyStyle.Matrix(x, side)).Append('\n');
        }
        if (note is not null)
        {
            text.Append('\n').Append(note).Append('\n');
        }
        text.Append(CultureInfo.InvariantCulture, $"\nFlattened to vector x: shape (1, {x.Length})\n");
        text.Append(CultureInfo.InvariantCulture, $"x = [{F1(x[0])}, {F1(x[1])}, ... {F1(x[^1])}]\n");

        int layers = network.Layers.Count;
        for (int l = 0; l < layers; l++)
        {
            var layer = network.Layers[l];
            bool last = l == layers - 1;
            string input = l == 0 ? "x" : Hidden(l - 1, layers);
            string inName = l == 0 ? "inputs" : "hidden";
            string outName = last ? "outputs" : "hidden";
            text.Append(CultureInfo.InvariantCulture, $"\n--- Layer {l + 1} ---\n");
            text.Append(CultureInfo.InvariantCulture, $"W{l + 1}: shape ({layer.Inputs}, {layer.Outputs}) ({layer.Inputs} {inName} × {layer.Outputs} {outName})\n");
            text.Append("    ").Append(Signed(layer.Weights.AsSpan(0, layer.Outputs), 2)).Append('\n');
            if (layer.Inputs > 1)
            {
                text.Append("    ").Append(Signed(layer.Weights.AsSpan(layer.Outputs, layer.Outputs), 2)).Append("  ...\n");
            }
            text.Append(CultureInfo.InvariantCulture, $"b{l + 1}: shape (1, {layer.Outputs})\n");
            text.Append("    ").Append(Signed(layer.Bias, 2)).Append('\n');
            ReadOnlySpan<double> z = network.PreActivation(l);
            text.Append(CultureInfo.InvariantCulture, $"\nz{l + 1} = {input} @ W{l + 1} + b{l + 1},  shape: (1, {layer.Outputs})\n");
            if (last)
            {
                text.Append(CultureInfo.InvariantCulture, $"z{l + 1} = {Signed(z, int.MaxValue)}  ({string.Join(", ", classNames.Select(c => c.Replace(' ', '-')))})\n");
            }
            else
            {
                string h = Hidden(l, layers);
                text.Append(CultureInfo.InvariantCulture, $"z{l + 1} = {Signed(z, 3)}\n");
                text.Append(CultureInfo.InvariantCulture, $"\n{h} = {Function(network.HiddenActivation, $"z{l + 1}")}\n");
                text.Append(CultureInfo.InvariantCulture, $"{h.PadRight(2)} = {Plain(network.Activation(l), 3)}\n");
            }
        }
        ReadOnlySpan<double> p = network.Probabilities;
        int best = SoftmaxCrossEntropy.ArgMax(p);
        text.Append(CultureInfo.InvariantCulture, $"\n--- Softmax ---\np = softmax(z{layers})\n");
        text.Append("p = [").Append(string.Join(", ", p.ToArray().Select(v => v.ToString("F3", CultureInfo.InvariantCulture)))).Append("]\n");
        text.Append(CultureInfo.InvariantCulture, $"\n→ Prediction: {classNames[best]} ({p[best] * 100:F1}% confident)\n");
        return text.ToString();
    }

    // h = f(z) with a word on what it does: "ReLU(z1)  -- negative values become 0", "tanh(z1)  -- squashed into (-1, 1)", …
    private static string Function(HiddenActivation activation, string z) => activation switch
    {
        HiddenActivation.Relu => $"ReLU({z})  -- negative values become 0",
        HiddenActivation.LeakyRelu => Invariant($"LeakyReLU({z})  -- negative values are multiplied by {HiddenActivations.LeakyReluSlope}"),
        HiddenActivation.Tanh => $"tanh({z})  -- squashed into (-1, 1)",
        HiddenActivation.Sigmoid => $"sigmoid({z}) = 1 / (1 + e^-{z})  -- squashed into (0, 1)",
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Hidden(int layer, int layers) => layers == 2 ? "h" : $"h{layer + 1}";

    private static string F1(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    // "[+0.21, -0.18, ...]": the first `shown` values with a sign, then an ellipsis if there are more.
    private static string Signed(ReadOnlySpan<double> values, int shown) => List(values, shown, v => v.ToString("+0.00;-0.00", CultureInfo.InvariantCulture));

    private static string Plain(ReadOnlySpan<double> values, int shown) => List(values, shown, v => v.ToString("F2", CultureInfo.InvariantCulture));

    private static string List(ReadOnlySpan<double> values, int shown, Func<double, string> format)
    {
        var parts = new List<string>();
        for (int i = 0; i < Math.Min(shown, values.Length); i++)
        {
            parts.Add(format(values[i]));
        }
        if (values.Length > shown)
        {
            parts.Add("...");
        }
        return "[" + string.Join(", ", parts) + "]";
    }
}
