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

    /// <summary>Pixels across.</summary>
    public int Width { get; }

    /// <summary>Pixels down.</summary>
    public int Height { get; }

    /// <summary>The values, row by row.</summary>
    public double[] Pixels { get; }

    /// <summary>The value at (x, y).</summary>
    public double this[int x, int y] => Pixels[y * Width + x];
}
