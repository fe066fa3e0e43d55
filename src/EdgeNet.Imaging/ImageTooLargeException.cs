namespace EdgeNet.Imaging;

/// <summary>An image has more pixels than the caller allows; nothing was decoded.</summary>
public sealed class ImageTooLargeException : Exception
{
    /// <summary>Creates the exception for an image of the given size and the limit it exceeds.</summary>
    public ImageTooLargeException(string source, int width, int height, long limit)
        : base(FormattableString.Invariant(
            $"{source} is {width}×{height} = {(long)width * height / 1e6:0.#} megapixels, above the limit of {limit / 1e6:0.#} megapixels ({limit} pixels)."))
    {
        Width = width;
        Height = height;
        Limit = limit;
    }

    /// <summary>Pixels across.</summary>
    public int Width { get; }

    /// <summary>Pixels down.</summary>
    public int Height { get; }

    /// <summary>The largest number of pixels allowed.</summary>
    public long Limit { get; }
}
