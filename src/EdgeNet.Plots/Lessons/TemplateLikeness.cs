namespace EdgeNet.Plots.Lessons;

/// <summary>How much each learned hidden neuron looks like Part 2's hand-made edge template.</summary>
public static class TemplateLikeness
{
    /// <summary>
    /// Cosine similarity of each first-layer neuron's weights W1[:, j] with <paramref name="template"/>: 1 the same
    /// pattern, 0 unrelated, −1 the opposite (an inverted-edge detector).
    /// </summary>
    public static double[] Of(Network<double> network, IReadOnlyList<double> template)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(template);
        var layer = network.Layers[0];
        if (template.Count != layer.Inputs)
        {
            throw new ArgumentException($"The template has {template.Count} values, the layer {layer.Inputs} inputs.");
        }
        double templateNorm = Math.Sqrt(template.Sum(t => t * t));
        var likeness = new double[layer.Outputs];
        for (int j = 0; j < layer.Outputs; j++)
        {
            double dot = 0, norm = 0;
            for (int i = 0; i < layer.Inputs; i++)
            {
                double w = layer.Weights[i * layer.Outputs + j];     // W1[i, j]
                dot += w * template[i];
                norm += w * w;
            }
            likeness[j] = norm == 0 ? 0 : dot / (Math.Sqrt(norm) * templateNorm);
        }
        return likeness;
    }
}
