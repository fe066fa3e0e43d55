using EdgeNet.IO;

namespace EdgeNet.Imaging;

/// <summary>Encodes pixel buffers as PNG (<see cref="PngEncoder"/>: zlib level 1, strips in parallel) and writes them whole or not at all.</summary>
public static class PngFile
{
    /// <summary>PNG bytes of an 8-bit grayscale image, row by row: a map (mostly flat: no filter).</summary>
    public static byte[] EncodeGray(byte[] gray, int width, int height, ScanTimings? timings = null) =>
        PngEncoder.Encode(gray, width, height, 1, 1, Environment.ProcessorCount, PngFilter.None, timings);

    /// <summary>PNG bytes (8-bit RGB) of an opaque RGBA image (4 bytes a pixel, row by row; the alpha bytes are ignored), Sub-filtered.</summary>
    public static byte[] EncodeRgba(byte[] rgba, int width, int height, ScanTimings? timings = null) =>
        PngEncoder.Encode(rgba, width, height, 4, 3, Environment.ProcessorCount, PngFilter.Sub, timings);

    /// <summary>Writes encoded bytes to <paramref name="path"/> through a temporary file.</summary>
    public static void Write(string path, byte[] png, ScanTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(png);
        using var time = ScanTimings.Both(timings, ScanStage.Write);
        AtomicFile.Write(path, stream => stream.Write(png));
    }
}
