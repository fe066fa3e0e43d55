using SkiaSharp;

namespace EdgeNet.Plots.Tests.Support;

/// <summary>A decoded PNG with the measures a test needs to tell a real picture from a blank one.</summary>
internal sealed class PngImage
{
    private PngImage(int width, int height, int distinctColours, double inkFraction, double commonestShare)
    {
        CommonestShare = commonestShare;
        Width = width;
        Height = height;
        DistinctColours = distinctColours;
        InkFraction = inkFraction;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Number of different colours (a blank image has 1).</summary>
    public int DistinctColours { get; }

    /// <summary>Share of pixels that are not (near) white.</summary>
    public double InkFraction { get; }

    /// <summary>Share of the pixels that have the most common colour (a blank image has 1).</summary>
    public double CommonestShare { get; }

    public static PngImage Decode(byte[] bytes)
    {
        Assert.True(bytes.Length > 8 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G', "not a PNG file");
        using SKBitmap bitmap = SKBitmap.Decode(bytes) ?? throw new InvalidDataException("The PNG could not be decoded.");
        var colours = new Dictionary<uint, int>();
        long ink = 0;
        foreach (SKColor c in bitmap.Pixels)
        {
            colours[(uint)c] = colours.GetValueOrDefault((uint)c) + 1;
            if (c.Red < 235 || c.Green < 235 || c.Blue < 235)
            {
                ink++;
            }
        }
        return new PngImage(bitmap.Width, bitmap.Height, colours.Count, (double)ink / (bitmap.Width * bitmap.Height),
            (double)colours.Values.Max() / (bitmap.Width * bitmap.Height));
    }

    public static PngImage Load(string path) => Decode(File.ReadAllBytes(path));

    /// <summary>Not blank: many colours (text is anti-aliased) and a real share of ink, but not a solid fill.</summary>
    public void AssertNotBlank(string what)
    {
        Assert.True(DistinctColours >= 20, $"{what}: only {DistinctColours} colours, looks blank");
        Assert.True(InkFraction > 0.01, $"{what}: only {InkFraction:P2} of the pixels have ink, looks blank");
        Assert.True(InkFraction < 0.95, $"{what}: {InkFraction:P2} of the pixels have ink, not a white background");
    }

    /// <summary>
    /// Not blank, for a picture that fills its frame (a scene, an edge map on black): many colours, and no colour
    /// covers almost all of it.
    /// </summary>
    public void AssertNotBlankPicture(string what)
    {
        Assert.True(DistinctColours >= 20, $"{what}: only {DistinctColours} colours, looks blank");
        Assert.True(CommonestShare < 0.995, $"{what}: {CommonestShare:P2} of the pixels have one colour, looks blank");
    }
}
