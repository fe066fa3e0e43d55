using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;

namespace EdgeNet.Imaging;

/// <summary>
/// A PNG encoder for 8-bit grayscale and RGB pictures that compresses strips of rows in parallel: every row gets
/// the Sub filter (each byte minus the byte one pixel to its left), each strip of about 256 KB of filtered rows is
/// deflated on its own at zlib level 1 and ends with a sync flush, and the strips follow each other as IDAT chunks of
/// one zlib stream (as pigz does). The strips do not depend on the thread count, so neither do the bytes.
/// </summary>
/// <remarks>
/// Level 1 is zlib's fastest: files are larger than at the default level 6 (about 20% on edge maps) for several
/// times less CPU; encoding was most of a scan's time. Any PNG reader decodes the result.
/// </remarks>
internal static class PngEncoder
{
    private const int StripBytes = 256 * 1024;
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// PNG bytes of a picture stored with <paramref name="stored"/> bytes a pixel (1 gray, 4 RGBA), written with
    /// <paramref name="written"/> bytes a pixel (1 gray, 3 RGB: the alpha bytes are dropped).
    /// </summary>
    public static byte[] Encode(byte[] pixels, int width, int height, int stored, int written, int threads)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if ((long)width * height * stored != pixels.Length)
        {
            throw new ArgumentException($"A {width}×{height} picture of {stored} bytes a pixel needs {(long)width * height * stored} bytes, got {pixels.Length}.", nameof(pixels));
        }
        int rowBytes = 1 + (width * written);
        int stripRows = Math.Clamp(StripBytes / rowBytes, 1, height);
        int strips = (height + stripRows - 1) / stripRows;
        var compressed = new byte[strips][];
        var adlers = new uint[strips];
        Parallel.For(0, strips, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, s =>
        {
            int y0 = s * stripRows, rows = Math.Min(stripRows, height - y0);
            int length = rows * rowBytes;
            byte[] filtered = ArrayPool<byte>.Shared.Rent(length);
            byte[] output = ArrayPool<byte>.Shared.Rent(length + (length / 8) + 64);   // more than deflate can grow
            try
            {
                for (int i = 0; i < rows; i++)
                {
                    Filter(pixels.AsSpan((y0 + i) * width * stored, width * stored), filtered.AsSpan(i * rowBytes, rowBytes), stored, written);
                }
                adlers[s] = Adler32(filtered.AsSpan(0, length));
                using var buffer = new MemoryStream(output, 0, output.Length, writable: true, publiclyVisible: true);
                buffer.Position = 8;                                                // the chunk's length and type go first
                using (var deflate = new DeflateStream(buffer, new ZLibCompressionOptions { CompressionLevel = 1 }, leaveOpen: true))
                {
                    deflate.Write(filtered, 0, length);
                    deflate.Flush();                                                // sync flush: ends on a byte, not final
                    compressed[s] = Chunk("IDAT"u8, output.AsSpan(8, (int)buffer.Position - 8));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(filtered);
                ArrayPool<byte>.Shared.Return(output);
            }
        });
        uint adler = adlers[0];
        for (int s = 1; s < strips; s++)
        {
            int length = Math.Min(stripRows, height - (s * stripRows)) * rowBytes;
            adler = CombineAdler32(adler, adlers[s], length);
        }
        byte[] ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        (ihdr[8], ihdr[9]) = (8, written == 1 ? (byte)0 : (byte)2);                // 8 bits; gray or RGB; no interlace
        byte[] end = [0x01, 0x00, 0x00, 0xFF, 0xFF, 0, 0, 0, 0];                   // an empty final stored block, Adler-32
        BinaryPrimitives.WriteUInt32BigEndian(end.AsSpan(5), adler);
        // The zlib header (deflate, 32 KB window), the strips, the end: one zlib stream across the IDAT chunks.
        byte[][] chunks = [Chunk("IHDR"u8, ihdr), Chunk("IDAT"u8, [0x78, 0x01]), .. compressed, Chunk("IDAT"u8, end), Chunk("IEND"u8, [])];
        var png = new byte[Signature.Length + chunks.Sum(c => (long)c.Length)];
        Signature.CopyTo(png);
        int at = Signature.Length;
        foreach (byte[] chunk in chunks)
        {
            chunk.CopyTo(png, at);
            at += chunk.Length;
        }
        return png;
    }

    // One row: filter type 1 (Sub), then each byte minus the byte of the pixel to its left (0 for the first pixel).
    private static void Filter(ReadOnlySpan<byte> row, Span<byte> target, int stored, int written)
    {
        target[0] = 1;
        Span<byte> line = target[1..];
        if (stored == written)
        {
            row.CopyTo(line);
        }
        else
        {
            for (int x = 0, n = line.Length / written; x < n; x++)
            {
                line[3 * x] = row[4 * x];
                line[(3 * x) + 1] = row[(4 * x) + 1];
                line[(3 * x) + 2] = row[(4 * x) + 2];
            }
        }
        // Right to left, so each byte still sees its left neighbour's raw value.
        int j = line.Length;
        int lanes = Vector<byte>.Count;
        while (j - lanes >= written)
        {
            j -= lanes;
            (new Vector<byte>(line[j..]) - new Vector<byte>(line[(j - written)..])).CopyTo(line[j..]);
        }
        for (j--; j >= written; j--)
        {
            line[j] -= line[j - written];
        }
    }

    // Length, type, data, CRC-32 of type and data.
    private static byte[] Chunk(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        type.CopyTo(chunk.AsSpan(4));
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), PngCrc32.Update(PngCrc32.Start, chunk.AsSpan(4, 4 + data.Length)) ^ PngCrc32.Start);
        return chunk;
    }

    /// <summary>Adler-32 (RFC 1950): a = 1 + Σ bytes, b = Σ a after each byte, both mod 65521.</summary>
    internal static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint Mod = 65521;
        uint a = 1, b = 0;
        while (!data.IsEmpty)
        {
            int n = Math.Min(data.Length, 5552);                                    // the longest run without overflow
            foreach (byte value in data[..n])
            {
                a += value;
                b += a;
            }
            (a, b) = (a % Mod, b % Mod);
            data = data[n..];
        }
        return (b << 16) | a;
    }

    /// <summary>Adler-32 of two pieces joined, from each piece's (zlib's adler32_combine).</summary>
    internal static uint CombineAdler32(uint first, uint second, long secondLength)
    {
        const uint Mod = 65521;
        ulong remainder = (ulong)(secondLength % Mod);
        ulong a1 = first & 0xFFFF, b1 = first >> 16, a2 = second & 0xFFFF, b2 = second >> 16;
        ulong a = (a1 + a2 + Mod - 1) % Mod;
        ulong b = ((remainder * a1) + b1 + b2 + Mod - remainder) % Mod;
        return (uint)((b << 16) | a);
    }
}
