using EdgeNet.Inference;

namespace EdgeNet.Imaging;

/// <summary>Pictures of a scan, as PNG bytes: a grayscale edge-probability map, an orientation colour map, an overlay.</summary>
public static class EdgeMapImages
{
    /// <summary>White where an edge is likely: gray level = 255·(1 − p(no edge)).</summary>
    public static byte[] Probability(ProbabilityMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Gray(map.EdgeProbabilities(), map.Width, map.Height, scale: 1);
    }

    /// <summary>Values from 0 to <paramref name="scale"/> as black to white (clipped), e.g. a Sobel response.</summary>
    public static byte[] Gray(ReadOnlySpan<double> values, int width, int height, double scale)
    {
        if (!(scale > 0))
        {
            scale = 1;                                                          // a flat map stays black
        }
        var gray = new byte[width * height];
        for (int i = 0; i < gray.Length; i++)
        {
            gray[i] = ToByte(values[i] / scale);
        }
        return PngFile.EncodeGray(gray, width, height);
    }

    /// <summary>
    /// Colour = Σ p(class)·colour(class) over the edge classes: the brightness is the edge probability, the hue its
    /// orientation, and mixed hues mean an edge between two orientations. No edge is black.
    /// </summary>
    public static byte[] Orientation(ProbabilityMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var rgba = new byte[map.Width * map.Height * 4];
        for (int y = 0; y < map.Height; y++)
        {
            for (int x = 0; x < map.Width; x++)
            {
                (double r, double g, double b) = Mix(map, x, y);
                int i = 4 * (y * map.Width + x);
                (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) = (ToByte(r), ToByte(g), ToByte(b), 255);
            }
        }
        return PngFile.EncodeRgba(rgba, map.Width, map.Height);
    }

    /// <summary>
    /// The photo in gray, dimmed to half, with the edge colour laid over it at opacity p(edge): orientation colours
    /// for a model with several edge classes, one colour for the tutorial's two classes.
    /// </summary>
    public static byte[] Overlay(GrayImage photo, ProbabilityMap map)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(map);
        if (photo.Width != map.Width || photo.Height != map.Height)
        {
            throw new ArgumentException($"The photo is {photo.Width}×{photo.Height} but the map is {map.Width}×{map.Height}.");
        }
        bool oriented = EdgeColors.HasOrientations(map.ClassNames);
        var rgba = new byte[map.Width * map.Height * 4];
        for (int y = 0; y < map.Height; y++)
        {
            for (int x = 0; x < map.Width; x++)
            {
                double edge = map.EdgeProbability(x, y);
                double background = 0.5 * photo[x, y];
                (double r, double g, double b) = oriented ? Hue(map, x, y) : Scaled(EdgeColors.SingleEdge, 1);
                int i = 4 * (y * map.Width + x);
                rgba[i] = ToByte(background + edge * (r - background));          // blend: (1 − α)·photo + α·colour
                rgba[i + 1] = ToByte(background + edge * (g - background));
                rgba[i + 2] = ToByte(background + edge * (b - background));
                rgba[i + 3] = 255;
            }
        }
        return PngFile.EncodeRgba(rgba, map.Width, map.Height);
    }

    // Σ p(k)·colour(k) over the classes (the no-edge colour is black).
    private static (double R, double G, double B) Mix(ProbabilityMap map, int x, int y)
    {
        double r = 0, g = 0, b = 0;
        for (int k = 0; k < map.Classes; k++)
        {
            (double cr, double cg, double cb) = Scaled(EdgeColors.Of(k, map.NoEdgeClass), map.Probability(k, x, y));
            (r, g, b) = (r + cr, g + cg, b + cb);
        }
        return (r, g, b);
    }

    // The mix at full brightness: the hue of the edge, whatever its probability.
    private static (double R, double G, double B) Hue(ProbabilityMap map, int x, int y)
    {
        double edge = map.EdgeProbability(x, y);
        (double r, double g, double b) = Mix(map, x, y);
        return edge > 0 ? (r / edge, g / edge, b / edge) : (0, 0, 0);
    }

    private static (double R, double G, double B) Scaled((byte R, byte G, byte B) colour, double weight) =>
        (weight * colour.R / 255.0, weight * colour.G / 255.0, weight * colour.B / 255.0);

    private static byte ToByte(double value) => (byte)Math.Round(255 * Math.Clamp(value, 0, 1));
}
