using EdgeNet.Plots.Style;
using EdgeNet.Training;
using ScottPlot;

namespace EdgeNet.Plots.Figures;

/// <summary>Several runs' training loss per epoch on one plot, one colour each (the guide's "Beyond SGD").</summary>
public static class LossCurvesFigure
{
    /// <summary>Default size in pixels.</summary>
    public static PixelSize Size { get; } = new(720, 460);

    /// <summary>
    /// The training loss (mean during each epoch) of every run in <paramref name="runs"/>, labelled with its name, with a
    /// thin gray line at <paramref name="target"/> when given. Earlier runs are drawn wider, so a curve that another covers
    /// still shows at its edges.
    /// </summary>
    /// <exception cref="ArgumentException">No run, more runs than <see cref="FigureColors.Series"/> has colours, or an empty history.</exception>
    public static Plot Create(string title, IReadOnlyList<(string Name, IReadOnlyList<EpochStats> History)> runs, double? target = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0 || runs.Count > FigureColors.Series.Count)
        {
            throw new ArgumentException($"Give 1 to {FigureColors.Series.Count} runs (got {runs.Count}).", nameof(runs));
        }
        if (runs.Any(r => r.History.Count == 0))
        {
            throw new ArgumentException("Every run needs at least one epoch.", nameof(runs));
        }
        Plot plot = FigureStyle.NewPlot(title);
        int epochs = runs.Max(r => r.History.Count);
        if (target is double line)
        {
            var level = plot.Add.HorizontalLine(line, 1, FigureColors.Muted);
            level.LegendText = $"target loss {line.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}";
        }
        for (int r = 0; r < runs.Count; r++)
        {
            (string name, IReadOnlyList<EpochStats> history) = runs[r];
            var curve = plot.Add.ScatterLine(
                history.Select(s => (double)(s.Epoch + 1)).ToArray(),   // epoch 1 is the first pass
                history.Select(s => s.TrainLoss).ToArray(),
                FigureColors.Series[r]);
            curve.LineWidth = 2 + 2.5f * (runs.Count - 1 - r) / Math.Max(runs.Count - 1, 1);   // first drawn widest: a curve under another still shows
            curve.MarkerSize = epochs <= 30 ? 4 : 0;
            curve.LegendText = name;
        }
        plot.XLabel("Epoch", FigureStyle.LabelSize);
        plot.YLabel("Training loss (mean during the epoch)", FigureStyle.LabelSize);
        double top = runs.Max(r => r.History.Max(s => s.TrainLoss));
        plot.Axes.SetLimits(0.5, epochs + 0.5, 0, top * 1.08 + 1e-9);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
