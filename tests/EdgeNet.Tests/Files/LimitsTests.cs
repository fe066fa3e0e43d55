namespace EdgeNet.Tests.Files;

/// <summary>The caps are checked in 64-bit arithmetic before anything is allocated.</summary>
public sealed class LimitsTests
{
    [Theory]
    [InlineData(65536, 65537)]
    [InlineData(50000, 50000)]
    [InlineData(100000, 100000)]
    [InlineData(int.MaxValue, int.MaxValue)]
    public void Networks_above_the_parameter_cap_are_refused_before_allocating(int first, int second)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ArgumentException>(() => Network<double>.Create(25, [first, second], 2));

        Assert.Contains("parameters; the most is 20,000,000", error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "allocated before refusing");
    }

    [Fact]
    public void The_parameter_count_does_not_overflow()
    {
        long parameters = Limits.Parameters([int.MaxValue, int.MaxValue, int.MaxValue]);

        Assert.True(parameters > Limits.MaxParameters);
    }

    [Fact]
    public void A_single_oversized_layer_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Layers.Dense<float>(65536, 65537));

    [Fact]
    public void A_network_at_the_cap_is_accepted()
    {
        // 25→h→2 with h chosen so that the parameters are just below the cap
        int hidden = (int)((Limits.MaxParameters - 2) / (25 + 1 + 2));

        Assert.True(Limits.Parameters([25, hidden, 2]) <= Limits.MaxParameters);
        Limits.CheckNetwork([25, hidden, 2]);
    }

    [Fact]
    public void Too_many_generated_samples_are_refused_before_drawing() =>
        Assert.Throws<ArgumentException>(() => EdgeNet.Data.GeneratedData.Tutorial.Generate(new NumpyRandom(1), Limits.MaxSamples + 1));

    [Fact]
    public void A_batch_too_large_for_the_widths_is_refused() =>
        Assert.Throws<ArgumentException>(() => Limits.CheckBatch(1_000_000, [4096, 2]));

    [Fact]
    public void A_gradient_check_at_the_work_cap_is_accepted_and_one_sample_more_is_refused()
    {
        // parameters² × samples: the largest sample count that fits the cap for 226 parameters (the tutorial's)
        long samples = Limits.MaxGradientCheckWork / (226L * 226);

        Limits.CheckGradientCheck(226, samples);
        var error = Assert.Throws<ArgumentException>(() => Limits.CheckGradientCheck(226, samples + 1));
        Assert.Contains($"{Limits.Count(226 * 226 * (samples + 1))}; the most is {Limits.Count(Limits.MaxGradientCheckWork)}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gradient_check_work_does_not_overflow() =>
        Assert.Throws<ArgumentException>(() => Limits.CheckGradientCheck(Limits.MaxParameters, Limits.MaxSamples));

    [Fact]
    public void The_engine_refuses_a_gradient_check_above_the_cap_before_any_finite_difference()
    {
        // 25→1000→2 (28,002 parameters) over 10 samples: 7.8 billion, above the cap
        var network = Network<double>.Create(25, [1000], 2);
        var x = new double[10 * 25];
        var labels = new int[10];

        Assert.Throws<ArgumentException>(() => EdgeNet.Diagnostics.GradientCheck.Run(network, x, labels));
    }
}
