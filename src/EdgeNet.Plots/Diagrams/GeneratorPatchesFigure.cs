using EdgeNet.Plots.Lessons;
using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Diagrams;

/// <summary>Rows of patches from different generators, each patch with what it shows above and its label below.</summary>
public static class GeneratorPatchesFigure
{
    private const double Gap = 2.6;
    private const double TitleSpace = 4.4;
    private const double LabelSpace = 1.8;

    /// <summary>Size in pixels for rows of up to <paramref name="columns"/> patches.</summary>
    public static PixelSize SizeFor(int rows, int columns) => new(Math.Max(600, 157 * columns), 90 + 235 * rows);

    /// <summary>
    /// One row per generator, headed by its name; gray scale 0 black to 1 white, the label green for Edge and red
    /// for No Edge.
    /// </summary>
    public static Plot Create(string title, IReadOnlyList<(string Heading, IReadOnlyList<ShownPatch> Patches)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || rows.Any(r => r.Patches.Count == 0))
        {
            throw new ArgumentException("Every row needs at least one patch.", nameof(rows));
        }
        int side = Grids.SquareSide(rows[0].Patches[0].Pixels.Length);
        int columns = rows.Max(r => r.Patches.Count);
        double width = columns * (side + Gap) - Gap;
        double rowHeight = TitleSpace + side + LabelSpace;
        Plot plot = FigureStyle.NewDrawing(title, -Gap / 2, width + Gap / 2, -rows.Count * rowHeight, 0.4);
        for (int r = 0; r < rows.Count; r++)
        {
            double top = -r * rowHeight;
            FigureStyle.AddText(plot, rows[r].Heading, -Gap / 2 + 0.2, top, 15, bold: true, alignment: Alignment.UpperLeft);
            double patchTop = top - TitleSpace;
            for (int n = 0; n < rows[r].Patches.Count; n++)
            {
                ShownPatch patch = rows[r].Patches[n];
                double left = n * (side + Gap);
                Grids.Add(plot, patch.Pixels, side, side, left, patchTop, 1, ColorMaps.Gray, new ScottPlot.Range(0, 1));
                Grids.Frame(plot, left, patchTop, side, side, FigureColors.Ink, 1);
                FigureStyle.AddText(plot, patch.Title, left + side / 2.0, patchTop + 0.25, 12, alignment: Alignment.LowerCenter);
                FigureStyle.AddText(plot, patch.Label, left + side / 2.0, patchTop - side - 0.3, 13, bold: true,
                    color: patch.IsEdge ? FigureColors.Good : FigureColors.Bad, alignment: Alignment.UpperCenter);
            }
        }
        return plot;
    }
}
