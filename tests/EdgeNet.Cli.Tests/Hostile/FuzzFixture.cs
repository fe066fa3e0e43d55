using SkiaSharp;

namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>What the fuzz tests mutate: a model trained and saved by edgenet, and a real PNG and JPEG.</summary>
public sealed class FuzzFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public FuzzFixture()
    {
        Model = _folder.File("model.json");
        CliRun train = CliRun.Of("train", "--epochs", "2", "--log-every", "0", "--save", Model);
        Assert.True(train.ExitCode == 0, train.Error);
        ModelJson = File.ReadAllText(Model);
        Png = Encode(SKEncodedImageFormat.Png);
        Jpeg = Encode(SKEncodedImageFormat.Jpeg);
    }

    /// <summary>A model file saved by <c>edgenet train --save</c> (the tutorial's 25→8→2).</summary>
    public string Model { get; }

    public string ModelJson { get; }

    /// <summary>A 24×16 photo with a vertical edge, as PNG and as JPEG.</summary>
    public byte[] Png { get; }

    public byte[] Jpeg { get; }

    public void Dispose() => _folder.Dispose();

    private static byte[] Encode(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(24, 16, SKColorType.Rgba8888, SKAlphaType.Premul);
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                byte level = (byte)(x < 12 ? 40 : 220);
                bitmap.SetPixel(x, y, new SKColor(level, level, (byte)(level / 2)));
            }
        }
        using SKData data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}
