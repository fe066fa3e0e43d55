using System.Globalization;
using EdgeNet.Plots.Style;
using EdgeNet.Training;
using ScottPlot;

namespace EdgeNet.Plots.Figures;

/// <summary>Loss per epoch, training and test (tutorial Part 8, "Loss Decreases").</summary>
public static class LossFigure
{
    /// <summary>Default size in pixels.</summary>
    public static PixelSize Size { get; } = new(640, 440);

    /// <summary>The curves of <paramref name="history"/>; the x axis spans all the run's epochs, so a run in progress fills it from the left.</summary>
    public static Plot Create(IReadOnlyList<EpochStats> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
        {
            throw new ArgumentException("There is no epoch to draw yet.", nameof(history));
        }
        double first = history[0].TrainLoss;
        double last = history[^1].TrainLoss;
        string trend = last < first ? "falls" : "does not fall";
        Plot plot = FigureStyle.NewPlot(string.Create(CultureInfo.InvariantCulture,
            $"Loss per epoch {trend} as the network learns: {first:0.####} → {last:0.####}"));

        double[] epochs = [.. history.Select(s => (double)s.Epoch)];
        var train = plot.Add.ScatterLine(epochs, [.. history.Select(s => s.TrainLoss)], FigureColors.Train);
        train.LineWidth = 4.5f;                                           // wide, so a test curve on top of it still shows it
        train.MarkerSize = history.Count < 30 ? 5 : 0;
        train.LegendText = "training (mean during the epoch)";
        if (history.All(s => s.TestLoss is not null))
        {
            var test = plot.Add.ScatterLine(epochs, [.. history.Select(s => s.TestLoss!.Value)], FigureColors.Test);
            test.LineWidth = 2f;
            test.MarkerSize = history.Count < 30 ? 5 : 0;
            test.LegendText = "test (after the epoch)";
        }
        plot.XLabel("Epoch", FigureStyle.LabelSize);
        plot.YLabel("Average loss  −log p(correct)", FigureStyle.LabelSize);
        double top = history.Max(s => Math.Max(s.TrainLoss, s.TestLoss ?? 0));
        plot.Axes.SetLimits(-0.5, Math.Max(history[0].Epochs - 0.5, 1), 0, top * 1.08 + 1e-9);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
