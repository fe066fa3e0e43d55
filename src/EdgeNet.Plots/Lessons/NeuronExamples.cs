using EdgeNet.Layers;

namespace EdgeNet.Plots.Lessons;

/// <summary>One neuron's answer: z = x·w + b and h = ReLU(z).</summary>
/// <param name="Z">The weighted sum.</param>
/// <param name="H">ReLU of it.</param>
public sealed record NeuronOutput(double Z, double H);

/// <summary>A group of equal products x_i·w_i in the template match (e.g. ten dark pixels under −1 weights).</summary>
/// <param name="Input">The pixel value x_i.</param>
/// <param name="Weight">The weight w_i.</param>
/// <param name="Count">How many positions have this pair.</param>
/// <param name="Sum">Their products added up.</param>
public sealed record ProductGroup(double Input, double Weight, int Count, double Sum);

/// <summary>Part 2 computed by the engine's own layers: a one-neuron <see cref="Dense{T}"/> and ReLU (<see cref="HiddenActivations"/>).</summary>
public static class NeuronExamples
{
    /// <summary>z = x·w (no bias) and h = ReLU(z) for one neuron with weights <paramref name="weights"/>.</summary>
    public static NeuronOutput Fire(IReadOnlyList<double> weights, IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(x);
        var neuron = new Dense<double>(weights.Count, 1);
        for (int i = 0; i < weights.Count; i++)
        {
            neuron.Weights[i] = weights[i];
        }
        var z = new double[1];
        neuron.Forward([.. x], z, 1);                                  // z = x·w + b
        var h = new double[1];
        HiddenActivations.Forward<double>(HiddenActivation.Relu, z, h);      // h = ReLU(z)
        return new NeuronOutput(z[0], h[0]);
    }

    /// <summary>ReLU of each value, through the engine's ReLU (<see cref="HiddenActivations"/>).</summary>
    public static double[] ReluOf(IReadOnlyList<double> z)
    {
        ArgumentNullException.ThrowIfNull(z);
        var h = new double[z.Count];
        HiddenActivations.Forward<double>(HiddenActivation.Relu, [.. z], h);
        return h;
    }

    /// <summary>The products x_i·w_i grouped by equal (x, w) pairs, weights from most negative up.</summary>
    public static IReadOnlyList<ProductGroup> Products(IReadOnlyList<double> weights, IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(x);
        return [.. weights.Zip(x)
            .GroupBy(pair => (Input: pair.Second, Weight: pair.First))
            .OrderBy(g => g.Key.Weight).ThenBy(g => g.Key.Input)
            .Select(g => new ProductGroup(g.Key.Input, g.Key.Weight, g.Count(), g.Sum(pair => pair.First * pair.Second)))];
    }
}
