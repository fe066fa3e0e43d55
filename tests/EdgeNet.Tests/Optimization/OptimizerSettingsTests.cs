using EdgeNet.Optimizers;

namespace EdgeNet.Tests.Optimization;

public sealed class OptimizerSettingsTests
{
    [Fact]
    public void Defaults_are_torch_optims()
    {
        Assert.Equal(1e-10, OptimizerSettings.For(OptimizerKind.Adagrad).Eps);
        Assert.Equal(1e-8, OptimizerSettings.For(OptimizerKind.Adam).Eps);
        Assert.Equal(0.01, OptimizerSettings.For(OptimizerKind.AdamW).WeightDecay);
        Assert.Equal(0, OptimizerSettings.For(OptimizerKind.Adam).WeightDecay);
        Assert.Equal((0.9, 0.999, 0.9, 0.99), (OptimizerSettings.Tutorial.Beta1, OptimizerSettings.Tutorial.Beta2, OptimizerSettings.Tutorial.Momentum, OptimizerSettings.Tutorial.RmsDecay));
    }

    [Theory]
    [InlineData(1.0, 0.9, 0.999, 1e-8, 0.0, "momentum")]
    [InlineData(-0.1, 0.9, 0.999, 1e-8, 0.0, "momentum")]
    [InlineData(0.9, 1.0, 0.999, 1e-8, 0.0, "β1")]
    [InlineData(0.9, 0.9, double.NaN, 1e-8, 0.0, "β2")]
    [InlineData(0.9, 0.9, 0.999, 0.0, 0.0, "ε")]
    [InlineData(0.9, 0.9, 0.999, 1e-8, -1e-3, "weight decay")]
    [InlineData(0.9, 0.9, 0.999, 1e-8, double.PositiveInfinity, "weight decay")]
    public void Out_of_range_settings_are_named(double momentum, double beta1, double beta2, double eps, double decay, string named)
    {
        var settings = new OptimizerSettings { Kind = OptimizerKind.Adam, Momentum = momentum, Beta1 = beta1, Beta2 = beta2, Eps = eps, WeightDecay = decay };
        ArgumentException e = Assert.Throws<ArgumentException>(settings.Validate);
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_round_trip()
    {
        foreach (OptimizerKind kind in Enum.GetValues<OptimizerKind>())
        {
            Assert.Equal(kind, OptimizerNames.Parse(OptimizerNames.Name(kind)));
        }
        Assert.Null(OptimizerNames.Parse("Adam"));
        Assert.Equal("adam (β1 0.9, β2 0.999, ε 1e-8)", OptimizerSettings.For(OptimizerKind.Adam).ToString());
    }
}
