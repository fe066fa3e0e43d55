using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Tests;

public sealed class ColorMapTests
{
    [Fact]
    public void RdBu_is_red_for_negative_white_at_zero_and_blue_for_positive()
    {
        // Given: a symmetric range, as the weight figures use
        ScottPlot.Range range = ColorMaps.Symmetric([-0.8, 0.3, 0.5]);

        // When
        Color negative = ColorMaps.RdBu.GetColor(range.Normalize(-0.8));
        Color zero = ColorMaps.RdBu.GetColor(range.Normalize(0));
        Color positive = ColorMaps.RdBu.GetColor(range.Normalize(0.8));

        // Then
        Assert.True(negative.R > 2 * negative.B, $"negative should be red, got {negative}");
        Assert.True(positive.B > 2 * positive.R, $"positive should be blue, got {positive}");
        Assert.True(zero.R > 230 && zero.G > 230 && zero.B > 230, $"zero should be near white, got {zero}");
    }

    [Fact]
    public void Symmetric_range_is_centred_on_zero_and_holds_the_largest_magnitude()
    {
        // Given / When
        ScottPlot.Range range = ColorMaps.Symmetric([0.2, -1.7, 0.9]);

        // Then
        Assert.Equal(-1.7, range.Min);
        Assert.Equal(1.7, range.Max);
        Assert.Equal(new ScottPlot.Range(-1, 1), ColorMaps.Symmetric([0.0, 0.0]));
    }

    [Fact]
    public void Gray_maps_zero_to_black_and_one_to_white()
    {
        Assert.Equal(Colors.Black, ColorMaps.Gray.GetColor(0));
        Assert.Equal(Colors.White, ColorMaps.Gray.GetColor(1));
    }
}
