namespace EdgeNet.Imaging.Tests;

public sealed class SobelTests
{
    [Fact]
    public void Vertical_step_responds_4_times_its_contrast_beside_the_step_and_0_elsewhere()
    {
        // Given 8×5 pixels: 0.2 in columns 0–3, 0.7 in columns 4–7
        var image = new GrayImage(8, 5, [.. Enumerable.Range(0, 40).Select(i => i % 8 < 4 ? 0.2 : 0.7)]);

        // When
        double[] magnitude = Sobel.Magnitude(image);
        (double[] gx, double[] gy) = Sobel.Gradients(image);

        // Then gx = (1 + 2 + 1)·0.5 on both sides of the step, 0 away from it; gy = 0 everywhere (borders replicated)
        for (int y = 0; y < 5; y++)
        {
            for (int x = 0; x < 8; x++)
            {
                double expected = x is 3 or 4 ? 4 * 0.5 : 0;
                Assert.Equal(expected, magnitude[y * 8 + x], 12);
                Assert.Equal(expected, gx[y * 8 + x], 12);
                Assert.Equal(0, gy[y * 8 + x], 12);
            }
        }
    }

    [Fact]
    public void Dark_to_bright_keeps_only_brightening_to_the_right()
    {
        // Given bright | dark | bright columns
        var image = new GrayImage(9, 3, [.. Enumerable.Range(0, 27).Select(i => i % 9 is >= 3 and < 6 ? 0.1 : 0.9)]);

        // When
        double[] rising = Sobel.DarkToBrightRight(image);

        // Then the bright→dark step (columns 2, 3) gives 0, the dark→bright one (columns 5, 6) gives 4·0.8
        Assert.Equal(0, rising[1 * 9 + 2], 12);
        Assert.Equal(0, rising[1 * 9 + 3], 12);
        Assert.Equal(3.2, rising[1 * 9 + 5], 12);
        Assert.Equal(3.2, rising[1 * 9 + 6], 12);
    }

    [Fact]
    public void Pearson_is_1_for_a_rising_line_minus_1_for_a_falling_one_and_undefined_for_a_flat_one()
    {
        double[] a = [0.1, 0.5, 0.2, 0.9, 0.4];

        Assert.Equal(1, Correlation.Pearson(a, [.. a.Select(v => 3 * v + 1)]), 12);
        Assert.Equal(-1, Correlation.Pearson(a, [.. a.Select(v => -2 * v)]), 12);
        Assert.True(double.IsNaN(Correlation.Pearson(a, [1, 1, 1, 1, 1])));
        Assert.Throws<ArgumentException>(() => Correlation.Pearson(a, [1, 2]));
    }

    [Fact]
    public void Pearson_matches_the_textbook_formula_on_uneven_data()
    {
        // Given x = 1..5, y = 2, 4, 5, 4, 5: Σdxdy = 6, Σdx² = 10, Σdy² = 6 → r = 6/√60
        double r = Correlation.Pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);

        Assert.Equal(6 / Math.Sqrt(60), r, 12);
    }
}
