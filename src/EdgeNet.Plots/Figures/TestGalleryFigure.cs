using System.Globalization;
using System.Numerics;
using EdgeNet.Data;
using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Figures;

/// <summary>
/// A gallery of patches with the network's probability for the first class (P(Edge)); the ones it gets
/// wrong framed in red.
/// </summary>
public static class TestGalleryFigure
{
    private const int Columns = 10;
    private const double GapX = 0.9;
    private const double GapY = 2.6;

    /// <summary>Size in pixels for <paramref name="count"/> patches.</summary>
    public static PixelSize SizeFor(int count)
    {
        int columns = Math.Clamp(count, 1, Columns);
        int rows = (count + columns - 1) / columns;
        return new PixelSize(Math.Max(118 * columns + 40, 560), 175 * rows + 80);
    }

    /// <summary>The first <paramref name="maxCount"/> patches of <paramref name="data"/> as <paramref name="network"/> sees them.</summary>
    public static Plot Create<T>(Network<T> network, Dataset data, int maxCount = 20, string dataName = "test")
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        int side = Grids.SquareSide(data.FeatureCount);
        int count = Math.Min(maxCount, data.Count);
        if (count == 0)
        {
            throw new ArgumentException("There are no patches to show.", nameof(data));
        }
        T[] x = data.FeaturesAs<T>().AsSpan(0, count * data.FeatureCount).ToArray();
        double[] p = [.. network.Forward(x, count).ToArray().Select(double.CreateChecked)];
        int classes = network.Classes;
        int[] predicted = [.. Enumerable.Range(0, count).Select(n => SoftmaxCrossEntropy.ArgMax<double>(p.AsSpan(n * classes, classes)))];
        int wrong = Enumerable.Range(0, count).Count(n => predicted[n] != data.Labels[n]);

        string first = data.ClassNames[0];
        Plot plot = FigureStyle.NewPlot(string.Create(CultureInfo.InvariantCulture,
            $"{count} {dataName} patches with the network's P({first}): {count - wrong} right, {wrong} wrong{(wrong > 0 ? " (red frame)" : string.Empty)}"));
        plot.HideAxesAndGrid();
        plot.Axes.Title.IsVisible = true;
        int columns = Math.Min(count, Columns);
        var grayRange = new ScottPlot.Range(0, 1);
        for (int n = 0; n < count; n++)
        {
            double left = (n % columns) * (side + GapX);
            double top = -(n / columns) * (side + GapY);
            double[] pixels = data.Sample(n).ToArray();
            Grids.Add(plot, pixels, side, side, left, top, 1, ColorMaps.Gray, grayRange);
            bool isWrong = predicted[n] != data.Labels[n];
            Color ink = isWrong ? FigureColors.Bad : FigureColors.Ink;
            Grids.Frame(plot, left - 0.15, top + 0.15, side + 0.3, side + 0.3, isWrong ? FigureColors.Bad : FigureColors.Muted, isWrong ? 4 : 1);
            FigureStyle.AddText(plot, string.Create(CultureInfo.InvariantCulture, $"P({first}) = {p[n * classes]:0.00}"), left + side / 2.0, top - side - 0.55, 12, bold: true, ink);
            string truth = isWrong ? $"✗ true: {data.ClassNames[data.Labels[n]]}" : $"true: {data.ClassNames[data.Labels[n]]}";
            FigureStyle.AddText(plot, truth, left + side / 2.0, top - side - 1.45, 11, bold: isWrong, isWrong ? FigureColors.Bad : FigureColors.Muted);
        }
        int rows = (count + columns - 1) / columns;
        plot.Axes.SetLimits(-0.6, columns * (side + GapX) - GapX + 0.6, -rows * (side + GapY) + GapY - 2.1, 0.6);
        plot.Axes.SquareUnits();
        return plot;
    }
}
