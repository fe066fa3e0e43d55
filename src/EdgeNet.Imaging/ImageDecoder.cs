using EdgeNet.IO;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace EdgeNet.Imaging;

/// <summary>
/// Decodes PNG or JPEG files (anything SkiaSharp reads) to grayscale, turned upright as the file's EXIF
/// orientation says: as values in [0, 1] (<see cref="Decode(string, long)"/>) or as one byte a pixel
/// (<see cref="DecodeBytes(byte[], string, long)"/>, what a scan keeps). Every way a file can be unusable ends in
/// one exception whose message is one line.
/// </summary>
/// <remarks>
/// Gray = 0.299·R + 0.587·G + 0.114·B on the stored (sRGB-encoded) values, as most image tools compute it;
/// transparent pixels are composited over white. The byte form rounds that to the nearest level.
/// </remarks>
public static class ImageDecoder
{
    /// <summary>Default largest image: 40 megapixels.</summary>
    public const long DefaultMaxPixels = 40_000_000;

    /// <summary>Smallest side accepted: a 3×3 image is the smallest with an inside pixel.</summary>
    public const int MinSide = 3;

    // Rows converted per call of the scanline decoder: 16 RGBA rows of a 10,000-pixel-wide photo are 640 KB.
    private const int RowsPerRead = 16;

    /// <summary>Decodes the file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is empty, not an image, truncated, or too small.</exception>
    /// <exception cref="ImageTooLargeException">The image has more than <paramref name="maxPixels"/> pixels.</exception>
    public static GrayImage Decode(string path, long maxPixels = DefaultMaxPixels) =>
        Decode(ReadFile(path), UserText.Escape(Path.GetFileName(path)), maxPixels);

    /// <summary>Decodes encoded bytes; <paramref name="source"/> names them in messages.</summary>
    public static GrayImage Decode(byte[] bytes, string source, long maxPixels = DefaultMaxPixels)
    {
        using Opened opened = Open(bytes, source, maxPixels);
        int width = opened.Width, height = opened.Height;
        var rgba = new byte[(long)width * height * 4];
        opened.ReadAll(rgba);
        return ImageOrientation.Upright(GrayImage.FromRgba(rgba, width, height), opened.Origin);
    }

    /// <summary>Decodes the file at <paramref name="path"/> to one byte a pixel.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is empty, not an image, truncated, or too small.</exception>
    /// <exception cref="ImageTooLargeException">The image has more than <paramref name="maxPixels"/> pixels.</exception>
    public static GrayBytes DecodeBytes(string path, long maxPixels = DefaultMaxPixels)
    {
        using GrayDecoding decoding = StartBytes(path, maxPixels);
        return decoding.Finish();
    }

    /// <summary>Decodes encoded bytes to one byte a pixel; <paramref name="source"/> names them in messages.</summary>
    public static GrayBytes DecodeBytes(byte[] bytes, string source, long maxPixels = DefaultMaxPixels)
    {
        using GrayDecoding decoding = StartBytes(bytes, source, maxPixels);
        return decoding.Finish();
    }

    /// <summary>
    /// Reads the file and checks its header now (throwing as <see cref="DecodeBytes(string, long)"/> does), then
    /// decodes its rows on a worker thread: a scan can start on the first rows while later ones are decoded.
    /// </summary>
    public static GrayDecoding StartBytes(string path, long maxPixels = DefaultMaxPixels, ScanTimings? timings = null)
    {
        byte[] bytes;
        using (ScanTimings.Both(timings, ScanStage.Read))
        {
            bytes = ReadFile(path);
        }
        return StartBytes(bytes, UserText.Escape(Path.GetFileName(path)), maxPixels, timings);
    }

    /// <summary>As <see cref="StartBytes(string, long, ScanTimings)"/>, from encoded bytes.</summary>
    public static GrayDecoding StartBytes(byte[] bytes, string source, long maxPixels = DefaultMaxPixels, ScanTimings? timings = null)
    {
        Opened opened = Open(bytes, source, maxPixels);
        try
        {
            bool upright = opened.Origin is SKEncodedOrigin.TopLeft or 0;
            (int width, int height) = upright || !ImageOrientation.SwapsSides(opened.Origin) ? (opened.Width, opened.Height) : (opened.Height, opened.Width);
            GrayBytes image = GrayBytes.Filling(width, height);
            var work = Task.Run(() =>
            {
                using (opened)
                {
                    if (upright)
                    {
                        opened.ReadGray(image.Pixels, image.Publish, timings);
                    }
                    else
                    {
                        var stored = new byte[(long)opened.Width * opened.Height];
                        opened.ReadGray(stored, _ => { }, timings);
                        using (ScanTimings.Both(timings, ScanStage.Gray))
                        {
                            ImageOrientation.Upright(stored, opened.Width, opened.Height, opened.Origin, image.Pixels);
                        }
                        image.Publish(height);
                    }
                }
            });
            return new GrayDecoding(image, work);
        }
        catch
        {
            opened.Dispose();
            throw;
        }
    }

    private static byte[] ReadFile(string path)
    {
        return InputFile.ReadAllBytes(path, Limits.MaxImageFileBytes, "Image file");
    }

