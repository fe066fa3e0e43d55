using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;

namespace EdgeNet.Imaging;

/// <summary>
/// A PNG encoder for 8-bit grayscale and RGB pictures that takes rows as they are drawn and compresses strips of
/// them in parallel: every row gets one filter, None (the bytes as they are: edge maps, mostly flat black, deflate
/// smaller and sooner so) or Sub (each byte minus the byte one pixel to its left: pictures with a photo in them), each strip of
/// about 256 KB of filtered rows is deflated on its own at zlib level 1 and ends with a sync flush, and the strips
/// follow each other as IDAT chunks of one zlib stream (as pigz does). Strips depend on the rows given to each
/// <see cref="Add"/>, never on the thread count, so neither do the bytes.
/// </summary>
/// <remarks>
/// Level 1 is zlib's fastest: files are larger than at the default level 6 (about 20% on edge maps) for several
/// times less CPU; encoding was most of a scan's time. Any PNG reader decodes the result.
/// </remarks>
internal sealed class PngEncoder
{
    private const int StripBytes = 256 * 1024;
    private readonly int _width;
    private readonly int _height;
    private readonly int _written;
    private readonly int _threads;
    private readonly ScanTimings? _timings;
    private readonly PngFilter _filter;
    private readonly List<byte[]> _chunks = [];
    private uint _adler = 1;
    private int _rows;

    /// <summary>Starts a picture of <paramref name="written"/> bytes a pixel: 1 gray, 3 RGB; its time goes to <paramref name="timings"/> when given.</summary>
    public PngEncoder(int width, int height, int written, int threads, PngFilter filter, ScanTimings? timings = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (written is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(written), written, "A PNG here is gray (1 byte a pixel) or RGB (3).");
        }
        (_width, _height, _written, _threads, _filter, _timings) = (width, height, written, Math.Max(1, threads), filter, timings);
    }

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// PNG bytes of a picture stored with <paramref name="stored"/> bytes a pixel (1 gray, 3 RGB, 4 RGBA), written
    /// with <paramref name="written"/> bytes a pixel (1 gray, 3 RGB: alpha bytes are dropped).
    /// </summary>
    public static byte[] Encode(byte[] pixels, int width, int height, int stored, int written, int threads, PngFilter filter, ScanTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var encoder = new PngEncoder(width, height, written, threads, filter, timings);
        encoder.Add(pixels, height, stored);
        return encoder.Finish();
    }

    /// <summary>The next <paramref name="rows"/> rows, from the start of <paramref name="pixels"/>, <paramref name="stored"/> bytes a pixel.</summary>
    public void Add(byte[] pixels, int rows, int stored)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (stored != _written && !(stored == 4 && _written == 3))
        {
            throw new ArgumentOutOfRangeException(nameof(stored), stored, $"Cannot write {stored} bytes a pixel as {_written}.");
        }
        if (rows < 1 || _rows + rows > _height || (long)rows * _width * stored > pixels.Length)
        {
            throw new ArgumentException($"{rows} more rows of {_width} pixels do not fit (rows {_rows} of {_height} done, {pixels.Length} bytes given).", nameof(rows));
        }
        using var wall = ScanTimings.WallOf(_timings, ScanStage.Encode);
        ScanTimings? timings = _timings;
        int rowBytes = 1 + (_width * _written);
        int stripRows = Math.Clamp(StripBytes / rowBytes, 1, rows);
        int strips = (rows + stripRows - 1) / stripRows;
        var compressed = new byte[strips][];
        var adlers = new uint[strips];
        int width = _width, written = _written;
        PngFilter filter = _filter;
        Parallel.For(0, strips, new ParallelOptions { MaxDegreeOfParallelism = _threads }, s =>
        {
            using var cpu = ScanTimings.CpuOf(timings, ScanStage.Encode);
            int y0 = s * stripRows, count = Math.Min(stripRows, rows - y0);
            int length = count * rowBytes;
            byte[] filtered = ArrayPool<byte>.Shared.Rent(length);
            byte[] output = ArrayPool<byte>.Shared.Rent(length + (length / 8) + 64);   // more than deflate can grow
            try
            {
                for (int i = 0; i < count; i++)
                {
                    Filter(pixels.AsSpan((y0 + i) * width * stored, width * stored), filtered.AsSpan(i * rowBytes, rowBytes), stored, written, filter);
                }
                adlers[s] = Adler32(filtered.AsSpan(0, length));
                using var buffer = new MemoryStream(output, 0, output.Length, writable: true, publiclyVisible: true);
                using (var deflate = new DeflateStream(buffer, new ZLibCompressionOptions { CompressionLevel = 1 }, leaveOpen: true))
                {
                    deflate.Write(filtered, 0, length);
                    deflate.Flush();                                                // sync flush: ends on a byte, not final
                    compressed[s] = Chunk("IDAT"u8, output.AsSpan(0, (int)buffer.Position));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(filtered);
                ArrayPool<byte>.Shared.Return(output);
            }
        });
        for (int s = 0; s < strips; s++)
        {
            _adler = CombineAdler32(_adler, adlers[s], Math.Min(stripRows, rows - (s * stripRows)) * (long)rowBytes);
        }
        _chunks.AddRange(compressed);
        _rows += rows;
    }

    /// <summary>The whole PNG file, once every row is in.</summary>
    public byte[] Finish()
    {
        if (_rows != _height)
        {
            throw new InvalidOperationException($"Only {_rows} of {_height} rows were given.");
        }
        using var time = ScanTimings.Both(_timings, ScanStage.Encode);
        byte[] ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, _width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), _height);
        (ihdr[8], ihdr[9]) = (8, _written == 1 ? (byte)0 : (byte)2);               // 8 bits; gray or RGB; no interlace
        byte[] end = [0x01, 0x00, 0x00, 0xFF, 0xFF, 0, 0, 0, 0];                   // an empty final stored block, Adler-32
        BinaryPrimitives.WriteUInt32BigEndian(end.AsSpan(5), _adler);
        // The zlib header (deflate, 32 KB window), the strips, the end: one zlib stream across the IDAT chunks.
        byte[][] chunks = [Chunk("IHDR"u8, ihdr), Chunk("IDAT"u8, [0x78, 0x01]), .. _chunks, Chunk("IDAT"u8, end), Chunk("IEND"u8, [])];
        var png = new byte[Signature.Length + chunks.Sum(c => (long)c.Length)];
        Signature.CopyTo(png);
        int at = Signature.Length;
        foreach (byte[] chunk in chunks)
        {
            chunk.CopyTo(png, at);
            at += chunk.Length;
        }
        _chunks.Clear();
        return png;
    }
    // One row: the filter's type byte, then the bytes (RGBA's alpha dropped); with Sub, each byte minus the byte of the
    // pixel to its left (0 for the first pixel).
    private static void Filter(ReadOnlySpan<byte> row, Span<byte> target, int stored, int written, PngFilter filter)
    {
        target[0] = (byte)filter;
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
        if (filter == PngFilter.None)
        {
            return;
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

/// <summary>The PNG row filters <see cref="PngEncoder"/> writes (PNG's filter type bytes).</summary>
internal enum PngFilter : byte
{
    /// <summary>The bytes as they are.</summary>
    None = 0,

    /// <summary>Each byte minus the byte one pixel to its left.</summary>
    Sub = 1,
}
