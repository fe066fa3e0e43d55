using ScottPlot;

namespace EdgeNet.Plots.Style;

/// <summary>The tutorial's colour maps, as matplotlib draws them.</summary>
public static class ColorMaps
{
    /// <summary>
    /// matplotlib's RdBu (ColorBrewer's 11 steps): the low end red, the middle white, the high end blue. With a
    /// symmetric range, red means a negative weight ("wants dark") and blue a positive one ("wants bright").
    /// </summary>
    public static IColormap RdBu { get; } = new ScottPlot.Colormaps.CustomInterpolated(
    [
        Color.FromHex("#67001f"), Color.FromHex("#b2182b"), Color.FromHex("#d6604d"), Color.FromHex("#f4a582"),
        Color.FromHex("#fddbc7"), Color.FromHex("#f7f7f7"), Color.FromHex("#d1e5f0"), Color.FromHex("#92c5de"),
        Color.FromHex("#4393c3"), Color.FromHex("#2166ac"), Color.FromHex("#053061"),
    ]);

    /// <summary>matplotlib's Blues (ColorBrewer's 9 steps), for counts: white for none, dark blue for many.</summary>
    public static IColormap Blues { get; } = new ScottPlot.Colormaps.CustomInterpolated(
    [
        Color.FromHex("#f7fbff"), Color.FromHex("#deebf7"), Color.FromHex("#c6dbef"), Color.FromHex("#9ecae1"),
        Color.FromHex("#6baed6"), Color.FromHex("#4292c6"), Color.FromHex("#2171b5"), Color.FromHex("#08519c"),
        Color.FromHex("#08306b"),
    ]);

    /// <summary>matplotlib's gray for pixels: 0 black, 1 white.</summary>
    public static IColormap Gray { get; } = new ScottPlot.Colormaps.CustomInterpolated([Colors.Black, Colors.White]);

    /// <summary>A range centred on zero that holds every value: ±max|v| (±1 when all are zero).</summary>
    public static ScottPlot.Range Symmetric(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double limit = values.Select(Math.Abs).DefaultIfEmpty(0).Max();
        if (!(limit > 0) || !double.IsFinite(limit))
        {
            limit = 1;
        }
        return new ScottPlot.Range(-limit, limit);
    }
}
