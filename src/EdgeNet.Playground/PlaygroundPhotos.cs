using EdgeNet.Imaging;

namespace EdgeNet.Playground;

/// <summary>
/// A session's photos, scanned as <c>edgenet scan</c> scans them (<see cref="EdgeScan"/>): a file is decoded by
/// <see cref="ImageDecoder"/> (the server); RGBA pixels that the browser decoded are turned to gray with the decoder's
/// own formula (<see cref="GrayImage.FromRgba"/>, the Web Worker). Compiled into both hosts: the server and
/// EdgeNet.Playground.Wasm link this one file.
/// </summary>
internal sealed class PlaygroundPhotos : IPhotoScanner
{
    public static readonly PlaygroundPhotos Instance = new();

    public PhotoScan Scan(PhotoUpload photo, Network<double> network, IReadOnlyList<string> classNames, int patchSide, long maxPixels)
    {
        GrayImage image;
        try
        {
            image = photo.IsRgba ? Rgba(photo, maxPixels) : ImageDecoder.Decode(photo.Bytes, photo.Name, maxPixels);
        }
        catch (ImageTooLargeException e)
        {
            throw new PlaygroundInputException($"{photo.Name} is {e.Width}×{e.Height} = {(long)e.Width * e.Height} pixels; the playground scans up to {maxPixels}. Scale it down first.");
        }
        catch (InvalidDataException e)
        {
            throw new PlaygroundInputException(e.Message);
        }
        EdgeScanResult scan = EdgeScan.Run(network, classNames, image, patchSide);
        return new PhotoScan(
            image.Width,
            image.Height,
            EdgeMapImages.Gray(image.Pixels, image.Width, image.Height, 1),
            EdgeMapImages.Probability(scan.Map),
            scan.EdgeFraction(),
            scan.Correlation);
    }

    // The checks ImageDecoder makes of a file's header, made of the browser's width and height.
    private static GrayImage Rgba(PhotoUpload photo, long maxPixels)
    {
        (int width, int height) = (photo.Width, photo.Height);
        if (width < ImageDecoder.MinSide || height < ImageDecoder.MinSide)
        {
            throw new InvalidDataException($"{photo.Name} is {width}×{height} pixels; an image to scan needs at least {ImageDecoder.MinSide}×{ImageDecoder.MinSide}.");
        }
        if ((long)width * height > maxPixels)
        {
            throw new ImageTooLargeException(photo.Name, width, height, maxPixels);
        }
        if (photo.Bytes.Length != 4L * width * height)
        {
            throw new InvalidDataException($"{photo.Name}: the browser sent {photo.Bytes.Length} bytes for {width}×{height} RGBA pixels.");
        }
        return GrayImage.FromRgba(photo.Bytes, width, height);
    }
}
