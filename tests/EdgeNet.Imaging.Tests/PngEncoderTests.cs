using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace EdgeNet.Imaging.Tests;

public sealed class PngEncoderTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(37, 5)]
    [InlineData(1001, 300)]          // several strips, a width no vector divides
    [InlineData(4000, 70)]
    public void Gray_pictures_decode_to_the_same_bytes(int width, int height)
    {
        // Given random gray levels
        byte[] gray = Random(width * height, seed: width + height);

        // When encoded
        byte[] png = PngFile.EncodeGray(gray, width, height);

        // Then SkiaSharp's PNG decoder reads back the same levels, as 8-bit gray
        using SKCodec codec = SKCodec.Create(new MemoryStream(png));
        Assert.Equal(SKColorType.Gray8, codec.Info.ColorType);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(bitmap.Info, bitmap.GetPixels()));
        Assert.Equal(gray, bitmap.Bytes);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(999, 211)]
    public void Rgba_pictures_are_written_as_rgb_and_decode_to_the_same_colours(int width, int height)
    {
        byte[] rgba = Random(4 * width * height, seed: 7);

        byte[] png = PngFile.EncodeRgba(rgba, width, height);

        Assert.Equal(2, png[8 + 8 + 9]);                                             // IHDR colour type 2: RGB
        using SKBitmap bitmap = SKBitmap.Decode(png);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        for (int i = 0; i < width * height; i++)
        {
            SKColor colour = bitmap.GetPixel(i % width, i / width);
            Assert.Equal((rgba[4 * i], rgba[(4 * i) + 1], rgba[(4 * i) + 2], (byte)255), (colour.Red, colour.Green, colour.Blue, colour.Alpha));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_zlib_stream_checks_out_and_the_bytes_do_not_depend_on_the_thread_count(bool sub)
    {
        PngFilter filter = sub ? PngFilter.Sub : PngFilter.None;
        // Given a picture of many strips
        const int width = 700, height = 900;
        byte[] gray = Random(width * height, seed: 3);

        // When encoded on one thread and on eight
        byte[] one = PngEncoder.Encode(gray, width, height, 1, 1, threads: 1, filter);
        byte[] eight = PngEncoder.Encode(gray, width, height, 1, 1, threads: 8, filter);

        // Then the files are equal, and .NET's zlib reader (which checks the Adler-32) inflates the joined IDAT
        // data to the filtered rows: one filter byte and width bytes a row, the filter's own type byte on each
        Assert.Equal(one, eight);
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(Idat(one)), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }
        Assert.Equal((long)(width + 1) * height, inflated.Length);
        byte[] rows = inflated.ToArray();
        Assert.All(Enumerable.Range(0, height), y => Assert.Equal((byte)filter, rows[y * (width + 1)]));
        Assert.Equal(filter == PngFilter.None, rows.AsSpan(1, width).SequenceEqual(gray.AsSpan(0, width)));
    }

    [Fact]
    public void Adler32_of_joined_pieces_is_the_combination_of_the_pieces()
    {
        byte[] data = Random(100_000, seed: 11);
        uint whole = PngEncoder.Adler32(data);

        uint joined = PngEncoder.CombineAdler32(PngEncoder.Adler32(data.AsSpan(0, 12_345)), PngEncoder.Adler32(data.AsSpan(12_345)), data.Length - 12_345);

        Assert.Equal(whole, joined);
        Assert.Equal(0x11E60398u, PngEncoder.Adler32(Encoding.ASCII.GetBytes("Wikipedia")));   // RFC 1950's worked example
    }

    private static byte[] Idat(byte[] png)
    {
        var data = new MemoryStream();
        for (int at = 8; at < png.Length;)
        {
            int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (Encoding.ASCII.GetString(png, at + 4, 4) == "IDAT")
            {
                data.Write(png, at + 8, length);
            }
            at += 12 + length;
        }
        return data.ToArray();
    }

    private static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        for (int i = 0; i < length / 2; i++)
        {
            bytes[i] = (byte)(i % 7);                                                  // half smooth, half noise
        }
        return bytes;
    }
}
