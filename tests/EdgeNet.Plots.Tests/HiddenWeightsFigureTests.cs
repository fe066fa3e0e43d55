using EdgeNet.Plots.Figures;
using ScottPlot.Plottables;

namespace EdgeNet.Plots.Tests;

public sealed class HiddenWeightsFigureTests
{
    [Fact]
    public void Each_neuron_is_its_column_of_W1_reshaped_row_by_row_on_one_symmetric_scale()
    {
        // Given: W1 [25 × 3] with W1[i, j] = (j + 1)·(i − 12), so each neuron's patch counts across rows
        const int inputs = 25, neurons = 3;
        double[] weights = new double[inputs * neurons];
        for (int i = 0; i < inputs; i++)
        {
            for (int j = 0; j < neurons; j++)
            {
                weights[i * neurons + j] = (j + 1) * (i - 12.0);
            }
        }

        // When
        Heatmap[] patches = [.. HiddenWeightsFigure.Create(weights, inputs, neurons).GetPlottables<Heatmap>()];

        // Then: pixel (r, c) of neuron j is W1[5r + c, j], the range is ±max|W1|
        Assert.Equal(neurons, patches.Length);
        double largest = weights.Max(Math.Abs);
        for (int j = 0; j < neurons; j++)
        {
            for (int r = 0; r < 5; r++)
            {
                for (int c = 0; c < 5; c++)
                {
                    Assert.Equal(weights[(5 * r + c) * neurons + j], patches[j].Intensities[r, c]);
                }
            }
            Assert.Equal(new ScottPlot.Range(-largest, largest), patches[j].ManualRange);
        }
    }

    [Fact]
    public void Inputs_that_are_not_a_square_patch_are_refused_with_a_clear_message()
    {
        // Given / When
        var error = Assert.Throws<ArgumentException>(() => HiddenWeightsFigure.Create(new double[24 * 2], 24, 2));

        // Then
        Assert.Contains("square", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deeper_network_shows_its_first_layer_in_rows_of_four()
    {
        // Given: 25→16→8→2
        var network = Network<double>.Create(25, [16, 8], 2);
        network.InitializeLikeTutorial(new NumpyRandom(7));

        // When
        var plot = HiddenWeightsFigure.Create(network);

        // Then
        Assert.Equal(16, plot.GetPlottables<Heatmap>().Count());
        Assert.Equal(HiddenWeightsFigure.SizeFor(8).Width, HiddenWeightsFigure.SizeFor(16).Width);
        Assert.True(HiddenWeightsFigure.SizeFor(16).Height > HiddenWeightsFigure.SizeFor(8).Height);
    }
}
