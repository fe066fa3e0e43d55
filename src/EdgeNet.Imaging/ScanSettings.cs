namespace EdgeNet.Imaging;

/// <summary>What a <see cref="PhotoScanner"/> makes besides the edge map, and how the map is drawn.</summary>
public sealed record ScanSettings
{
    /// <summary>
    /// Keep only pixels whose edge probability is a local maximum across the edge (non-maximum suppression):
    /// left/right for vertical edges and for two-class models, above/below for horizontal edges.
    /// </summary>
    public bool Thin { get; init; }

    /// <summary>When set, the map is black and white: white (or the orientation's colour) where p(edge) &gt; this.</summary>
    public double? Threshold { get; init; }

    /// <summary>Also draw the edges over the photo.</summary>
    public bool Overlay { get; init; }

    /// <summary>Also compute Sobel's response and its correlation with the network's map.</summary>
    public bool Sobel { get; init; }

    /// <summary>
    /// Encode the colour pictures (orientation colours, overlay) to PNG band by band as they are drawn, instead of
    /// keeping them whole: <see cref="ScanPictures.ColoursPng"/> and <see cref="ScanPictures.OverlayPng"/> are set,
    /// <see cref="ScanPictures.Colours"/> and <see cref="ScanPictures.Overlay"/> are null. Saves 4 bytes a pixel each.
    /// </summary>
    public bool EncodePictures { get; init; }

    /// <summary>When set, each stage's wall and CPU time is added to it (<see cref="ScanTimings"/>).</summary>
    public ScanTimings? Timings { get; init; }

    /// <summary>Processors to scan with; the numbers do not depend on it.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Pixels scanned per band (whole rows; at least one): half a megapixel, 2 MB of floats per class.</summary>
    internal int BandPixels { get; init; } = 1 << 19;
}
