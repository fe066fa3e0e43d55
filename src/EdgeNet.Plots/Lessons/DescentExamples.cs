using EdgeNet.Layers;
using EdgeNet.Optimizers;

namespace EdgeNet.Plots.Lessons;

/// <summary>One gradient-descent step on the quadratic: where it was, the slope there, where it went.</summary>
/// <param name="Iteration">0 for the start.</param>
/// <param name="W">The weight before the step.</param>
/// <param name="Loss">L(w) = (w − 1)² + 0.5.</param>
/// <param name="Gradient">dL/dw = 2(w − 1).</param>
/// <param name="Next">w − α·dL/dw.</param>
public sealed record DescentStep(int Iteration, double W, double Loss, double Gradient, double Next);

/// <summary>Part 5 computed: the update rule is the engine's own <see cref="Sgd"/>.</summary>
public static class DescentExamples
{
    /// <summary>w − α·dL/dw, done by <see cref="Sgd.Step{T}"/> on a network of one weight.</summary>
    public static double Update(double w, double gradient, double learningRate)
    {
        var network = new Network<double>([new Dense<double>(1, 1)]);
        network.Layers[0].Weights[0] = w;
        network.Layers[0].WeightGradient[0] = gradient;
        Sgd.Step(network, learningRate);                                // w ← w − α·dL/dw
        return network.Layers[0].Weights[0];
    }

    /// <summary>The quadratic loss of the tutorial's picture, L(w) = (w − 1)² + 0.5.</summary>
    public static double QuadraticLoss(double w) => (w - 1) * (w - 1) + 0.5;

    /// <summary>Its derivative, dL/dw = 2(w − 1).</summary>
    public static double QuadraticGradient(double w) => 2 * (w - 1);

    /// <summary>The tutorial's descent: from <paramref name="start"/> with rate <paramref name="learningRate"/>, <paramref name="steps"/> updates.</summary>
    public static IReadOnlyList<DescentStep> Quadratic(double start = -2.0, double learningRate = 0.3, int steps = 8)
    {
        var path = new List<DescentStep>(steps);
        double w = start;
        for (int i = 0; i < steps; i++)
        {
            double gradient = QuadraticGradient(w);
            double next = Update(w, gradient, learningRate);
            path.Add(new DescentStep(i, w, QuadraticLoss(w), gradient, next));
            w = next;
        }
        return path;
    }
}
