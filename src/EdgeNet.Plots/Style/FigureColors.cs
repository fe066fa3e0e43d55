using ScottPlot;

namespace EdgeNet.Plots.Style;

/// <summary>The few named colours the figures share, close to matplotlib's defaults in the tutorial.</summary>
public static class FigureColors
{
    /// <summary>Training curves (matplotlib's 'b').</summary>
    public static Color Train { get; } = Color.FromHex("#1f77b4");

    /// <summary>Test curves.</summary>
    public static Color Test { get; } = Color.FromHex("#ff7f0e");

    /// <summary>Right answers, the "passes through" side of ReLU.</summary>
    public static Color Good { get; } = Color.FromHex("#2ca02c");

    /// <summary>Wrong answers, the "blocked" side of ReLU.</summary>
    public static Color Bad { get; } = Color.FromHex("#d62728");

    /// <summary>Neutral text and arrows.</summary>
    public static Color Ink { get; } = Color.FromHex("#222222");

    /// <summary>Secondary text.</summary>
    public static Color Muted { get; } = Color.FromHex("#666666");

    /// <summary>Light fills for diagram boxes.</summary>
    public static Color LightBlue { get; } = Color.FromHex("#add8e6");

    /// <summary>Light fills for diagram boxes.</summary>
    public static Color LightYellow { get; } = Color.FromHex("#ffffe0");

    /// <summary>Light fills for diagram boxes.</summary>
    public static Color LightGreen { get; } = Color.FromHex("#90ee90");

    /// <summary>Light fills for diagram boxes.</summary>
    public static Color LightCoral { get; } = Color.FromHex("#f08080");

    /// <summary>Borders of hidden neurons.</summary>
    public static Color Orange { get; } = Color.FromHex("#ffa500");

    /// <summary>
    /// Curves drawn side by side, one colour each, in matplotlib's default cycle (tab10): the first two are
    /// <see cref="Train"/> and <see cref="Test"/>, then <see cref="Good"/> and <see cref="Bad"/>.
    /// </summary>
    public static IReadOnlyList<Color> Series { get; } =
    [
        Train, Test, Good, Bad,
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#7f7f7f"),
        Color.FromHex("#bcbd22"), Color.FromHex("#17becf"),
    ];
}
