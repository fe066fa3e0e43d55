namespace EdgeNet.Boundaries;

/// <summary>
/// The four counts of one image (or a sum over images) at one threshold, as the BSDS benchmark keeps them:
/// <see cref="MatchedTruth"/> of <see cref="Truth"/> true boundary pixels (summed over annotators) are matched,
/// <see cref="MatchedPredicted"/> of <see cref="Predicted"/> predicted pixels matched a true pixel of some annotator.
/// </summary>
public readonly record struct BoundaryCounts(long MatchedTruth, long Truth, long MatchedPredicted, long Predicted)
{
    /// <summary>Matched true pixels over true pixels; 0 when there are none.</summary>
    public double Recall => Truth == 0 ? 0 : (double)MatchedTruth / Truth;

    /// <summary>Matched predicted pixels over predicted pixels; 0 when nothing was predicted (as BSDS counts it).</summary>
    public double Precision => Predicted == 0 ? 0 : (double)MatchedPredicted / Predicted;

    /// <summary>The harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F => FScore(Precision, Recall);

    /// <summary>The counts of two parts added.</summary>
    public static BoundaryCounts operator +(BoundaryCounts a, BoundaryCounts b) =>
        new(a.MatchedTruth + b.MatchedTruth, a.Truth + b.Truth, a.MatchedPredicted + b.MatchedPredicted, a.Predicted + b.Predicted);

    /// <summary>The sum of two counts (for languages without operators).</summary>
    public static BoundaryCounts Add(BoundaryCounts a, BoundaryCounts b) => a + b;

    /// <summary>2PR / (P + R), 0 when P + R is 0.</summary>
    public static double FScore(double precision, double recall) =>
        precision + recall <= 0 ? 0 : 2 * precision * recall / (precision + recall);
}
