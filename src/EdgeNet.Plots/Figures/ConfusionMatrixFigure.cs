using System.Globalization;
using EdgeNet.Plots.Style;
using EdgeNet.Training;
using ScottPlot;

namespace EdgeNet.Plots.Figures;

/// <summary>The confusion matrix: how many samples of each true class were predicted as each class; right answers on the diagonal.</summary>
public static class ConfusionMatrixFigure
{
    /// <summary>Size in pixels for <paramref name="classes"/> classes.</summary>
    public static PixelSize SizeFor(int classes) => new(Math.Max(150 * classes + 420, 720), Math.Max(130 * classes + 170, 430));

    /// <summary>The counts of <paramref name="evaluation"/>, rows the true class, columns the predicted one.</summary>
    public static Plot Create(Evaluation evaluation, IReadOnlyList<string> classNames, string dataName = "test")
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(classNames);
        int classes = evaluation.Confusion.GetLength(0);
        if (classNames.Count != classes)
        {
            throw new ArgumentException($"{classes} classes need {classes} names, got {classNames.Count}.");
        }
        Plot plot = FigureStyle.NewPlot(string.Create(CultureInfo.InvariantCulture,
            $"Confusion matrix on {evaluation.Count} {dataName} patches: {evaluation.Correct} right (the diagonal)"));
        plot.HideAxesAndGrid();
        plot.Axes.Title.IsVisible = true;
        double[] counts = new double[classes * classes];
        for (int t = 0; t < classes; t++)
        {
            for (int p = 0; p < classes; p++)
            {
                counts[t * classes + p] = evaluation.Confusion[t, p];
            }
        }
        var range = new ScottPlot.Range(0, Math.Max(1, counts.Max()));
        var heatmap = Grids.Add(plot, counts, classes, classes, 0, 0, 1, ColorMaps.Blues, range);
        Grids.Label(plot, counts, classes, classes, 0, 0, 1, v => v.ToString("0", CultureInfo.InvariantCulture), ColorMaps.Blues, range, 26);
        for (int k = 0; k < classes; k++)
        {
            FigureStyle.AddText(plot, classNames[k], k + 0.5, -classes - 0.12, 14, bold: true, alignment: Alignment.UpperCenter);
            FigureStyle.AddText(plot, classNames[k], -0.1, -k - 0.5, 14, bold: true, alignment: Alignment.MiddleRight);
        }
        FigureStyle.AddText(plot, "predicted class", classes / 2.0, -classes - 0.55, 14, color: FigureColors.Muted, alignment: Alignment.UpperCenter);
        FigureStyle.AddText(plot, "true class", -1.15, -classes / 2.0, 14, color: FigureColors.Muted).LabelRotation = -90;
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "number of patches";
        bar.LabelStyle.Font = FigureFont.Typeface(bold: false);
        bar.LabelStyle.FontSize = 13;
        plot.Axes.SetLimits(-1.4, classes + 0.1, -classes - 0.9, 0.1);
        plot.Axes.SquareUnits();
        return plot;
    }
}
