using EdgeNet.Data;

namespace EdgeNet.Tests.Diagnostics;

/// <summary>Networks and examples for the step-trace tests, made here from seeds.</summary>
internal static class StepNetworks
{
    /// <summary>Part 1's network: seed 123, W1 = randn(25,8)·0.3, W2 = randn(8,2)·0.3, zero biases.</summary>
    public static Network<double> Part1() => Seeded(25, [8], 2, TutorialExamples.ForwardTraceSeed);

    public static Network<double> Seeded(int inputs, int[] hidden, int classes, uint seed)
    {
        var network = Network<double>.Create(inputs, hidden, classes);
        network.InitializeLikeTutorial(new NumpyRandom(seed), 0.3);
        return network;
    }

    /// <summary>An exact copy of <paramref name="network"/>'s weights and biases.</summary>
    public static Network<double> Copy(Network<double> network)
    {
        var copy = Network<double>.Create(network.Inputs, network.HiddenSizes, network.Classes);
        for (int l = 0; l < network.Layers.Count; l++)
        {
            network.Layers[l].Weights.CopyTo(copy.Layers[l].Weights, 0);
            network.Layers[l].Bias.CopyTo(copy.Layers[l].Bias, 0);
        }
        return copy;
    }

    /// <summary>The layers after <paramref name="hidden"/> as their own network, fed by h of that hidden layer.</summary>
    public static Network<double> Tail(Network<double> network, int hidden)
    {
        var layers = new List<Layers.Dense<double>>();
        for (int l = hidden + 1; l < network.Layers.Count; l++)
        {
            var source = network.Layers[l];
            var layer = new Layers.Dense<double>(source.Inputs, source.Outputs);
            source.Weights.CopyTo(layer.Weights, 0);
            source.Bias.CopyTo(layer.Bias, 0);
            layers.Add(layer);
        }
        return new Network<double>(layers);
    }

    /// <summary>Pixels drawn uniformly in [0, 1) from <paramref name="seed"/>.</summary>
    public static double[] RandomExample(int length, uint seed)
    {
        var random = new NumpyRandom(seed);
        var x = new double[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = random.Rand();
        }
        return x;
    }
}
