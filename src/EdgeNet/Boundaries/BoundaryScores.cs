namespace EdgeNet.Boundaries;

/// <summary>One threshold's point of a precision–recall curve, over all images.</summary>
public readonly record struct BoundaryCurvePoint(double Threshold, double Recall, double Precision, double F);

/// <summary>
/// A detector's scores on a benchmark in the BSDS protocol: ODS (the best F with one threshold for the whole set,
/// interpolated between neighbouring thresholds), OIS (each image at its own best threshold, counts summed), AP
/// (precision averaged at recall 0, 0.01, …, 1 over the recalls the curve reaches) and the curve itself.
/// </summary>
public sealed record BoundaryScores(
    double Ods,
    double OdsThreshold,
    double OdsPrecision,
    double OdsRecall,
    double Ois,
    double? Ap,
    IReadOnlyList<BoundaryCurvePoint> Curve,
    IReadOnlyList<BoundaryCounts> Totals,
    int Images);
