namespace EdgeNet.Boundaries;

/// <summary>
/// Thins a binary boundary map to lines one pixel wide, keeping their shape and connectivity: the two-subiteration
/// algorithm of Lam, Lee and Suen ("Thinning methodologies — a comprehensive survey", 1992, p. 879), the one
/// MATLAB's <c>bwmorph(..., 'thin', Inf)</c> names and the BSDS benchmark applies before matching.
/// </summary>
/// <remarks>
/// Neighbours x1 … x8 go round a pixel counter-clockwise from the east (x1 east, x2 north-east, x3 north, …, x8
/// south-east). A pixel is removed in the first subiteration when G1, G2 and G3 hold, in the second when G1, G2
/// and G3′ hold; the two alternate until nothing changes. Pixels outside the map count as background.
/// <list type="bullet">
/// <item>G1: the crossing number X_H = Σ_{i=1..4} [x_{2i−1} = 0 and (x_{2i} = 1 or x_{2i+1} = 1)] is 1;</item>
/// <item>G2: 2 ≤ min(n1, n2) ≤ 3 with n1 = Σ_{k=1..4} (x_{2k−1} or x_{2k}), n2 = Σ_{k=1..4} (x_{2k} or x_{2k+1});</item>
/// <item>G3: (x2 or x3 or not x8) and x1 = 0; G3′: (x6 or x7 or not x4) and x5 = 0.</item>
/// </list>
/// </remarks>
public static class BoundaryThinning
{
    /// <summary>Thins <paramref name="mask"/> (non-zero = boundary, row by row) in place.</summary>
    public static void Thin(Span<byte> mask, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (mask.Length != (long)width * height)
        {
            throw new ArgumentException($"A {width}×{height} map has {(long)width * height} pixels, got {mask.Length}.", nameof(mask));
        }
        var candidates = new List<int>();
        for (int i = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0)
            {
                mask[i] = 1;
                candidates.Add(i);
            }
        }
        var remove = new List<int>();
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int pass = 0; pass < 2; pass++)
            {
                remove.Clear();
                foreach (int i in candidates)
                {
                    if (mask[i] != 0 && Removable(mask, width, height, i, pass == 0))
                    {
                        remove.Add(i);
                    }
                }
                foreach (int i in remove)
                {
                    mask[i] = 0;                                           // removed together: a parallel subiteration
                }
                changed |= remove.Count > 0;
            }
            int kept = 0;
            for (int c = 0; c < candidates.Count; c++)
            {
                if (mask[candidates[c]] != 0)
                {
                    candidates[kept++] = candidates[c];
                }
            }
            candidates.RemoveRange(kept, candidates.Count - kept);
        }
    }

    private static bool Removable(ReadOnlySpan<byte> mask, int width, int height, int i, bool first)
    {
        int y = i / width, x = i - (y * width);
        bool up = y > 0, down = y < height - 1, left = x > 0, right = x < width - 1;
        int x1 = right ? mask[i + 1] : 0;
        int x2 = right && up ? mask[i - width + 1] : 0;
        int x3 = up ? mask[i - width] : 0;
        int x4 = left && up ? mask[i - width - 1] : 0;
        int x5 = left ? mask[i - 1] : 0;
        int x6 = left && down ? mask[i + width - 1] : 0;
        int x7 = down ? mask[i + width] : 0;
        int x8 = right && down ? mask[i + width + 1] : 0;

        int crossings = (x1 == 0 && (x2 | x3) != 0 ? 1 : 0) + (x3 == 0 && (x4 | x5) != 0 ? 1 : 0)
                      + (x5 == 0 && (x6 | x7) != 0 ? 1 : 0) + (x7 == 0 && (x8 | x1) != 0 ? 1 : 0);
        if (crossings != 1)
        {
            return false;                                                   // G1
        }
        int n1 = (x1 | x2) + (x3 | x4) + (x5 | x6) + (x7 | x8);
        int n2 = (x2 | x3) + (x4 | x5) + (x6 | x7) + (x8 | x1);
        int n = Math.Min(n1, n2);
        if (n is < 2 or > 3)
        {
            return false;                                                   // G2
        }
        return first
            ? ((x2 | x3 | (1 - x8)) & x1) == 0                              // G3
            : ((x6 | x7 | (1 - x4)) & x5) == 0;                             // G3′
    }
}
