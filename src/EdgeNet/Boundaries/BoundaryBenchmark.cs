namespace EdgeNet.Boundaries;

/// <summary>
/// Scores soft boundary maps against true boundaries in the BSDS500 protocol (Arbeláez, Maire, Fowlkes, Malik 2011;
/// Martin, Fowlkes, Malik 2004), implemented here from the papers: at each threshold t the map is binarised
/// (value / 255 ≥ t), thinned to one pixel (<see cref="BoundaryThinning"/>) and matched one to one to each
/// annotator's boundary within <c>tolerance × the image's diagonal</c> (<see cref="BoundaryMatching"/>). Recall counts
/// every annotator's pixels; precision counts a predicted pixel matched to any annotator.
/// </summary>
public static class BoundaryBenchmark
{
    /// <summary>The protocol's number of thresholds.</summary>
    public const int DefaultThresholds = 99;

    /// <summary>The protocol's match distance, as a fraction of the image's diagonal.</summary>
    public const double DefaultTolerance = 0.0075;

    /// <summary>The most thresholds allowed.</summary>
    public const int MaxThresholds = 1000;

    /// <summary>The largest tolerance allowed (a tenth of the diagonal).</summary>
    public const double MaxTolerance = 0.1;

    /// <summary><paramref name="count"/> thresholds evenly inside (0, 1): k / (count + 1), k = 1 … count.</summary>
    public static double[] Thresholds(int count)
    {
        if (count is < 1 or > MaxThresholds)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The number of thresholds must be from 1 to {MaxThresholds}.");
        }
        return [.. Enumerable.Range(1, count).Select(k => (double)k / (count + 1))];
    }

    /// <summary>Scores <paramref name="images"/> at <paramref name="thresholds"/> thresholds, images spread over <paramref name="threads"/> threads.</summary>
    public static BoundaryScores Evaluate(IReadOnlyList<BoundaryImage> images, int thresholds = DefaultThresholds, double tolerance = DefaultTolerance, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        double[] levels = Thresholds(thresholds);
        var counts = new BoundaryCounts[images.Count][];
        Parallel.For(0, images.Count, new ParallelOptions { MaxDegreeOfParallelism = threads },
            i => counts[i] = Count(images[i], levels, tolerance));
        return Score(counts, levels);
    }

    /// <summary>One image's counts at each of <paramref name="thresholds"/> (ascending, in (0, 1]).</summary>
    public static BoundaryCounts[] Count(BoundaryImage image, IReadOnlyList<double> thresholds, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (!double.IsFinite(tolerance) || tolerance <= 0 || tolerance > MaxTolerance)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, $"The tolerance must be above 0 and at most {MaxTolerance}.");
        }
        int width = image.Width, height = image.Height;
        double radius = tolerance * Math.Sqrt(((double)width * width) + ((double)height * height));
        var matcher = new BoundaryMatching(width, height, radius);
        int[][] truths = [.. image.Truths.Select(Pixels)];
        bool[][] truthMatched = [.. truths.Select(t => new bool[t.Length])];
        long truthTotal = truths.Sum(t => (long)t.Length);
        var histogram = new int[256];
        foreach (byte v in image.Map)
        {
            histogram[v]++;
        }
        var mask = new byte[image.Map.Length];
        var result = new BoundaryCounts[thresholds.Count];
        int previousCut = -1;
        for (int k = 0; k < thresholds.Count; k++)
        {
            int cut = Cut(thresholds[k]);
            if (previousCut >= 0 && cut >= previousCut && Enumerable.Range(previousCut, cut - previousCut).All(v => histogram[v] == 0))
            {
                result[k] = result[k - 1];                                 // no pixel between the two cuts: the same mask
                continue;
            }
            previousCut = cut;
            for (int i = 0; i < mask.Length; i++)
            {
                mask[i] = image.Map[i] >= cut ? (byte)1 : (byte)0;
            }
            BoundaryThinning.Thin(mask, width, height);
            int[] predicted = Pixels(mask);
            var anyMatched = new bool[predicted.Length];
            var matched = new bool[predicted.Length];
            long matchedTruth = 0;
            for (int a = 0; a < truths.Length; a++)
            {
                matchedTruth += matcher.Match(predicted, truths[a], matched, truthMatched[a]);
                for (int p = 0; p < predicted.Length; p++)
                {
                    anyMatched[p] |= matched[p];
                }
            }
            result[k] = new BoundaryCounts(matchedTruth, truthTotal, anyMatched.Count(m => m), predicted.Length);
        }
        return result;
    }

    /// <summary>The scores of per-image counts (each at the same <paramref name="thresholds"/>).</summary>
    public static BoundaryScores Score(IReadOnlyList<BoundaryCounts[]> perImage, IReadOnlyList<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(perImage);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (perImage.Count == 0)
        {
            throw new ArgumentException("There is no image to score.", nameof(perImage));
        }
        int levels = thresholds.Count;
        if (perImage.Any(c => c.Length != levels))
        {
            throw new ArgumentException("Every image needs counts at every threshold.", nameof(perImage));
        }
        var totals = new BoundaryCounts[levels];
        foreach (BoundaryCounts[] image in perImage)
        {
            for (int k = 0; k < levels; k++)
            {
                totals[k] += image[k];
            }
        }
        BoundaryCurvePoint[] curve = [.. totals.Select((c, k) => new BoundaryCurvePoint(thresholds[k], c.Recall, c.Precision, c.F))];
        (double ods, double odsT, double odsP, double odsR) = BestInterpolated(curve);
        BoundaryCounts best = default;
        foreach (BoundaryCounts[] image in perImage)
        {
            int bestK = 0;
            for (int k = 1; k < levels; k++)
            {
                if (image[k].F > image[bestK].F)
                {
                    bestK = k;
                }
            }
            best += image[bestK];
        }
        return new BoundaryScores(ods, odsT, odsP, odsR, best.F, AveragePrecision(curve), curve, totals, perImage.Count);
    }

    /// <summary>The smallest byte v with v / 255 ≥ <paramref name="threshold"/> (256 when none).</summary>
    public static int Cut(double threshold)
    {
        int v = 0;
        while (v <= 255 && v / 255.0 < threshold)
        {
            v++;
        }
        return v;
    }

    /// <summary>
    /// The best F along the curve with each pair of neighbouring thresholds joined by a straight line in (P, R, t),
    /// sampled at 100 points — the benchmark's own way to find the optimal dataset scale.
    /// </summary>
    private static (double F, double Threshold, double Precision, double Recall) BestInterpolated(IReadOnlyList<BoundaryCurvePoint> curve)
    {
        BoundaryCurvePoint first = curve[0];
        (double F, double T, double P, double R) best = (first.F, first.Threshold, first.Precision, first.Recall);
        for (int k = 1; k < curve.Count; k++)
        {
            BoundaryCurvePoint a = curve[k - 1], b = curve[k];
            for (int j = 0; j < 100; j++)
            {
                double s = j / 99.0;
                double r = (b.Recall * s) + (a.Recall * (1 - s));
                double p = (b.Precision * s) + (a.Precision * (1 - s));
                double f = BoundaryCounts.FScore(p, r);
                if (f > best.F)
                {
                    best = (f, (b.Threshold * s) + (a.Threshold * (1 - s)), p, r);
                }
            }
        }
        return best;
    }

    /// <summary>
    /// Precision at recall 0, 0.01, …, 1, linearly interpolated between the curve's points, summed over the recalls the
    /// curve spans and divided by 100; null when the curve has fewer than two distinct recalls (a binary map).
    /// </summary>
    private static double? AveragePrecision(IReadOnlyList<BoundaryCurvePoint> curve)
    {
        (double R, double P)[] points = [.. curve.GroupBy(c => c.Recall).Select(g => (g.Key, g.Max(c => c.Precision))).OrderBy(p => p.Key)];
        if (points.Length < 2)
        {
            return null;
        }
        double sum = 0;
        for (int i = 0; i <= 100; i++)
        {
            double r = i / 100.0;
            if (r < points[0].R || r > points[^1].R)
            {
                continue;
            }
            int j = 1;
            while (j < points.Length - 1 && points[j].R < r)
            {
                j++;
            }
            (double r0, double p0) = points[j - 1];
            (double r1, double p1) = points[j];
            sum += p0 + ((p1 - p0) * (r - r0) / (r1 - r0));
        }
        return sum / 100;
    }

    private static int[] Pixels(byte[] mask)
    {
        int count = 0;
        foreach (byte v in mask)
        {
            count += v != 0 ? 1 : 0;
        }
        var pixels = new int[count];
        int n = 0;
        for (int i = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0)
            {
                pixels[n++] = i;
            }
        }
        return pixels;
    }
}
