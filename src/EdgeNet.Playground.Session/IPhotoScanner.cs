namespace EdgeNet.Playground;

/// <summary>
/// How a host turns an uploaded photo into gray values and scans it: the server decodes the file itself; in the browser
/// the worker has the browser decode it to RGBA first (<see cref="PhotoUpload.Rgba"/>).
/// </summary>
internal interface IPhotoScanner
{
    /// <summary>Scans <paramref name="photo"/> with <paramref name="network"/>, every window of <paramref name="patchSide"/>².</summary>
    /// <exception cref="PlaygroundInputException">The photo cannot be read, or has more than <paramref name="maxPixels"/> pixels.</exception>
    PhotoScan Scan(PhotoUpload photo, Network<double> network, IReadOnlyList<string> classNames, int patchSide, long maxPixels);
}

/// <summary>A photo as the page sent it: the file's bytes, or pixels the browser decoded (RGBA, row by row).</summary>
/// <param name="Name">The file's name, for messages only.</param>
/// <param name="Bytes">The file, or 4 bytes a pixel when <paramref name="Width"/> is not 0.</param>
/// <param name="Width">Pixels across of decoded pixels; 0 for a file.</param>
/// <param name="Height">Pixels down of decoded pixels; 0 for a file.</param>
internal sealed record PhotoUpload(string Name, byte[] Bytes, int Width = 0, int Height = 0)
{
    /// <summary>True when <see cref="Bytes"/> are decoded RGBA pixels.</summary>
    public bool IsRgba => Width > 0;

    /// <summary>Pixels the browser decoded: 4 bytes a pixel (R, G, B, A, not premultiplied), row by row.</summary>
    public static PhotoUpload Rgba(string name, byte[] rgba, int width, int height) => new(name, rgba, width, height);
}

/// <summary>What the page shows of a scanned photo.</summary>
/// <param name="Width">Pixels across.</param>
/// <param name="Height">Pixels down.</param>
/// <param name="InputPng">The photo in gray, as the network saw it (PNG).</param>
/// <param name="MapPng">The edge probability of every pixel (PNG).</param>
/// <param name="EdgeFraction">The share of pixels called an edge.</param>
/// <param name="Correlation">Pearson r between the edge probability and Sobel's magnitude.</param>
internal sealed record PhotoScan(int Width, int Height, byte[] InputPng, byte[] MapPng, double EdgeFraction, double Correlation);
