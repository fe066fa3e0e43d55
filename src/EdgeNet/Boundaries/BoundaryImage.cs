namespace EdgeNet.Boundaries;

/// <summary>
/// One image of a boundary benchmark: a soft map (8-bit, 255 = certain boundary) and its annotators' true
/// boundaries (non-zero = boundary), all <see cref="Width"/>×<see cref="Height"/>, row by row.
/// </summary>
public sealed class BoundaryImage
{
    /// <summary>Checks the sizes; the arrays are kept, not copied.</summary>
    public BoundaryImage(string name, int width, int height, byte[] map, IReadOnlyList<byte[]> truths)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(truths);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        long pixels = (long)width * height;
        if (map.Length != pixels)
        {
            throw new ArgumentException($"{name}: the map has {map.Length} pixels, a {width}×{height} image {pixels}.", nameof(map));
        }
        if (truths.Count == 0)
        {
            throw new ArgumentException($"{name}: no annotator's boundaries were given.", nameof(truths));
        }
        if (truths.Any(t => t is null || t.Length != pixels))
        {
            throw new ArgumentException($"{name}: every annotator's boundaries must have {pixels} pixels ({width}×{height}).", nameof(truths));
        }
        (Name, Width, Height, Map, Truths) = (name, width, height, map, truths);
    }

    /// <summary>The image's name (for messages and per-image results).</summary>
    public string Name { get; }

    /// <summary>Pixels across.</summary>
    public int Width { get; }

    /// <summary>Pixels down.</summary>
    public int Height { get; }

    /// <summary>The soft boundary map, 0 … 255.</summary>
    public byte[] Map { get; }

    /// <summary>Each annotator's boundary pixels (non-zero).</summary>
    public IReadOnlyList<byte[]> Truths { get; }
}
