namespace EdgeNet.Tests;

public sealed class NetworkConversionTests
{
    [Fact]
    public void Float_network_widens_to_double_exactly_and_predicts_the_same()
    {
        // Given a float network with random weights and biases
        var narrow = Network<float>.Create(6, [4, 3], 3);
        narrow.InitializeLikeTutorial(new NumpyRandom(9), 0.7);
        narrow.Layers[0].Bias[1] = 0.25f;
        float[] x = [0.1f, 0.9f, 0.4f, 0.3f, 0.7f, 0.2f];

        // When it is converted to double
        Network<double> wide = narrow.ConvertTo<double>();

        // Then every parameter is the same value and the prediction agrees to float precision
        for (int l = 0; l < narrow.Layers.Count; l++)
        {
            Assert.Equal(narrow.Layers[l].Weights.Select(w => (double)w), wide.Layers[l].Weights);
            Assert.Equal(narrow.Layers[l].Bias.Select(b => (double)b), wide.Layers[l].Bias);
        }
        float[] p = narrow.Forward(x, 1).ToArray();
        double[] q = wide.Forward([.. x.Select(v => (double)v)], 1).ToArray();
        for (int k = 0; k < p.Length; k++)
        {
            Assert.Equal(q[k], p[k], 1e-6);
        }
    }

    [Fact]
    public void Converting_to_the_same_type_returns_the_network_itself()
    {
        var network = Network<double>.Create(2, [2], 2);
        Assert.Same(network, network.ConvertTo<double>());
    }
}
