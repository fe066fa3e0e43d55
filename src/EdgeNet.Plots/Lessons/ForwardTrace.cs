namespace EdgeNet.Plots.Lessons;

/// <summary>Part 1's forward pass through a fresh 25→8→2 network: every intermediate the tutorial prints.</summary>
/// <param name="Seed">np.random.seed.</param>
/// <param name="X">The flattened image, 25 values.</param>
/// <param name="W1">First layer weights [25 × 8] row by row.</param>
/// <param name="B1">First layer biases.</param>
/// <param name="Z1">z1 = x·W1 + b1.</param>
/// <param name="H">h = ReLU(z1).</param>
/// <param name="W2">Second layer weights [8 × 2] row by row.</param>
/// <param name="B2">Second layer biases.</param>
/// <param name="Z2">z2 = h·W2 + b2.</param>
/// <param name="P">p = softmax(z2).</param>
/// <param name="Hidden">Hidden neurons (8).</param>
/// <param name="Classes">Outputs (2).</param>
public sealed record ForwardTrace(
    uint Seed, double[] X, double[] W1, double[] B1, double[] Z1, double[] H, double[] W2, double[] B2, double[] Z2, double[] P, int Hidden, int Classes)
{
    /// <summary>Index of the most probable class.</summary>
    public int Predicted => SoftmaxCrossEntropy.ArgMax<double>(P);

    /// <summary>
    /// Builds the network as the tutorial does (seed, W1 = randn(25, 8)·0.3, b1 = 0, W2 = randn(8, 2)·0.3, b2 = 0)
    /// and runs the engine's forward pass on <paramref name="image"/>.
    /// </summary>
    public static ForwardTrace Run(IReadOnlyList<double> image, uint seed = 123, int hidden = 8, int classes = 2)
    {
        ArgumentNullException.ThrowIfNull(image);
        var network = Network<double>.Create(image.Count, [hidden], classes);
        network.InitializeLikeTutorial(new NumpyRandom(seed), 0.3);    // np.random.seed(123); W = randn·0.3
        double[] x = [.. image];
        double[] p = network.Forward(x, 1).ToArray();                  // x → z1 → h → z2 → p
        return new ForwardTrace(
            seed, x,
            [.. network.Layers[0].Weights], [.. network.Layers[0].Bias],
            network.PreActivation(0).ToArray(), network.Activation(0).ToArray(),
            [.. network.Layers[1].Weights], [.. network.Layers[1].Bias],
            network.PreActivation(1).ToArray(), p, hidden, classes);
    }
}
