using SkiaSharp;

namespace EdgeNet.Imaging.Tests;

/// <summary>Pictures the tests draw themselves, with edges where the test knows them to be.</summary>
internal static class DrawnImages
{
    /// <summary>A gray rectangle [left, right) × [top, bottom) on a gray background, optional noise, encoded as PNG or JPEG.</summary>
    public static byte[] Rectangle(int width, int height, SKRectI rectangle, double inside, double outside, double noise = 0, uint seed = 1, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(Gray(outside));
            using var paint = new SKPaint { Color = Gray(inside), IsAntialias = false };
            canvas.DrawRect(rectangle, paint);
        }
        if (noise > 0)
        {
            var random = new NumpyRandom(seed);
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    byte v = (byte)Math.Round(255 * Math.Clamp(bitmap.GetPixel(x, y).Red / 255.0 + noise * random.Randn(), 0, 1));
                    bitmap.SetPixel(x, y, new SKColor(v, v, v));
                }
            }
        }
        using SKData data = bitmap.Encode(format, 95);
        return data.ToArray();
    }

    /// <summary>A photo-like colour picture: a gradient, coloured shapes in every hue (saturated ones too), noise; JPEG, quality 90.</summary>
    public static byte[] ColourfulJpeg(int width, int height, uint seed)
    {
        var random = new NumpyRandom(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var gradient = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [new SKColor(40, 90, 160), new SKColor(230, 200, 120)], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, width, height, gradient);
            for (int i = 0; i < 40; i++)
            {
                var colour = new SKColor((byte)(255 * random.Rand()), (byte)(255 * random.Rand()), (byte)(255 * random.Rand()));
                using var paint = new SKPaint { Color = colour, IsAntialias = true };
                float x = (float)(width * random.Rand()), y = (float)(height * random.Rand()), size = (float)(width / 4.0 * random.Rand());
                if (i % 2 == 0)
                {
                    canvas.DrawRect(x, y, size, size * 0.7f, paint);
                }
                else
                {
                    canvas.DrawCircle(x, y, size / 2, paint);
                }
            }
        }
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                int n = (int)Math.Round(8 * random.Randn());
                bitmap.SetPixel(x, y, new SKColor((byte)Math.Clamp(c.Red + n, 0, 255), (byte)Math.Clamp(c.Green + n, 0, 255), (byte)Math.Clamp(c.Blue + n, 0, 255)));
            }
        }
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>A flat image of one colour, as PNG.</summary>
    public static byte[] Flat(int width, int height, SKColor colour)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(colour);
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Decodes a PNG's pixels to RGBA bytes (to look at what a map writer drew).</summary>
    public static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a PNG");

    private static SKColor Gray(double level)
    {
        byte v = (byte)Math.Round(255 * level);
        return new SKColor(v, v, v);
    }
}
