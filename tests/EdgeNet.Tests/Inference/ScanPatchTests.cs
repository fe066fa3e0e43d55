using EdgeNet.Inference;

namespace EdgeNet.Tests.Inference;

public sealed class ScanPatchTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(5, true)]
    [InlineData(31, true)]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(4, false)]
    [InlineData(-3, false)]
    public void A_window_has_a_centre_pixel_exactly_when_its_side_is_odd_and_positive(int side, bool expected) =>
        Assert.Equal(expected, ScanPatch.HasCentre(side));

    [Theory]
    [InlineData(5, 25, true)]
    [InlineData(3, 9, true)]
    [InlineData(5, 24, false)]                                      // the square is not the input count
    [InlineData(4, 16, false)]                                      // square, but no centre pixel
    public void A_network_scans_with_a_patch_that_is_odd_and_square_to_its_inputs(int side, long inputs, bool expected)
    {
        Assert.Equal(expected, ScanPatch.Fits(side, (int)inputs));
        if (!expected)
        {
            ArgumentException error = Assert.Throws<ArgumentException>(() => ScanPatch.Check(side, (int)inputs, "patchSize"));
            Assert.Contains("must be odd", error.Message, StringComparison.Ordinal);
        }
    }
}
