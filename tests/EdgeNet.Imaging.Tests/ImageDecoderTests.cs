using SkiaSharp;

namespace EdgeNet.Imaging.Tests;

public sealed class ImageDecoderTests
{
    [Fact]
    public void Png_decodes_to_its_gray_levels_in_0_to_1()
    {
        // Given a 40×30 PNG: background 204/255, rectangle 51/255
        byte[] png = DrawnImages.Rectangle(40, 30, new SKRectI(10, 5, 30, 25), inside: 0.2, outside: 0.8);

        // When
        GrayImage image = ImageDecoder.Decode(png, "drawn.png");

        // Then
        Assert.Equal((40, 30), (image.Width, image.Height));
        Assert.Equal(204 / 255.0, image[0, 0], 12);
        Assert.Equal(51 / 255.0, image[10, 5], 12);
        Assert.Equal(51 / 255.0, image[29, 24], 12);
        Assert.Equal(204 / 255.0, image[30, 24], 12);
    }

    [Fact]
    public void Colour_becomes_luma_and_transparency_is_composited_over_white()
    {
        // Given pure green, and fully transparent black
        GrayImage green = ImageDecoder.Decode(DrawnImages.Flat(4, 4, new SKColor(0, 255, 0)), "green.png");
        GrayImage clear = ImageDecoder.Decode(DrawnImages.Flat(4, 4, new SKColor(0, 0, 0, 0)), "clear.png");

        // Then
        Assert.Equal(0.587, green[1, 1], 12);
        Assert.Equal(1.0, clear[1, 1], 12);
    }

    [Fact]
    public void Jpeg_decodes_close_to_its_drawing()
    {
        byte[] jpeg = DrawnImages.Rectangle(64, 48, new SKRectI(16, 16, 48, 40), inside: 0.1, outside: 0.9, format: SKEncodedImageFormat.Jpeg);

        GrayImage image = ImageDecoder.Decode(jpeg, "drawn.jpg");

        Assert.Equal((64, 48), (image.Width, image.Height));
        Assert.InRange(image[32, 28], 0.05, 0.15);
        Assert.InRange(image[4, 4], 0.85, 0.95);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode([], "empty.png"));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Largest |luma plane − gray of the decoded RGB| in levels: the RGB's rounding (one level), and where a saturated
    /// colour's R, G or B was clipped to 0 or 255 (seen: 11 levels on these photos).
    /// </summary>
    private const int LumaTolerance = 16;

    /// <summary>Largest mean |luma plane − gray of the decoded RGB| in levels (seen: 0.02–0.04).</summary>
    private const double LumaMeanTolerance = 0.1;

    [SkippableTheory]
    [InlineData(1u)]
    [InlineData(2u)]
    public void Colour_jpeg_decodes_to_its_luma_plane_within_the_tolerance_of_the_gray_of_its_rgb(uint seed)
    {
        bool required = Environment.GetEnvironmentVariable("EDGENET_REQUIRE_TURBOJPEG") == "1";
        Assert.False(required && !TurboJpeg.Available, "EDGENET_REQUIRE_TURBOJPEG=1 but libturbojpeg.so.0 could not be loaded (Debian: libturbojpeg0)");
        Skip.IfNot(TurboJpeg.Available, "libturbojpeg.so.0 is not installed (Debian: libturbojpeg0): SkiaSharp decodes every JPEG to RGBA, then gray");

        // Given a colourful photo-like JPEG (4:2:0, quality 90)
        byte[] jpeg = DrawnImages.ColourfulJpeg(320, 240, seed);
        var timings = new ScanTimings();

        // When it is decoded to gray bytes (its luma plane), and by SkiaSharp to RGB, then gray by the formula
        GrayBytes luma;
        using (GrayDecoding decoding = ImageDecoder.StartBytes(jpeg, "photo.jpg", timings: timings))
        {
            luma = decoding.Finish();
        }
        using SKBitmap rgb = SKBitmap.Decode(jpeg);
        int worst = 0;
        long sum = 0;
        for (int y = 0; y < 240; y++)
        {
            for (int x = 0; x < 320; x++)
            {
                SKColor c = rgb.GetPixel(x, y);
                int gray = ((299 * c.Red) + (587 * c.Green) + (114 * c.Blue) + 500) / 1000;
                int difference = Math.Abs(luma.Pixels[(y * 320) + x] - gray);
                worst = Math.Max(worst, difference);
                sum += difference;
            }
        }

        // Then no gray conversion ran, and every level is within the tolerance, most within one level
        Assert.Equal(TimeSpan.Zero, timings.Wall(ScanStage.Gray));
        Assert.True(worst <= LumaTolerance, $"largest difference {worst} levels, mean {sum / (320.0 * 240):F3}");
        Assert.True(sum / (320.0 * 240) < LumaMeanTolerance, $"mean difference {sum / (320.0 * 240):F3} levels");
    }

