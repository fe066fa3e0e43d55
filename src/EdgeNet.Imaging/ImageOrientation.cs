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
        bool swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        int width = swap ? image.Height : image.Width;
        int height = swap ? image.Width : image.Height;
        var pixels = new double[width * height];
        int w = image.Width, h = image.Height;
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
                pixels[y * width + x] = image.Pixels[sy * w + sx];
            }
        }
        return new GrayImage(width, height, pixels);
    }
}
