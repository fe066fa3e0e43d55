namespace EdgeNet.Imaging;

/// <summary>Pearson's correlation coefficient of two equally long series.</summary>
public static class Correlation
{
    /// <summary>
    /// r = Σ(a − ā)(b − b̄) / √(Σ(a − ā)² · Σ(b − b̄)²), from −1 to 1; NaN when either series is constant
    /// (the correlation is then undefined).
    /// </summary>
    public static double Pearson(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"The series have different lengths ({a.Length} and {b.Length}).");
        }
        if (a.Length == 0)
        {
            return double.NaN;
        }
        double meanA = 0, meanB = 0;
        for (int i = 0; i < a.Length; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= a.Length;
        meanB /= b.Length;
        double covariance = 0, varianceA = 0, varianceB = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double da = a[i] - meanA, db = b[i] - meanB;
            covariance += da * db;
            varianceA += da * da;
            varianceB += db * db;
        }
        if (varianceA == 0 || varianceB == 0)
        {
            return double.NaN;
        }
        return Math.Clamp(covariance / Math.Sqrt(varianceA * varianceB), -1, 1);
    }
}