    [Fact]
    public void Text_is_not_an_image()
    {
        var error = Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode("hello, I am not a picture\n"u8.ToArray(), "notes.png"));
        Assert.Contains("not an image", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    public void Truncated_file_is_refused(SKEncodedImageFormat format)
    {
        // Given the first half of a noisy image (noise so that the pixel data is most of the file)
        byte[] whole = DrawnImages.Rectangle(64, 64, new SKRectI(8, 8, 40, 40), 0.2, 0.7, noise: 0.2, format: format);
        byte[] half = whole[..(whole.Length / 2)];

        // When / Then
        var error = Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(half, "cut"));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 50)]
    [InlineData(50, 2)]
    public void Image_smaller_than_3x3_is_refused(int width, int height)
    {
        var error = Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(DrawnImages.Flat(width, height, SKColors.Gray), "tiny.png"));
        Assert.Contains($"{width}×{height} pixels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_above_the_pixel_limit_is_refused_before_decoding()
    {
        byte[] png = DrawnImages.Flat(100, 50, SKColors.Gray);

        var error = Assert.Throws<ImageTooLargeException>(() => ImageDecoder.Decode(png, "big.png", maxPixels: 4999));

        Assert.Equal(4999, error.Limit);
        Assert.Contains("100×50", error.Message, StringComparison.Ordinal);
        Assert.Equal(5000, ImageDecoder.Decode(png, "big.png", maxPixels: 5000).Pixels.Length);
    }

    [Fact]
    public void Missing_file_is_reported_as_such()
    {
        Assert.Throws<FileNotFoundException>(() => ImageDecoder.Decode("/no/such/photo.jpg"));
    }

    [Theory]
    [InlineData(SKEncodedOrigin.TopRight, 2, 1, 0, 5, 4, 3)]
    [InlineData(SKEncodedOrigin.BottomRight, 5, 4, 3, 2, 1, 0)]
    [InlineData(SKEncodedOrigin.BottomLeft, 3, 4, 5, 0, 1, 2)]
    [InlineData(SKEncodedOrigin.RightTop, 3, 0, 4, 1, 5, 2)]
    [InlineData(SKEncodedOrigin.LeftBottom, 2, 5, 1, 4, 0, 3)]
    [InlineData(SKEncodedOrigin.LeftTop, 0, 3, 1, 4, 2, 5)]
    [InlineData(SKEncodedOrigin.RightBottom, 5, 2, 4, 1, 3, 0)]
    public void Exif_orientation_turns_the_pixels_upright(SKEncodedOrigin origin, params int[] expected)
    {
        // Given a stored 3×2 image numbered 0 1 2 / 3 4 5
        var stored = new GrayImage(3, 2, [0, 1, 2, 3, 4, 5]);

        // When
        GrayImage upright = ImageOrientation.Upright(stored, origin);

        // Then (the 90° cases become 2×3)
        Assert.Equal(expected.Select(v => (double)v), upright.Pixels);
        bool turned = origin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom or SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightBottom;
        Assert.Equal(turned ? (2, 3) : (3, 2), (upright.Width, upright.Height));
    }
}
