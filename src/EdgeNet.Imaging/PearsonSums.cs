namespace EdgeNet.Imaging;

/// <summary>
/// Pearson's r of two series that arrive in pieces: each piece's means and co-moments, merged with Chan's
/// pairwise formula, so no full-size copy of either series is kept. Pieces merged in the same order give the same bits.
/// </summary>
internal struct PearsonSums
{
    private long _count;
    private double _meanA, _meanB, _squaresA, _squaresB, _products;

    /// <summary>r = C_ab / √(C_aa·C_bb); NaN when a series is constant or empty.</summary>
    public readonly double R => _count == 0 || _squaresA == 0 || _squaresB == 0
        ? double.NaN
        : Math.Clamp(_products / Math.Sqrt(_squaresA * _squaresB), -1, 1);

    /// <summary>Adds one piece of both series.</summary>
    public void Add(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"The pieces have different lengths ({a.Length} and {b.Length}).");
        }
        if (a.Length == 0)
        {
            return;
        }
        double meanA = 0, meanB = 0;
        for (int i = 0; i < a.Length; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= a.Length;
        meanB /= b.Length;
        double squaresA = 0, squaresB = 0, products = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double da = a[i] - meanA, db = b[i] - meanB;
            squaresA += da * da;
            squaresB += db * db;
            products += da * db;
        }
        long n = _count + a.Length;
        double deltaA = meanA - _meanA, deltaB = meanB - _meanB, weight = (double)_count * a.Length / n;
        _squaresA += squaresA + (deltaA * deltaA * weight);                  // Chan et al.: M2 = M2₁ + M2₂ + δ²·n₁n₂/n
        _squaresB += squaresB + (deltaB * deltaB * weight);
        _products += products + (deltaA * deltaB * weight);
        _meanA += deltaA * a.Length / n;
        _meanB += deltaB * a.Length / n;
        _count = n;
    }
}
