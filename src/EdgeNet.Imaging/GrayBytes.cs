namespace EdgeNet.Imaging;

/// <summary>
/// A grayscale image at one byte a pixel (0 black … 255 white, row by row): the compact form a scan keeps of a
/// photo while it works. <see cref="RowsReady"/> says how many rows a decoder still filling it has finished.
/// </summary>
public sealed class GrayBytes
{
    private volatile int _rowsReady;

    /// <summary>Wraps pixels laid out row by row; all rows count as ready.</summary>
    public GrayBytes(int width, int height, byte[] pixels)
        : this(width, height, pixels, ready: true)
    {
    }

    private GrayBytes(int width, int height, byte[] pixels, bool ready)
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
        _rowsReady = ready ? height : 0;
    }

    /// <summary>Pixels across.</summary>
    public int Width { get; }

    /// <summary>Pixels down.</summary>
    public int Height { get; }

    /// <summary>The gray levels, row by row.</summary>
    public byte[] Pixels { get; }

    /// <summary>Rows 0 … RowsReady − 1 hold their final values.</summary>
    public int RowsReady => _rowsReady;

    /// <summary>Pixels in all.</summary>
    public long PixelCount => (long)Width * Height;

    /// <summary>Row <paramref name="y"/>.</summary>
    public ReadOnlySpan<byte> Row(int y) => Pixels.AsSpan(y * Width, Width);

    /// <summary>The image as values in [0, 1] (level / 255), for code that works on <see cref="GrayImage"/>.</summary>
    public GrayImage ToGrayImage() => new(Width, Height, [.. Pixels.Select(v => v / 255.0)]);

    /// <summary>An image whose rows a decoder fills in order, announcing them with <see cref="Publish"/>.</summary>
    internal static GrayBytes Filling(int width, int height) => new(width, height, new byte[(long)width * height], ready: false);

    /// <summary>Rows up to <paramref name="rows"/> are final.</summary>
    internal void Publish(int rows) => _rowsReady = rows;
}
