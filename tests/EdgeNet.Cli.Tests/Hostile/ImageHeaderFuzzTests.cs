using System.Buffers.Binary;
using CsCheck;
using Xunit.Abstractions;

namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// Issue #15's property for pictures: a real PNG and JPEG whose header sizes (PNG's IHDR width and height, JPEG's
/// SOF height and width), bit depth or colour type are changed (with the checksum fixed or not), with bytes flipped,
/// or cut short; and PNGs built from random chunks — scan either works or refuses the photo in one line, writes nothing
/// and stays within the memory budget, also with --max-pixels raised as a message might suggest.
/// </summary>
[Collection(Serial.Name)]
public sealed class ImageHeaderFuzzTests(FuzzFixture fixture, ITestOutputHelper log) : IClassFixture<FuzzFixture>
{
    private static readonly uint[] HostileSides = [0, 1, 2, 4, 5, 6000, 65_535, 65_536, 100_000, 0x7FFF_FFFF, 0x8000_0000, uint.MaxValue];

    [Fact]
    public void Mutated_png_and_jpeg_headers_scan_or_are_refused_cleanly()
    {
        Gen<uint> side = Gen.Frequency((1, Gen.UInt[0, 64]), (2, Gen.OneOf(HostileSides)));
        Gen<(string, byte[])> pngSize = Gen.Select(side, side, Gen.Bool).Select((w, h, crc) => ("png", PngHeader(fixture.Png, w, h, null, null, crc)));
        Gen<(string, byte[])> pngFormat = Gen.Select(Gen.OneOf<byte>(0, 1, 2, 4, 8, 16, 3, 255), Gen.OneOf<byte>(0, 2, 3, 4, 6, 7, 255), Gen.Bool)
            .Select((depth, colour, crc) => ("png", PngHeader(fixture.Png, null, null, depth, colour, crc)));
        Gen<(string, byte[])> jpegSize = Gen.Select(Gen.UShort, Gen.UShort, Gen.OneOf<byte>(0, 1, 3, 4, 255)).Select((h, w, components) => ("jpg", JpegHeader(fixture.Jpeg, h, w, components)));
        Gen<(string, byte[])> flipped = Gen.Select(Gen.Bool, Gen.Int[0, int.MaxValue], Gen.Byte[1, 255]).Select((png, at, mask) =>
        {
            byte[] copy = [.. png ? fixture.Png : fixture.Jpeg];
            copy[at % copy.Length] ^= mask;
            return (png ? "png" : "jpg", copy);
        });
        Gen<(string, byte[])> truncated = Gen.Select(Gen.Bool, Gen.Int[0, int.MaxValue]).Select((png, at) =>
        {
            byte[] image = png ? fixture.Png : fixture.Jpeg;
            return (png ? "png" : "jpg", image[..(at % image.Length)]);
        });
        Gen<(string, byte[])> chunks = Gen.Select(side, side, Gen.OneOf<byte>(1, 8, 16), Gen.OneOf<byte>(0, 2, 6), Gen.Byte.Array[0, 300])
            .Select((w, h, depth, colour, data) => ("png", Png(w, h, depth, colour, data)));
        Gen<(string Extension, byte[] Bytes)> image = Gen.Frequency((3, pngSize), (1, pngFormat), (3, jpegSize), (2, flipped), (1, truncated), (1, chunks));

        FuzzCases.Run(log, Gen.Select(image, Gen.OneOf("default", "40000000", "10000000000000")), seed: 15_005, 150, input =>
        {
            ((string Extension, byte[] Bytes) photo, string maxPixels) = input;
            using var folder = new TempFolder();
            string path = folder.File("photo." + photo.Extension);
            File.WriteAllBytes(path, photo.Bytes);
            string[] pixels = maxPixels == "default" ? [] : ["--max-pixels", maxPixels];
            HostileRun.Check(folder, ["scan", path, "--model", fixture.Model, "--out", folder.File("edges.png"), "--raw", folder.File("edges.npy"), .. pixels]);
        }, input => $"{input.Item1.Extension} of {input.Item1.Bytes.Length} bytes, --max-pixels {input.Item2}: {Convert.ToHexString(input.Item1.Bytes.AsSpan(0, Math.Min(64, input.Item1.Bytes.Length)))}");
    }

    // The PNG with IHDR's width, height, bit depth or colour type set (null: kept), its CRC fixed or left stale.
    private static byte[] PngHeader(byte[] png, uint? width, uint? height, byte? depth, byte? colour, bool fixCrc)
    {
        byte[] copy = [.. png];
        Span<byte> ihdr = copy.AsSpan(16, 13);                    // 8 signature bytes, 4 length bytes, "IHDR"
        if (width is { } w)
        {
            BinaryPrimitives.WriteUInt32BigEndian(ihdr, w);
        }
        if (height is { } h)
        {
            BinaryPrimitives.WriteUInt32BigEndian(ihdr[4..], h);
        }
        ihdr[8] = depth ?? ihdr[8];
        ihdr[9] = colour ?? ihdr[9];
        if (fixCrc)
        {
            BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(29), Crc32(copy.AsSpan(12, 17)));
        }
        return copy;
    }

    // The JPEG with its first start-of-frame marker's height, width and number of components set.
    private static byte[] JpegHeader(byte[] jpeg, ushort height, ushort width, byte components)
    {
        byte[] copy = [.. jpeg];
        int at = 2;
        while (at + 4 < copy.Length && copy[at] == 0xFF)
        {
            byte marker = copy[at + 1];
            int length = BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(at + 2));
            if (marker is >= 0xC0 and <= 0xC3)
            {
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(at + 5), height);
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(at + 7), width);
                copy[at + 9] = components;
                return copy;
            }
            at += 2 + length;
        }
        throw new InvalidOperationException("the fixture's JPEG has no start-of-frame marker");
    }

    private static byte[] Png(uint width, uint height, byte depth, byte colour, byte[] data)
    {
        var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = depth;
        header[9] = colour;
        Chunk(stream, "IHDR", header);
        Chunk(stream, "IDAT", data);
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] body)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(four, (uint)body.Length);
        stream.Write(four);
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. body];
        stream.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(four, Crc32(typed));
        stream.Write(four);
    }

    // PNG's CRC-32 (ISO 3309) of the chunk type and body, bit by bit.
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
