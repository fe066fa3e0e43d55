using EdgeNet.IO;
using SkiaSharp;

namespace EdgeNet.Imaging;

/// <summary>
/// Decodes PNG or JPEG files (anything SkiaSharp reads) to grayscale in [0, 1], turned upright as the file's
/// EXIF orientation says. Every way a file can be unusable ends in one exception whose message is one line.
/// </summary>
/// <remarks>
/// Gray = 0.299·R + 0.587·G + 0.114·B on the stored (sRGB-encoded) values, as most image tools compute it;
/// transparent pixels are composited over white.
/// </remarks>
public static class ImageDecoder
{
    /// <summary>Default largest image: 40 megapixels.</summary>
    public const long DefaultMaxPixels = 40_000_000;

    /// <summary>Smallest side accepted: a 3×3 image is the smallest with an inside pixel.</summary>
    public const int MinSide = 3;

    /// <summary>Decodes the file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is empty, not an image, truncated, or too small.</exception>
    /// <exception cref="ImageTooLargeException">The image has more than <paramref name="maxPixels"/> pixels.</exception>
    public static GrayImage Decode(string path, long maxPixels = DefaultMaxPixels)
    {
        byte[] bytes = InputFile.ReadAllBytes(path, Limits.MaxImageFileBytes, "Image file");
        return Decode(bytes, UserText.Escape(Path.GetFileName(path)), maxPixels);
    }

    /// <summary>Decodes encoded bytes; <paramref name="source"/> names them in messages.</summary>
    public static GrayImage Decode(byte[] bytes, string source, long maxPixels = DefaultMaxPixels)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPixels, 1);
        if (bytes.Length == 0)
        {
            throw new InvalidDataException($"{source} is empty (0 bytes), not an image.");
        }
        using var data = SKData.CreateCopy(bytes);
        using SKCodec? codec = SKCodec.Create(data);
        if (codec is null)
        {
            throw new InvalidDataException($"{source} is not an image that can be read (PNG or JPEG expected).");
        }
        int width = codec.Info.Width, height = codec.Info.Height;
        if (width < MinSide || height < MinSide)
        {
            throw new InvalidDataException($"{source} is {width}×{height} pixels; an image to scan needs at least {MinSide}×{MinSide}.");
        }
        if ((long)width * height > Math.Min(maxPixels, Limits.MaxPixels))
        {
            throw new ImageTooLargeException(source, width, height, Math.Min(maxPixels, Limits.MaxPixels));
        }
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        SKCodecResult result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.IncompleteInput || result == SKCodecResult.ErrorInInput)
        {
            throw new InvalidDataException($"{source} is truncated or damaged: its {width}×{height} pixels cannot all be decoded.");
        }
        if (result != SKCodecResult.Success)
        {
            throw new InvalidDataException($"{source} cannot be decoded ({result}).");
        }
        return ImageOrientation.Upright(ToGray(bitmap.GetPixelSpan(), width, height), codec.EncodedOrigin);
    }

    private static GrayImage ToGray(ReadOnlySpan<byte> rgba, int width, int height)
    {
        var pixels = new double[width * height];
        for (int i = 0; i < pixels.Length; i++)
        {
            double r = rgba[4 * i] / 255.0, g = rgba[4 * i + 1] / 255.0, b = rgba[4 * i + 2] / 255.0, a = rgba[4 * i + 3] / 255.0;
            double luma = 0.299 * r + 0.587 * g + 0.114 * b;                  // ITU-R BT.601 weights
            pixels[i] = Math.Clamp(luma * a + (1 - a), 0, 1);                  // over white
        }
        return new GrayImage(width, height, pixels);
    }
}
