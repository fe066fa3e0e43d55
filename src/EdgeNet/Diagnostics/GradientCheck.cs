using EdgeNet.Layers;

namespace EdgeNet.Diagnostics;

/// <summary>One parameter's analytic gradient (backpropagation) beside its central finite difference.</summary>
/// <param name="Parameter">Name as the tutorial writes it: W1, b1, W2, …</param>
/// <param name="Index">Row and column for weights ([i, o]), position for biases ([o]).</param>
/// <param name="Analytic">dL/dθ from backpropagation.</param>
/// <param name="Numeric">dL/dθ from central finite differences.</param>
public sealed record ParameterGradient(string Parameter, string Index, double Analytic, double Numeric)
{
    /// <summary>|analytic − numeric| / max(|analytic| + |numeric|, 1e-8).</summary>
    public double RelativeError => Math.Abs(Analytic - Numeric) / Math.Max(Math.Abs(Analytic) + Math.Abs(Numeric), 1e-8);
}

/// <summary>
/// Checks backpropagation: every parameter's dL/dθ against (L(θ + ε) − L(θ − ε)) / 2ε on the same batch.
/// </summary>
public static class GradientCheck
{
    /// <summary>Checks every weight and bias of <paramref name="network"/> on one batch.</summary>
    /// <exception cref="ArgumentException">The check would cost more than <see cref="Limits.MaxGradientCheckWork"/>.</exception>
    public static IReadOnlyList<ParameterGradient> Run(Network<double> network, ReadOnlySpan<double> x, ReadOnlySpan<int> labels, double epsilon = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(network);
        Limits.CheckGradientCheck(network.ParameterCount, labels.Length);
        network.ForwardLoss(x, labels, out _);
        network.Backward(x, labels);
        var analytic = network.Layers.Select(l => (W: l.WeightGradient.ToArray(), B: l.BiasGradient.ToArray())).ToArray();
        var results = new List<ParameterGradient>(network.ParameterCount);
        for (int l = 0; l < network.Layers.Count; l++)
        {
            Dense<double> layer = network.Layers[l];
            for (int i = 0; i < layer.Weights.Length; i++)
            {
                double numeric = Numeric(network, layer.Weights, i, x, labels, epsilon);
                results.Add(new ParameterGradient($"W{l + 1}", $"[{i / layer.Outputs}, {i % layer.Outputs}]", analytic[l].W[i], numeric));
            }
            for (int o = 0; o < layer.Bias.Length; o++)
            {
                double numeric = Numeric(network, layer.Bias, o, x, labels, epsilon);
                results.Add(new ParameterGradient($"b{l + 1}", $"[{o}]", analytic[l].B[o], numeric));
            }
        }
        return results;
    }

    // (L(θ + ε) − L(θ − ε)) / 2ε with L the mean loss over the batch, as backpropagation's gradient is.
    private static double Numeric(Network<double> network, double[] parameters, int index, ReadOnlySpan<double> x, ReadOnlySpan<int> labels, double epsilon)
    {
        double saved = parameters[index];
        parameters[index] = saved + epsilon;
        double plus = network.ForwardLoss(x, labels, out _) / labels.Length;
        parameters[index] = saved - epsilon;
        double minus = network.ForwardLoss(x, labels, out _) / labels.Length;
        parameters[index] = saved;
        return (plus - minus) / (2 * epsilon);
    }
}
