using EdgeNet.IO;
using ScottPlot;

namespace EdgeNet.Plots;

/// <summary>Renders a figure to PNG or SVG and writes it whole or not at all.</summary>
public static class FigureFile
{
    /// <summary>The file extension of <paramref name="format"/>, with its dot.</summary>
    public static string Extension(FigureFormat format) => format == FigureFormat.Svg ? ".svg" : ".png";

    /// <summary>Parses "png" or "svg" (any case).</summary>
    public static FigureFormat ParseFormat(string text) => text?.Trim().ToUpperInvariant() switch
    {
        "PNG" => FigureFormat.Png,
        "SVG" => FigureFormat.Svg,
        _ => throw new ArgumentException($"Unknown figure format '{text}': use png or svg."),
    };

    /// <summary>The bytes of <paramref name="plot"/> rendered at <paramref name="size"/>.</summary>
    public static byte[] Render(Plot plot, PixelSize size, FigureFormat format)
    {
        ArgumentNullException.ThrowIfNull(plot);
        int width = (int)size.Width;
        int height = (int)size.Height;
        return format == FigureFormat.Svg
            ? System.Text.Encoding.UTF8.GetBytes(plot.GetSvgXml(width, height))
            : plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>
    /// Writes <paramref name="plot"/> to <paramref name="directory"/>/<paramref name="name"/> plus the format's
    /// extension, atomically; returns the full path.
    /// </summary>
    public static string Save(Plot plot, PixelSize size, string directory, string name, FigureFormat format)
    {
        string path = Path.Combine(directory, name + Extension(format));
        byte[] bytes = Render(plot, size, format);
        AtomicFile.Write(path, stream => stream.Write(bytes));
        return path;
    }
}