    private static Opened Open(byte[] bytes, string source, long maxPixels)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPixels, 1);
        if (bytes.Length == 0)
        {
            throw new InvalidDataException($"{source} is empty (0 bytes), not an image.");
        }
        var data = SKData.CreateCopy(bytes);
        SKCodec? codec = SKCodec.Create(data);
        if (codec is null)
        {
            data.Dispose();
            throw new InvalidDataException($"{source} is not an image that can be read (PNG or JPEG expected).");
        }
        var opened = new Opened(bytes, data, codec, source);
        int width = codec.Info.Width, height = codec.Info.Height;
        if (width < MinSide || height < MinSide)
        {
            opened.Dispose();
            throw new InvalidDataException($"{source} is {width}×{height} pixels; an image to scan needs at least {MinSide}×{MinSide}.");
        }
        if ((long)width * height > Math.Min(maxPixels, Limits.MaxPixels))
        {
            opened.Dispose();
            throw new ImageTooLargeException(source, width, height, Math.Min(maxPixels, Limits.MaxPixels));
        }
        return opened;
    }

    /// <summary>An opened, checked codec and the data it reads.</summary>
    private sealed class Opened(byte[] bytes, SKData data, SKCodec codec, string source) : IDisposable
    {
        public int Width => codec.Info.Width;

        public int Height => codec.Info.Height;

        public SKEncodedOrigin Origin => codec.EncodedOrigin;

        private SKImageInfo Info => new(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);

        /// <summary>All pixels as RGBA, in one call.</summary>
        public void ReadAll(byte[] rgba)
        {
            GCHandle handle = GCHandle.Alloc(rgba, GCHandleType.Pinned);
            try
            {
                Check(codec.GetPixels(Info, handle.AddrOfPinnedObject()));
            }
            finally
            {
                handle.Free();
            }
        }

        /// <summary>
        /// Gray levels row by row into <paramref name="gray"/>, announcing finished rows: a few rows at a time
        /// through the scanline decoder where the format has one (JPEG), else all RGBA at once (PNG).
        /// </summary>
        public void ReadGray(byte[] gray, Action<int> rowsDone, ScanTimings? timings)
        {
            int width = Width, height = Height;
            if (codec.EncodedFormat == SKEncodedImageFormat.Jpeg && TurboJpeg.Available)
            {
                bool decoded;
                using (ScanTimings.Both(timings, ScanStage.Decode))
                {
                    decoded = TurboJpeg.DecodeGray(bytes, width, height, gray);   // the luma plane alone
                }
                if (decoded)
                {
                    rowsDone(height);
                    return;
                }
            }
            SKCodecResult start = codec.StartScanlineDecode(Info);
            if (start == SKCodecResult.Success && codec.ScanlineOrder == SKCodecScanlineOrder.TopDown)
            {
                var rgba = new byte[4L * width * Math.Min(RowsPerRead, height)];
                GCHandle handle = GCHandle.Alloc(rgba, GCHandleType.Pinned);
                try
                {
                    for (int y = 0; y < height; y += RowsPerRead)
                    {
                        int rows = Math.Min(RowsPerRead, height - y);
                        using (ScanTimings.Both(timings, ScanStage.Decode))
                        {
                            if (codec.GetScanlines(handle.AddrOfPinnedObject(), rows, 4 * width) != rows)
                            {
                                Check(SKCodecResult.IncompleteInput);
                            }
                        }
                        using (ScanTimings.Both(timings, ScanStage.Gray))
                        {
                            ToGray(rgba.AsSpan(0, 4 * width * rows), gray.AsSpan(y * width, width * rows));
                        }
                        rowsDone(y + rows);
                    }
                }
                finally
                {
                    handle.Free();
                }
                return;
            }
            var all = new byte[4L * width * height];
            using (ScanTimings.Both(timings, ScanStage.Decode))
            {
                ReadAll(all);
            }
            using (ScanTimings.Both(timings, ScanStage.Gray))
            {
                ToGray(all, gray);
            }
            rowsDone(height);
        }

        public void Dispose()
        {
            codec.Dispose();
            data.Dispose();
        }

        private void Check(SKCodecResult result)
        {
            if (result == SKCodecResult.IncompleteInput || result == SKCodecResult.ErrorInInput)
            {
                throw new InvalidDataException($"{source} is truncated or damaged: its {Width}×{Height} pixels cannot all be decoded.");
            }
            if (result != SKCodecResult.Success)
            {
                throw new InvalidDataException($"{source} cannot be decoded ({result}).");
            }
        }
    }

    /// <summary>
    /// Gray = round(0.299·R + 0.587·G + 0.114·B) composited over white, in integers: (299·R + 587·G + 114·B)·a/255
    /// + 1000·(255 − a), over 1000, rounded.
    /// </summary>
    private static void ToGray(ReadOnlySpan<byte> rgba, Span<byte> gray)
    {
        for (int i = 0; i < gray.Length; i++)
        {
            int r = rgba[4 * i], g = rgba[(4 * i) + 1], b = rgba[(4 * i) + 2], a = rgba[(4 * i) + 3];
            int luma = (299 * r) + (587 * g) + (114 * b);                       // ITU-R BT.601 weights, × 1000
            gray[i] = a == 255
                ? (byte)((luma + 500) / 1000)
                : (byte)(((luma * a) + (255_000 * (255 - a)) + 127_500) / 255_000); // over white
        }
    }
}
