namespace EdgeNet.Imaging;

/// <summary>What <see cref="PhotoScanner"/> made of one photo: pixel buffers ready to encode, and a few numbers.</summary>
public sealed class ScanPictures
{
    internal ScanPictures(GrayBytes image, IReadOnlyList<string> classNames, int noEdgeClass, byte[] map, byte[]? colours, byte[]? overlay, double edgeFraction, SobelComparison? sobel)
    {
        Image = image;
        ClassNames = classNames;
        NoEdgeClass = noEdgeClass;
        Map = map;
        Colours = colours;
        Overlay = overlay;
        EdgeFraction = edgeFraction;
        Sobel = sobel;
    }

    /// <summary>The photo scanned.</summary>
    public GrayBytes Image { get; }

    /// <summary>Pixels across.</summary>
    public int Width => Image.Width;

    /// <summary>Pixels down.</summary>
    public int Height => Image.Height;

    /// <summary>The model's class names.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The class meaning "no edge".</summary>
    public int NoEdgeClass { get; }

    /// <summary>Gray levels, row by row: 255·(1 − p(no edge)), thinned and thresholded as the settings asked.</summary>
    public byte[] Map { get; }

    /// <summary>
    /// For models with orientation classes: RGBA, Σ p(class)·colour(class) (<see cref="EdgeColors"/>), scaled down
    /// where <see cref="Map"/> was thinned or thresholded; null otherwise, and null when already encoded.
    /// </summary>
    public byte[]? Colours { get; }

    /// <summary>RGBA: the photo dimmed to half with the edges laid over it (when asked; null when already encoded).</summary>
    public byte[]? Overlay { get; }

    /// <summary>With <see cref="ScanSettings.EncodePictures"/>: <see cref="Colours"/> as an RGB PNG file's bytes.</summary>
    public byte[]? ColoursPng { get; init; }

    /// <summary>With <see cref="ScanSettings.EncodePictures"/>: <see cref="Overlay"/> as an RGB PNG file's bytes.</summary>
    public byte[]? OverlayPng { get; init; }

    /// <summary>Fraction of pixels with 1 − p(no edge) &gt; 0.5 (before thinning).</summary>
    public double EdgeFraction { get; }

    /// <summary>Sobel's response and its agreement with the map (when asked).</summary>
    public SobelComparison? Sobel { get; }
}

/// <summary>How the network's map agrees with Sobel's.</summary>
/// <param name="Correlation">Pearson's r of 1 − p(no edge) and √(gx² + gy²) over all pixels; NaN when a map is flat.</param>
/// <param name="DarkToBrightCorrelation">For the tutorial's two classes: r of p(Edge) and max(gx, 0); null otherwise.</param>
/// <param name="Strongest">The largest magnitude, drawn white in the Sobel picture.</param>
public sealed record SobelComparison(double Correlation, double? DarkToBrightCorrelation, double Strongest);
