using SkiaSharp;

namespace EdgeNet.Imaging;

/// <summary>Turns decoded pixels upright as a JPEG's EXIF orientation asks (phones store photos sideways).</summary>
internal static class ImageOrientation
{
    public static GrayImage Upright(GrayImage image, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or 0)
        {
            return image;
        }
        bool swap = SwapsSides(origin);
        var pixels = new double[image.Pixels.Length];
        Upright<double>(image.Pixels, image.Width, image.Height, origin, pixels);
        return new GrayImage(swap ? image.Height : image.Width, swap ? image.Width : image.Height, pixels);
    }

    /// <summary>True when the upright image is the stored one turned a quarter: width and height swap.</summary>
    public static bool SwapsSides(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Writes the upright pixels of <paramref name="stored"/> (w × h as stored) into <paramref name="upright"/>.</summary>
    public static void Upright<T>(ReadOnlySpan<T> stored, int w, int h, SKEncodedOrigin origin, Span<T> upright)
    {
        bool swap = SwapsSides(origin);
        int width = swap ? h : w;
        int height = swap ? w : h;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                // (sx, sy): where the upright pixel (x, y) is stored in the file.
                (int sx, int sy) = origin switch
                {
                    SKEncodedOrigin.TopRight => (w - 1 - x, y),                  // mirrored
                    SKEncodedOrigin.BottomRight => (w - 1 - x, h - 1 - y),       // turned 180°
                    SKEncodedOrigin.BottomLeft => (x, h - 1 - y),                // flipped
                    SKEncodedOrigin.LeftTop => (y, x),                           // transposed
                    SKEncodedOrigin.RightTop => (y, h - 1 - x),                  // turned 90° clockwise
                    SKEncodedOrigin.RightBottom => (w - 1 - y, h - 1 - x),       // transversed
                    SKEncodedOrigin.LeftBottom => (w - 1 - y, x),                // turned 90° anticlockwise
                    _ => (x, y),
                };
                upright[(y * width) + x] = stored[(sy * w) + sx];
            }
        }
    }
}
