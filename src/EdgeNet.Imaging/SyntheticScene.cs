using SkiaSharp;

namespace EdgeNet.Imaging;

/// <summary>
/// A test picture with known edges, drawn (never downloaded): a shaded background, a dark rectangle, a bright disc,
/// a mid-gray triangle and a thin bar, then Gaussian noise. For trying a scan without a photo, and for the tests.
/// </summary>
public static class SyntheticScene
{
    /// <summary>Default size: 240×160.</summary>
    public const int DefaultWidth = 240;

    /// <summary>Default height.</summary>
    public const int DefaultHeight = 160;

    /// <summary>Draws the scene as PNG bytes; <paramref name="seed"/> draws the noise, σ <paramref name="noise"/>.</summary>
    public static byte[] Png(int width = DefaultWidth, int height = DefaultHeight, uint seed = 1, double noise = 0.02)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 16);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("SkiaSharp could not create a surface.");
        SKCanvas canvas = surface.Canvas;
        float w = width, h = height;
        using (var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(w, h), [Gray(0.55), Gray(0.75)], SKShaderTileMode.Clamp))
        using (var background = new SKPaint { Shader = shader })
        {
            canvas.DrawRect(0, 0, w, h, background);                            // a gentle ramp: no edge
        }
        using var paint = new SKPaint { IsAntialias = true };
        paint.Color = Gray(0.15);
        canvas.DrawRect(0.08f * w, 0.15f * h, 0.30f * w, 0.55f * h, paint);      // dark rectangle
        paint.Color = Gray(0.95);
        (float discX, float discY, float discRadius) = Disc(width, height);
        canvas.DrawCircle(discX, discY, discRadius, paint);                      // bright disc
        paint.Color = Gray(0.35);
        using (var triangle = new SKPath())
        {
            triangle.MoveTo(0.80f * w, 0.90f * h);
            triangle.LineTo(0.97f * w, 0.90f * h);
            triangle.LineTo(0.885f * w, 0.60f * h);
            triangle.Close();
            canvas.DrawPath(triangle, paint);                                    // mid-gray triangle
        }
        paint.Color = Gray(0.05);
        canvas.DrawRect(0.08f * w, 0.82f * h, 0.55f * w, 0.05f * h, paint);      // thin dark bar
        using SKImage image = surface.Snapshot();
        using var bitmap = SKBitmap.FromImage(image);
        AddNoise(bitmap, seed, noise);
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Where the bright disc is drawn in a <paramref name="width"/>×<paramref name="height"/> scene: centre and radius in pixels.</summary>
    public static (float X, float Y, float Radius) Disc(int width, int height) => (0.62f * width, 0.45f * height, 0.22f * height);

    private static SKColor Gray(double level)
    {
        byte v = (byte)Math.Round(255 * level);
        return new SKColor(v, v, v);
    }

    private static void AddNoise(SKBitmap bitmap, uint seed, double sigma)
    {
        if (sigma <= 0)
        {
            return;
        }
        var random = new NumpyRandom(seed);
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                byte v = (byte)Math.Round(255 * Math.Clamp(c.Red / 255.0 + sigma * random.Randn(), 0, 1));
                bitmap.SetPixel(x, y, new SKColor(v, v, v));
            }
        }
    }
}
