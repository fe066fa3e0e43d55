using EdgeNet.Plots.Lessons;
using EdgeNet.Plots.Style;
using ScottPlot;

namespace EdgeNet.Plots.Diagrams;

/// <summary>Part 1's task: example patches with their captions and labels (green for Edge, red for No Edge).</summary>
public static class ExamplePatchesFigure
{
    private const double Gap = 2.2;

    /// <summary>Default size in pixels.</summary>
    public static PixelSize Size { get; } = new(1000, 340);

    /// <summary>The patches side by side, gray scale 0 black to 1 white.</summary>
    public static Plot Create(IReadOnlyList<ShownPatch> patches, string title = "Our Task: Classify 5x5 Image Patches")
    {
        ArgumentNullException.ThrowIfNull(patches);
        int side = Grids.SquareSide(patches[0].Pixels.Length);
        double width = patches.Count * (side + Gap) - Gap;
        Plot plot = FigureStyle.NewDrawing(title, -0.5, width + 0.5, -side - 1.6, 2.4);
        for (int n = 0; n < patches.Count; n++)
        {
            ShownPatch patch = patches[n];
            double left = n * (side + Gap);
            Grids.Add(plot, patch.Pixels, side, side, left, 0, 1, ColorMaps.Gray, new ScottPlot.Range(0, 1));
            Grids.Frame(plot, left, 0, side, side, FigureColors.Ink, 1);
            FigureStyle.AddText(plot, patch.Title, left + side / 2.0, 0.35, 14, bold: true, alignment: Alignment.LowerCenter);
            FigureStyle.AddText(plot, $"Label: {patch.Label}", left + side / 2.0, -side - 0.35, 13,
                color: patch.IsEdge ? FigureColors.Good : FigureColors.Bad, alignment: Alignment.UpperCenter);
        }
        return plot;
    }
}
