using System.Runtime.Intrinsics;
using EdgeNet.Kernels;
using EdgeNet.Passes;

namespace EdgeNet.Tests.Passes;

/// <summary>The planner picks one path per batch shape, says why, and the reference flag overrides it.</summary>
public sealed class PassPlannerTests
{
    [Fact]
    public void The_tutorials_per_sample_step_takes_the_one_row_kernels()
    {
        // Given the tutorial's 25→8→2 in float64
        var network = Network<double>.Create(25, [8], 2);

        // When the planner is asked about a step of one sample
        PassPlan plan = network.Plan(1);

        // Then the one-row kernels run it, and the reason names the limit they have
        Assert.Equal(PassPath.OneRow, plan.Path);
        Assert.Equal(1, plan.Batch);
        Assert.Contains($"at most {2 * Vector512<double>.Count} outputs", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_through_a_wide_layer_takes_the_matrix_products_and_says_which_layer()
    {
        int wide = 2 * Vector512<double>.Count + 1;
        var network = Network<double>.Create(25, [wide], 2);

        PassPlan plan = network.Plan(1);

        Assert.Equal(PassPath.Gemm, plan.Path);
        Assert.Contains($"a layer has {wide} outputs", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_float64_batch_takes_the_matrix_products_because_feature_major_is_float32_only()
    {
        var network = Network<double>.Create(25, [8], 2);

        PassPlan plan = network.Plan(256);

        Assert.Equal(PassPath.Gemm, plan.Path);
        Assert.Contains("float32 only", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_float32_batch_of_narrow_layers_takes_the_feature_major_kernels_where_avx512_is()
    {
        var network = Network<float>.Create(25, [8], 2);
        bool avx512 = Simd512<float>.IsAccelerated && Lanes16.IsSupported;

        PassPlan plan = network.Plan(256);

        Assert.Equal(avx512 ? PassPath.FeatureMajor : PassPath.Gemm, plan.Path);
        Assert.Contains(avx512 ? "across the vector lanes" : "need AVX-512", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_float32_batch_is_below_the_feature_major_minimum()
    {
        var network = Network<float>.Create(25, [8], 2);
        int small = FeatureMajorPass<float>.MinimumBatch - 1;

        PassPlan plan = network.Plan(small);

        Assert.Equal(PassPath.Gemm, plan.Path);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(256)]
    public void Asking_for_the_reference_puts_every_batch_on_the_reference_pass(int batch)
    {
        var network = Network<float>.Create(25, [8], 2);
        network.UseReferenceKernels = true;

        PassPlan plan = network.Plan(batch);

        Assert.Equal(PassPath.Reference, plan.Path);
        Assert.Contains("reference pass", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_below_one_has_no_plan()
    {
        var network = Network<double>.Create(25, [8], 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => network.Plan(0));
    }
}
