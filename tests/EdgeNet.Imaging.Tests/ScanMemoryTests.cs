using SkiaSharp;

namespace EdgeNet.Imaging.Tests;

[CollectionDefinition(nameof(ScanMemoryTests), DisableParallelization = true)]
public sealed class ScanMemoryCollection;

/// <summary>
/// The memory budget of a scan: at most 24 bytes a pixel in all, decoding and encoding included. Measured with the
/// GC's count of every byte allocated (by any thread) from reading the file to the encoded pictures: an upper bound
/// on what the scan holds at once. Runs alone, so no other test's allocations are counted.
/// </summary>
[Collection(nameof(ScanMemoryTests))]
public sealed class ScanMemoryTests
{
    private const double BudgetBytesPerPixel = 24;

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg, false)]
    [InlineData(SKEncodedImageFormat.Jpeg, true)]
    [InlineData(SKEncodedImageFormat.Png, true)]
    public void Scan_of_a_large_drawn_photo_allocates_less_than_the_budget_per_pixel(SKEncodedImageFormat format, bool everything)
    {
        // Given a drawn 3000×2000 photo (6 MP) in a file, and the orientation model (5 classes: the most planes)
        const int width = 3000, height = 2000;
        string path = Path.Combine(Path.GetTempPath(), $"edgenet-large-{Guid.NewGuid():N}.{(format == SKEncodedImageFormat.Png ? "png" : "jpg")}");
        File.WriteAllBytes(path, DrawnImages.Rectangle(width, height, new SKRectI(500, 400, 2500, 1600), inside: 0.2, outside: 0.8, format: format));
        (Network<double> network, IReadOnlyList<string> names) = TrainedModels.Orientation;
        var settings = new ScanSettings { Threads = 2, Thin = true, Overlay = everything, Sobel = everything, EncodePictures = true };   // as edgenet scan does
        var scanner = new PhotoScanner(network, names, 5, settings);
        scanner.Scan(ImageDecoder.DecodeBytes(DrawnImages.Rectangle(64, 48, new SKRectI(8, 8, 40, 40), 0.2, 0.8), "warm-up"));
        try
        {
            // When it is read, decoded, scanned and every picture encoded
            GC.Collect();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            using (GrayDecoding decoding = ImageDecoder.StartBytes(path))
            {
                ScanPictures pictures = scanner.Scan(decoding);
                Assert.NotEmpty(pictures.ColoursPng!);
                Assert.NotEmpty(PngFile.EncodeGray(pictures.Map, width, height));
                if (everything)
                {
                    Assert.NotEmpty(pictures.OverlayPng!);
                    Assert.NotEmpty(PngFile.EncodeGray(Sobel.Picture(pictures.Image, pictures.Sobel!.Strongest), width, height));
                }
            }
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            // Then all of it is under the budget
            double perPixel = (double)allocated / ((long)width * height);
            Assert.True(perPixel <= BudgetBytesPerPixel, $"{perPixel:F1} bytes a pixel allocated");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
