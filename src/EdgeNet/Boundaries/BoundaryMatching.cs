namespace EdgeNet.Boundaries;

/// <summary>
/// Matches predicted boundary pixels to true ones one to one, each pair no farther apart than a reach: a maximum
/// matching of the bipartite graph whose edges are the pairs within reach (Hopcroft–Karp), so no true pixel is
/// claimed by two predicted ones and as many pixels as possible are matched.
/// </summary>
public sealed class BoundaryMatching
{
    private readonly int _width;
    private readonly int _height;
    private readonly (int Dx, int Dy)[] _reach;
    private readonly int[] _truthId;
    private int[] _start = [];
    private int[] _edges = [];
    private int[] _truthOf = [];
    private int[] _predictedOf = [];
    private int[] _layer = [];
    private int[] _queue = [];
    private int[] _next = [];
    private int[] _stack = [];

    /// <summary>A matcher for <paramref name="width"/>×<paramref name="height"/> maps and pairs at most <paramref name="radius"/> pixels apart.</summary>
    public BoundaryMatching(int width, int height, double radius)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (!double.IsFinite(radius) || radius < 0 || radius > Math.Max(width, height))
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The reach must be from 0 to the map's longer side.");
        }
        (_width, _height) = (width, height);
        _reach = Reach(radius);
        _truthId = new int[width * height];
    }

    /// <summary>The offsets within <paramref name="radius"/> (dx² + dy² ≤ radius²), nearest first (ties in row order).</summary>
    public static (int Dx, int Dy)[] Reach(double radius)
    {
        int r = (int)Math.Floor(radius);
        var offsets = new List<(int Dx, int Dy)>();
        for (int dy = -r; dy <= r; dy++)
        {
            for (int dx = -r; dx <= r; dx++)
            {
                if ((dx * dx) + (dy * dy) <= radius * radius)
                {
                    offsets.Add((dx, dy));
                }
            }
        }
        return [.. offsets.OrderBy(o => (o.Dx * o.Dx) + (o.Dy * o.Dy)).ThenBy(o => o.Dy).ThenBy(o => o.Dx)];
    }

    /// <summary>
    /// Matches the <paramref name="predicted"/> pixels to the <paramref name="truth"/> pixels (indices y·width + x).
    /// Marks the matched ones in <paramref name="predictedMatched"/> and <paramref name="truthMatched"/> (same order as
    /// the lists) and returns the number of pairs.
    /// </summary>
    public int Match(ReadOnlySpan<int> predicted, ReadOnlySpan<int> truth, Span<bool> predictedMatched, Span<bool> truthMatched)
    {
        if (predictedMatched.Length != predicted.Length || truthMatched.Length != truth.Length)
        {
            throw new ArgumentException("The matched flags must be as long as the pixel lists.");
        }
        predictedMatched.Clear();
        truthMatched.Clear();
        if (predicted.Length == 0 || truth.Length == 0)
        {
            return 0;
        }
        int[] truthId = _truthId;
        for (int t = 0; t < truth.Length; t++)
        {
            truthId[truth[t]] = t + 1;                                      // 0 = no true pixel there
        }
        BuildEdges(predicted);
        for (int t = 0; t < truth.Length; t++)
        {
            truthId[truth[t]] = 0;
        }
        int pairs = MaximumMatching(predicted.Length, truth.Length);
        for (int p = 0; p < predicted.Length; p++)
        {
            predictedMatched[p] = _truthOf[p] >= 0;
        }
        for (int t = 0; t < truth.Length; t++)
        {
            truthMatched[t] = _predictedOf[t] >= 0;
        }
        return pairs;
    }

    private void BuildEdges(ReadOnlySpan<int> predicted)
    {
        int n = predicted.Length;
        Grow(ref _start, n + 1);
        int count = 0;
        _start[0] = 0;
        for (int p = 0; p < n; p++)
        {
            int y = predicted[p] / _width, x = predicted[p] - (y * _width);
            foreach ((int dx, int dy) in _reach)
            {
                int xx = x + dx, yy = y + dy;
                if ((uint)xx < (uint)_width && (uint)yy < (uint)_height && _truthId[(yy * _width) + xx] is int id and > 0)
                {
                    if (count == _edges.Length)
                    {
                        Array.Resize(ref _edges, Math.Max(1024, count * 2));
                    }
                    _edges[count++] = id - 1;
                }
            }
            _start[p + 1] = count;
        }
    }

    /// <summary>Hopcroft–Karp: greedy pairs first (nearest first), then shortest augmenting paths in phases.</summary>
    private int MaximumMatching(int left, int right)
    {
        Grow(ref _truthOf, left);
        Grow(ref _predictedOf, right);
        Grow(ref _layer, left);
        Grow(ref _queue, left);
        Grow(ref _next, left);
        Grow(ref _stack, left);
        Array.Fill(_truthOf, -1, 0, left);
        Array.Fill(_predictedOf, -1, 0, right);
        int pairs = 0;
        for (int u = 0; u < left; u++)
        {
            for (int e = _start[u]; e < _start[u + 1]; e++)
            {
                int v = _edges[e];
                if (_predictedOf[v] < 0)
                {
                    (_truthOf[u], _predictedOf[v]) = (v, u);
                    pairs++;
                    break;
                }
            }
        }
        while (Layers(left))
        {
            for (int u = 0; u < left; u++)
            {
                _next[u] = _start[u];
            }
            for (int u = 0; u < left; u++)
            {
                if (_truthOf[u] < 0 && Augment(u))
                {
                    pairs++;
                }
            }
        }
        return pairs;
    }

    /// <summary>Breadth-first layers from the free predicted pixels; true when an augmenting path exists.</summary>
    private bool Layers(int left)
    {
        int head = 0, tail = 0;
        for (int u = 0; u < left; u++)
        {
            if (_truthOf[u] < 0)
            {
                _layer[u] = 0;
                _queue[tail++] = u;
            }
            else
            {
                _layer[u] = -1;
            }
        }
        bool found = false;
        while (head < tail)
        {
            int u = _queue[head++];
            for (int e = _start[u]; e < _start[u + 1]; e++)
            {
                int w = _predictedOf[_edges[e]];
                if (w < 0)
                {
                    found = true;
                }
                else if (_layer[w] < 0)
                {
                    _layer[w] = _layer[u] + 1;
                    _queue[tail++] = w;
                }
            }
        }
        return found;
    }

    /// <summary>Depth-first search along the layers from <paramref name="root"/> (iterative); flips the path when it ends free.</summary>
    private bool Augment(int root)
    {
        int depth = 0;
        _stack[depth++] = root;
        while (depth > 0)
        {
            int u = _stack[depth - 1];
            bool advanced = false;
            while (_next[u] < _start[u + 1])
            {
                int v = _edges[_next[u]];
                int w = _predictedOf[v];
                if (w < 0)
                {
                    // Free true pixel: flip the path root → … → u → v.
                    for (int k = depth - 1; k >= 0; k--)
                    {
                        int a = _stack[k];
                        int b = _edges[_next[a]];
                        (_truthOf[a], _predictedOf[b]) = (b, a);
                    }
                    return true;
                }
                if (_layer[w] == _layer[u] + 1)
                {
                    _stack[depth++] = w;
                    advanced = true;
                    break;
                }
                _next[u]++;
            }
            if (!advanced)
            {
                _layer[u] = -1;                                             // dead end for this phase
                depth--;
                if (depth > 0)
                {
                    _next[_stack[depth - 1]]++;
                }
            }
        }
        return false;
    }

    private static void Grow(ref int[] array, int length)
    {
        if (array.Length < length)
        {
            array = new int[Math.Max(length, array.Length * 2)];
        }
    }
}
