using System.Numerics;

namespace EdgeNet.Inference;

/// <summary>
/// Where the windows of one output row read their pixels (edge-replicate borders, no padded copy of the image).
/// Window row dy of output row y is image row clamp(y + dy − r) (top and bottom). Tiles whose windows stay inside the
/// image's columns read that row straight from the image; the few tiles at the left and right ends read a small
/// strip: the same rows with their end pixels repeated r times past the border (and as far as the last tile reaches).
/// The kernels read pixel x + dx − r of window row dy, for pixel x and dx = 0 … size − 1, at <c>rows[start_dy + x + dx]</c>.
/// </summary>
internal sealed class WindowRows<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _width;
    private readonly int _height;
    private readonly int _size;
    private readonly int _tilesEnd;
    private readonly T[] _left;
    private readonly T[] _right;

    public WindowRows(int width, int height, int patchSize, int tile)
    {
        int r = patchSize / 2;
        _width = width;
        _height = height;
        _size = patchSize;
        _tilesEnd = (width + tile - 1) / tile * tile;
        LeftEnd = Math.Min((r + tile - 1) / tile * tile, _tilesEnd);       // tiles before reach left of column 0
        RightStart = Math.Max(LeftEnd, Math.Max(width - r, 0) / tile * tile); // tiles from here reach right of the last column
        _left = new T[patchSize * (LeftEnd + (2 * r))];
        _right = new T[patchSize * (_tilesEnd - RightStart + (2 * r))];
        ImageStarts = new int[patchSize];
        LeftStarts = new int[patchSize];
        RightStarts = new int[patchSize];
    }

    /// <summary>Tiles at x0 &lt; LeftEnd read <see cref="Left"/>.</summary>
    public int LeftEnd { get; }

    /// <summary>Tiles at x0 ≥ RightStart read <see cref="Right"/>; those between read the image.</summary>
    public int RightStart { get; }

    /// <summary>Window row starts in the image, for the tiles between the strips.</summary>
    public int[] ImageStarts { get; }

    /// <summary>Window row starts in <see cref="Left"/>.</summary>
    public int[] LeftStarts { get; }

    /// <summary>Window row starts in <see cref="Right"/>.</summary>
    public int[] RightStarts { get; }

    /// <summary>The left strip: window rows for columns −r … LeftEnd + r − 1.</summary>
    public ReadOnlySpan<T> Left => _left;

    /// <summary>The right strip: window rows for columns RightStart − r … (last tile's end) + r − 1.</summary>
    public ReadOnlySpan<T> Right => _right;

    /// <summary>
    /// Points every start at the window rows of output row <paramref name="y"/> and fills the strips asked for (only
    /// the column blocks that reach a border need theirs).
    /// </summary>
    public void MoveTo(ReadOnlySpan<T> image, int y, bool left, bool right)
    {
        int r = _size / 2, leftLength = _left.Length / _size, rightLength = _right.Length / _size;
        for (int dy = 0; dy < _size; dy++)
        {
            int row = Math.Clamp(y + dy - r, 0, _height - 1);                   // replicate top and bottom
            ReadOnlySpan<T> source = image.Slice(row * _width, _width);
            ImageStarts[dy] = (row * _width) - r;
            LeftStarts[dy] = dy * leftLength;
            RightStarts[dy] = (dy * rightLength) - RightStart;
            if (left)
            {
                CopyClamped(source, -r, _left.AsSpan(dy * leftLength, leftLength));
            }
            if (right)
            {
                CopyClamped(source, RightStart - r, _right.AsSpan(dy * rightLength, rightLength));
            }
        }
    }

    /// <summary>target[i] = row[clamp(first + i, 0, width − 1)]: the row with its end pixels repeated (edge-replicate).</summary>
    private static void CopyClamped(ReadOnlySpan<T> row, int first, Span<T> target)
    {
        int before = Math.Clamp(-first, 0, target.Length);
        int inside = Math.Clamp(row.Length - Math.Max(first, 0), 0, target.Length - before);
        target[..before].Fill(row[0]);                                          // replicate left
        row.Slice(Math.Min(Math.Max(first, 0), row.Length), inside).CopyTo(target[before..]);
        target[(before + inside)..].Fill(row[^1]);                              // replicate right
    }
}
