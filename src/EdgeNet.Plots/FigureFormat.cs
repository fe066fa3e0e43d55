namespace EdgeNet.Plots;

/// <summary>The file format of a figure.</summary>
public enum FigureFormat
{
    /// <summary>A PNG bitmap (the default).</summary>
    Png,

    /// <summary>An SVG drawing, sharp at any zoom.</summary>
    Svg,
}
