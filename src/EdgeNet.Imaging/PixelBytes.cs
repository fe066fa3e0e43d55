using System.Numerics;
using System.Runtime.InteropServices;

namespace EdgeNet.Imaging;

/// <summary>Rows of values in [0, 1] turned into bytes (round(255·v), clamped), vector by vector.</summary>
internal static class PixelBytes
{
    /// <summary>One value as a byte: round(255·clamp(v, 0, 1)).</summary>
    public static byte Of(float value) => (byte)((255f * Math.Clamp(value, 0f, 1f)) + 0.5f);

    /// <summary><paramref name="target"/>[i] = <see cref="Of"/>(<paramref name="values"/>[i]).</summary>
    public static void Convert(ReadOnlySpan<float> values, Span<byte> target)
    {
        int n = values.Length, i = 0, lanes = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var scale = new Vector<float>(255f);
            var half = new Vector<float>(0.5f);
            for (; i + (4 * lanes) <= n; i += 4 * lanes)
            {
                Vector<uint> a = Scaled(values[i..]), b = Scaled(values[(i + lanes)..]);
                Vector<uint> c = Scaled(values[(i + (2 * lanes))..]), d = Scaled(values[(i + (3 * lanes))..]);
                Vector.Narrow(Vector.Narrow(a, b), Vector.Narrow(c, d)).CopyTo(target[i..]);          // 0 … 255 fit
            }

            Vector<uint> Scaled(ReadOnlySpan<float> v) => Vector.AsVectorUInt32(
                Vector.ConvertToInt32((Vector.Min(Vector.Max(new Vector<float>(v), Vector<float>.Zero), Vector<float>.One) * scale) + half));
        }
        for (; i < n; i++)
        {
            target[i] = Of(values[i]);
        }
    }

    /// <summary>
    /// <paramref name="target"/>[i] = <paramref name="levels"/>[i] / 255, the gray levels as the network's inputs in
    /// [0, 1]: a vector of bytes at a time, the same floats as the scalar division (both round the quotient once).
    /// </summary>
    public static void ToLevels(ReadOnlySpan<byte> levels, Span<float> target)
    {
        int n = levels.Length, i = 0, lanes = Vector<byte>.Count, floats = Vector<float>.Count;
        target = target[..n];
        if (Vector.IsHardwareAccelerated)
        {
            var full = new Vector<float>(255f);
            for (; i + lanes <= n; i += lanes)
            {
                Vector.Widen(new Vector<byte>(levels[i..]), out Vector<ushort> low, out Vector<ushort> high);
                Vector.Widen(low, out Vector<uint> a, out Vector<uint> b);
                Vector.Widen(high, out Vector<uint> c, out Vector<uint> d);
                (Vector.ConvertToSingle(a) / full).CopyTo(target[i..]);
                (Vector.ConvertToSingle(b) / full).CopyTo(target[(i + floats)..]);
                (Vector.ConvertToSingle(c) / full).CopyTo(target[(i + (2 * floats))..]);
                (Vector.ConvertToSingle(d) / full).CopyTo(target[(i + (3 * floats))..]);
            }
        }
        for (; i < n; i++)
        {
            target[i] = levels[i] / 255f;
        }
    }

    /// <summary>Opaque RGBA pixels from three rows of channel bytes.</summary>
    public static void Interleave(ReadOnlySpan<byte> red, ReadOnlySpan<byte> green, ReadOnlySpan<byte> blue, Span<byte> rgba)
    {
        if (!BitConverter.IsLittleEndian)
        {
            for (int x = 0; x < red.Length; x++)
            {
                (rgba[4 * x], rgba[(4 * x) + 1], rgba[(4 * x) + 2], rgba[(4 * x) + 3]) = (red[x], green[x], blue[x], 255);
            }
            return;
        }
        Span<uint> pixels = MemoryMarshal.Cast<byte, uint>(rgba);
        for (int x = 0; x < red.Length; x++)
        {
            pixels[x] = red[x] | ((uint)green[x] << 8) | ((uint)blue[x] << 16) | 0xFF000000u;   // little-endian: R, G, B, A
        }
    }

    /// <summary>RGB pixels from three rows of channel bytes.</summary>
    public static void InterleaveRgb(ReadOnlySpan<byte> red, ReadOnlySpan<byte> green, ReadOnlySpan<byte> blue, Span<byte> rgb)
    {
        rgb = rgb[..(3 * red.Length)];
        for (int x = 0; x < red.Length; x++)
        {
            rgb[3 * x] = red[x];
            rgb[(3 * x) + 1] = green[x];
            rgb[(3 * x) + 2] = blue[x];
        }
    }
}
