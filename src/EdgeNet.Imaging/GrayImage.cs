namespace EdgeNet.Imaging;

/// <summary>A grayscale image: <see cref="Width"/>×<see cref="Height"/> values in [0, 1], row by row, 0 black.</summary>
public sealed class GrayImage
{
    /// <summary>Wraps pixels laid out row by row.</summary>
    public GrayImage(int width, int height, double[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (pixels.Length != (long)width * height)
        {
            throw new ArgumentException($"A {width}×{height} image has {(long)width * height} pixels, got {pixels.Length}.", nameof(pixels));
        }
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>
    /// Gray = 0.299·R + 0.587·G + 0.114·B of 8-bit RGBA pixels (not premultiplied), composited over white, in [0, 1]:
    /// the conversion <see cref="ImageDecoder"/> makes of every file it decodes, and the playground's Web Worker makes of
    /// the pixels the browser decoded.
    /// </summary>
    public static GrayImage FromRgba(ReadOnlySpan<byte> rgba, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (rgba.Length != 4L * width * height)
        {
            throw new ArgumentException($"{width}×{height} RGBA pixels are {4L * width * height} bytes, got {rgba.Length}.", nameof(rgba));
        }
        var pixels = new double[(long)width * height];
        for (int i = 0; i < pixels.Length; i++)
        {
            double r = rgba[4 * i] / 255.0, g = rgba[(4 * i) + 1] / 255.0, b = rgba[(4 * i) + 2] / 255.0, a = rgba[(4 * i) + 3] / 255.0;
            double luma = (0.299 * r) + (0.587 * g) + (0.114 * b);            // ITU-R BT.601 weights
            pixels[i] = Math.Clamp((luma * a) + (1 - a), 0, 1);               // over white
        }
        return new GrayImage(width, height, pixels);
    }

    /// <summary>Pixels across.</summary>
    public int Width { get; }

    /// <summary>Pixels down.</summary>
    public int Height { get; }

    /// <summary>The values, row by row.</summary>
    public double[] Pixels { get; }

    /// <summary>The value at (x, y).</summary>
    public double this[int x, int y] => Pixels[y * Width + x];
}
