using System.Globalization;
using EdgeNet.Plots.Style;
using EdgeNet.Training;
using ScottPlot;

namespace EdgeNet.Plots.Figures;

/// <summary>Accuracy per epoch in percent, training and test (tutorial Part 8, "Accuracy Increases").</summary>
public static class AccuracyFigure
{
    /// <summary>Default size in pixels.</summary>
    public static PixelSize Size { get; } = new(640, 440);

    /// <summary>The curves of <paramref name="history"/>, 0–105 % like the tutorial's; a dotted line marks chance for <paramref name="classes"/> classes.</summary>
    public static Plot Create(IReadOnlyList<EpochStats> history, int classes = 2)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
        {
            throw new ArgumentException("There is no epoch to draw yet.", nameof(history));
        }
        EpochStats first = history[0];
        EpochStats last = history[^1];
        string title = string.Create(CultureInfo.InvariantCulture,
            $"Accuracy per epoch: training {100 * first.TrainAccuracy:0.#}% → {100 * last.TrainAccuracy:0.#}%");
        if (last.TestAccuracy is { } testAccuracy)
        {
            title += string.Create(CultureInfo.InvariantCulture, $", test {100 * testAccuracy:0.#}%");
        }
        Plot plot = FigureStyle.NewPlot(title);

        double[] epochs = [.. history.Select(s => (double)s.Epoch)];
        var train = plot.Add.ScatterLine(epochs, [.. history.Select(s => 100 * s.TrainAccuracy)], FigureColors.Good);
        train.LineWidth = 4.5f;                                           // wide, so a test curve on top of it still shows it
        train.MarkerSize = history.Count < 30 ? 5 : 0;
        train.LegendText = "training (during the epoch)";
        if (history.All(s => s.TestAccuracy is not null))
        {
            var test = plot.Add.ScatterLine(epochs, [.. history.Select(s => 100 * s.TestAccuracy!.Value)], FigureColors.Test);
            test.LineWidth = 2f;
            test.MarkerSize = history.Count < 30 ? 5 : 0;
            test.LegendText = "test (after the epoch)";
        }
        plot.Add.HorizontalLine(100.0 / Math.Max(classes, 1), 1.5f, Colors.Gray.WithAlpha(0.6), LinePattern.Solid).LegendText = "chance (guessing)";
        plot.XLabel("Epoch", FigureStyle.LabelSize);
        plot.YLabel("Accuracy (%)", FigureStyle.LabelSize);
        plot.Axes.SetLimits(-0.5, Math.Max(first.Epochs - 0.5, 1), 0, 105);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }
}
