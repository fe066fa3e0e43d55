using EdgeNet.Scenes;
using SkiaSharp;

namespace EdgeNet.Imaging;

/// <summary>A drawn <see cref="Scene"/> as the files of a boundary benchmark: the picture and its truth, both 8-bit gray PNG.</summary>
public static class SceneImages
{
    /// <summary>The picture's gray bytes, through JPEG at the scene's quality when it asks for it.</summary>
    public static byte[] Picture(Scene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        byte[] gray = [.. scene.Pixels.Select(v => (byte)Math.Round(255 * Math.Clamp(v, 0, 1)))];
        return scene.JpegQuality > 0 ? ThroughJpeg(gray, scene.Width, scene.Height, scene.JpegQuality) : gray;
    }

    /// <summary>PNG bytes of the picture (<see cref="Picture"/>).</summary>
    public static byte[] PicturePng(Scene scene) => PngFile.EncodeGray(Picture(scene), scene.Width, scene.Height);

    /// <summary>PNG bytes of the truth: 255 on a boundary pixel, 0 elsewhere.</summary>
    public static byte[] TruthPng(Scene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return PngFile.EncodeGray(scene.Truth, scene.Width, scene.Height);
    }

    private static byte[] ThroughJpeg(byte[] gray, int width, int height, int quality)
    {
        var info = new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        System.Runtime.InteropServices.Marshal.Copy(gray, 0, bitmap.GetPixels(), gray.Length);
        using SKData jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return ImageDecoder.DecodeBytes(jpeg.ToArray(), "JPEG").Pixels;
    }
}
