using EdgeNet.Layers;

namespace EdgeNet.Tests;

/// <summary>Each hidden activation and its derivative on values a learner can check by hand, and against a slope.</summary>
public sealed class HiddenActivationTests
{
    private static readonly double[] Z = [-2.0, -0.5, 0.0, 0.5, 2.0];

    [Fact]
    public void Leaky_relu_keeps_a_hundredth_below_zero()
    {
        double[] h = new double[5], dz = new double[5];
        HiddenActivations.Forward(HiddenActivation.LeakyRelu, Z, h);
        HiddenActivations.Backward<double>(HiddenActivation.LeakyRelu, Z, h, [1, 1, 1, 1, 1], dz);
        Assert.Equal([-2.0 * 0.01, -0.5 * 0.01, 0.0, 0.5, 2.0], h);
        Assert.Equal([0.01, 0.01, 0.01, 1, 1], dz);                   // at the kink z = 0: the slope below, as PyTorch
    }

    [Fact]
    public void Relu_gates_at_zero_with_zero()
    {
        double[] h = new double[5], dz = new double[5];
        HiddenActivations.Forward(HiddenActivation.Relu, Z, h);
        HiddenActivations.Backward<double>(HiddenActivation.Relu, Z, h, [3, 3, 3, 3, 3], dz);
        Assert.Equal([0.0, 0, 0, 0.5, 2], h);
        Assert.Equal([0.0, 0, 0, 3, 3], dz);
    }

    [Fact]
    public void Sigmoid_is_one_half_at_zero_with_slope_one_quarter()
    {
        double[] h = new double[5], dz = new double[5];
        HiddenActivations.Forward(HiddenActivation.Sigmoid, Z, h);
        HiddenActivations.Backward<double>(HiddenActivation.Sigmoid, Z, h, [1, 1, 1, 1, 1], dz);
        Assert.Equal(0.5, h[2]);
        Assert.Equal(0.25, dz[2]);
        Assert.Equal(1 / (1 + Math.Exp(2.0)), h[0], 15);
        Assert.Equal(1.0, h[0] + h[4], 15);                           // σ(−z) = 1 − σ(z)
    }

    [Fact]
    public void Tanh_is_zero_at_zero_with_slope_one()
    {
        double[] h = new double[5], dz = new double[5];
        HiddenActivations.Forward(HiddenActivation.Tanh, Z, h);
        HiddenActivations.Backward<double>(HiddenActivation.Tanh, Z, h, [2, 2, 2, 2, 2], dz);
        Assert.Equal(0.0, h[2]);
        Assert.Equal(2.0, dz[2]);
        Assert.Equal((Math.Exp(1) - 1) / (Math.Exp(1) + 1), h[3], 15); // tanh ½ = (e − 1)/(e + 1)
        Assert.Equal(-h[4], h[0]);
    }

    [Theory]
    [InlineData(HiddenActivation.Relu)]
    [InlineData(HiddenActivation.LeakyRelu)]
    [InlineData(HiddenActivation.Tanh)]
    [InlineData(HiddenActivation.Sigmoid)]
    public void Derivative_matches_a_central_difference_away_from_kinks(HiddenActivation activation)
    {
        double[] z = [-1.3, -0.2, 0.4, 1.7];
        double[] h = new double[4], dz = new double[4];
        HiddenActivations.Forward(activation, z, h);
        HiddenActivations.Backward<double>(activation, z, h, [1, 1, 1, 1], dz);
        const double step = 1e-6;
        for (int i = 0; i < z.Length; i++)
        {
            double[] up = new double[1], down = new double[1];
            HiddenActivations.Forward<double>(activation, [z[i] + step], up);
            HiddenActivations.Forward<double>(activation, [z[i] - step], down);
            Assert.Equal((up[0] - down[0]) / (2 * step), dz[i], 8);
        }
    }

    [Fact]
    public void Names_round_trip()
    {
        foreach (HiddenActivation activation in Enum.GetValues<HiddenActivation>())
        {
            Assert.Equal(activation, HiddenActivations.Parse(HiddenActivations.Name(activation)));
        }
        Assert.Null(HiddenActivations.Parse("softmax"));
    }
}
