using EdgeNet.Boundaries;

namespace EdgeNet.Tests.Boundaries;

/// <summary>The BSDS protocol on hand-made maps whose answers are known.</summary>
public sealed class BoundaryBenchmarkTests
{
    private const int Size = 100;                                   // 100×100: diagonal 141.42
    private const double Tolerance = 0.03;                           // reach 4.24 px

    [Fact]
    public void A_map_on_the_truth_scores_one()
    {
        byte[] truth = VerticalLine(50);
        BoundaryScores scores = Evaluate(VerticalLine(50), truth);
        Assert.Equal(1, scores.Ods, 12);
        Assert.Equal(1, scores.Ois, 12);
    }

    [Theory]
    [InlineData(4, 1.0)]                                             // within the reach of 4.24 px
    [InlineData(5, 0.0)]                                             // beyond it
    public void A_shifted_line_matches_only_within_the_tolerance(int shift, double expected)
    {
        BoundaryCounts counts = CountsAt(VerticalLine(50 + shift), [VerticalLine(50)], 0.5);
        Assert.Equal(Size, counts.Truth);
        Assert.Equal(Size, counts.Predicted);
        Assert.Equal(expected, counts.Recall, 12);
        Assert.Equal(expected, counts.Precision, 12);
    }

    [Fact]
    public void Two_predicted_pixels_cannot_both_match_one_true_pixel()
    {
        byte[] map = VerticalLine(48);
        Or(map, VerticalLine(52));                                   // two lines, both within reach of the one true line
        BoundaryCounts counts = CountsAt(map, [VerticalLine(50)], 0.5);
        Assert.Equal(2 * Size, counts.Predicted);
        Assert.Equal(Size, counts.MatchedPredicted);
        Assert.Equal(1.0, counts.Recall, 12);
        Assert.Equal(0.5, counts.Precision, 12);
    }

    [Fact]
    public void An_empty_map_scores_zero_and_an_empty_truth_recalls_nothing()
    {
        BoundaryScores empty = Evaluate(new byte[Size * Size], VerticalLine(50));
        Assert.Equal(0, empty.Ods);
        Assert.All(empty.Totals, c => Assert.Equal((0L, (long)Size, 0L, 0L), (c.MatchedTruth, c.Truth, c.MatchedPredicted, c.Predicted)));

        BoundaryCounts noTruth = CountsAt(VerticalLine(50), [new byte[Size * Size]], 0.5);
        Assert.Equal((0L, 0L, 0L, (long)Size), (noTruth.MatchedTruth, noTruth.Truth, noTruth.MatchedPredicted, noTruth.Predicted));
        Assert.Equal(0, noTruth.F);
    }

    [Fact]
    public void Recall_counts_every_annotator_and_precision_a_match_to_any()
    {
        byte[] map = VerticalLine(20);
        Or(map, VerticalLine(80));
        // Annotator 1 drew both lines, annotator 2 only the one at 20.
        byte[] both = VerticalLine(20);
        Or(both, VerticalLine(80));
        BoundaryCounts counts = CountsAt(map, [both, VerticalLine(20)], 0.5);
        Assert.Equal(3 * Size, counts.Truth);
        Assert.Equal(3 * Size, counts.MatchedTruth);
        Assert.Equal(2 * Size, counts.MatchedPredicted);

        // Only the line at 80 predicted: annotator 2's line is missed, and every predicted pixel matched annotator 1.
        BoundaryCounts half = CountsAt(VerticalLine(80), [both, VerticalLine(20)], 0.5);
        Assert.Equal(Size, half.MatchedTruth);
        Assert.Equal(1.0 / 3, half.Recall, 12);
        Assert.Equal(1.0, half.Precision, 12);
    }

    [Fact]
    public void A_thick_map_is_thinned_before_matching()
    {
        byte[] thick = VerticalLine(49);
        Or(thick, VerticalLine(50));
        Or(thick, VerticalLine(51));
        BoundaryCounts counts = CountsAt(thick, [VerticalLine(50)], 0.5);
        Assert.InRange(counts.Predicted, Size - 4, Size);          // one pixel a row, ends may shorten
        Assert.Equal(counts.Predicted, counts.MatchedPredicted);
    }

    [Fact]
    public void A_binary_map_has_one_point_and_no_average_precision()
    {
        BoundaryScores scores = Evaluate(VerticalLine(50), VerticalLine(50));
        Assert.Null(scores.Ap);
        Assert.Single(scores.Curve.Select(c => (c.Recall, c.Precision)).Distinct());
    }

    [Fact]
    public void Average_precision_spans_the_recalls_the_curve_reaches()
    {
        // Half the true line at 255, the other half at 128 (0.502): recall 1 up to t = 0.50, then 0.5; precision 1.
        byte[] map = new byte[Size * Size];
        for (int y = 0; y < Size; y++)
        {
            map[(y * Size) + 50] = y < Size / 2 ? (byte)255 : (byte)128;
        }
        BoundaryScores scores = Evaluate(map, VerticalLine(50));
        Assert.Equal(0.51, scores.Ap!.Value, 12);                    // precision 1 at recalls 0.50, 0.51, …, 1.00
        Assert.Equal(1, scores.Ods, 12);
        Assert.Equal(0.50, scores.Curve.Last(c => c.Recall == 1).Threshold, 12);
    }

    [Fact]
    public void The_matching_is_maximum_not_greedy()
    {
        // t1 at x = 10, t2 at x = 13; p1 at x = 11 (nearest t1), p2 at x = 8 (reaches t1 only). Greedy gives 1 pair, the maximum 2.
        var matching = new BoundaryMatching(20, 1, 3);
        var predictedMatched = new bool[2];
        var truthMatched = new bool[2];
        int pairs = matching.Match([11, 8], [10, 13], predictedMatched, truthMatched);
        Assert.Equal(2, pairs);
        Assert.All(predictedMatched, Assert.True);
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(3u)]
    public void Hopcroft_Karp_finds_as_many_pairs_as_plain_augmenting_paths(uint seed)
    {
        var random = new NumpyRandom(seed);
        const int width = 40, height = 30;
        int[] predicted = [.. Enumerable.Range(0, width * height).Where(_ => random.Rand() < 0.15)];
        int[] truth = [.. Enumerable.Range(0, width * height).Where(_ => random.Rand() < 0.15)];
        const double radius = 2.5;
        var predictedMatched = new bool[predicted.Length];
        var truthMatched = new bool[truth.Length];
        int pairs = new BoundaryMatching(width, height, radius).Match(predicted, truth, predictedMatched, truthMatched);
        Assert.Equal(KuhnMaximum(predicted, truth, width, radius), pairs);
        Assert.Equal(pairs, predictedMatched.Count(m => m));
        Assert.Equal(pairs, truthMatched.Count(m => m));
    }

    [Fact]
    public void A_soft_map_and_the_same_map_thinned_at_its_best_threshold_score_the_same()
    {
        // A soft map: blurred ridges along two true curves, some weak and some strong, plus clutter.
        const int width = 160, height = 120;
        var random = new NumpyRandom(7);
        byte[] truth = new byte[width * height];
        double[] soft = new double[width * height];
        for (int x = 0; x < width; x++)
        {
            int y1 = 40 + (int)Math.Round(10 * Math.Sin(x / 15.0));
            truth[(y1 * width) + x] = 255;
            truth[(90 * width) + x] = 255;
            for (int y = 0; y < height; y++)
            {
                double strength1 = 0.4 + (0.5 * x / width);
                double ridge = Math.Max(strength1 * Math.Exp(-Math.Pow(y - y1, 2) / 3), 0.6 * Math.Exp(-Math.Pow(y - 91, 2) / 2));
                soft[(y * width) + x] = Math.Max(ridge, 0.5 * random.Rand() * random.Rand());
            }
        }
        byte[] map = [.. soft.Select(v => (byte)Math.Round(255 * Math.Clamp(v, 0, 1)))];
        var image = new BoundaryImage("soft", width, height, map, [truth]);
        BoundaryScores softScores = BoundaryBenchmark.Evaluate([image]);
        Assert.InRange(softScores.Ods, 0.3, 0.99);                   // a map with something to gain from the right threshold

        int cut = BoundaryBenchmark.Cut(softScores.Curve.MaxBy(c => c.F).Threshold);
        byte[] thin = [.. map.Select(v => v >= cut ? (byte)255 : (byte)0)];
        BoundaryThinning.Thin(thin, width, height);
        byte[] thinMap = [.. thin.Select(v => v != 0 ? (byte)255 : (byte)0)];
        BoundaryScores thinScores = BoundaryBenchmark.Evaluate([new BoundaryImage("thin", width, height, thinMap, [truth])]);
        Assert.Equal(softScores.Ods, thinScores.Ods, 0.005);
    }

    [Fact]
    public void Thinning_leaves_one_pixel_lines_and_is_idempotent()
    {
        const int width = 40, height = 40;
        byte[] mask = new byte[width * height];
        for (int y = 5; y < 35; y++)
        {
            for (int x = 10; x < 15; x++)
            {
                mask[(y * width) + x] = 1;                            // a 5-px-wide bar
            }
        }
        BoundaryThinning.Thin(mask, width, height);
        for (int y = 8; y < 32; y++)
        {
            Assert.Equal(1, Enumerable.Range(0, width).Count(x => mask[(y * width) + x] != 0));
        }
        byte[] again = (byte[])mask.Clone();
        BoundaryThinning.Thin(again, width, height);
        Assert.Equal(mask, again);
    }

    private static BoundaryScores Evaluate(byte[] map, byte[] truth) =>
        BoundaryBenchmark.Score([BoundaryBenchmark.Count(new BoundaryImage("x", Size, Size, map, [truth]), BoundaryBenchmark.Thresholds(99), Tolerance)],
            BoundaryBenchmark.Thresholds(99));

    private static BoundaryCounts CountsAt(byte[] map, byte[][] truths, double threshold) =>
        BoundaryBenchmark.Count(new BoundaryImage("x", Size, Size, map, truths), [threshold], Tolerance)[0];

    private static byte[] VerticalLine(int x)
    {
        byte[] map = new byte[Size * Size];
        for (int y = 0; y < Size; y++)
        {
            map[(y * Size) + x] = 255;
        }
        return map;
    }

    private static void Or(byte[] into, byte[] other)
    {
        for (int i = 0; i < into.Length; i++)
        {
            into[i] |= other[i];
        }
    }

    /// <summary>The plain augmenting-path maximum matching (Kuhn), as the oracle.</summary>
    private static int KuhnMaximum(int[] predicted, int[] truth, int width, double radius)
    {
        var owner = new int[truth.Length];
        Array.Fill(owner, -1);
        bool Near(int p, int t)
        {
            int dx = (predicted[p] % width) - (truth[t] % width), dy = (predicted[p] / width) - (truth[t] / width);
            return (dx * dx) + (dy * dy) <= radius * radius;
        }
        bool Try(int p, bool[] seen)
        {
            for (int t = 0; t < truth.Length; t++)
            {
                if (!seen[t] && Near(p, t))
                {
                    seen[t] = true;
                    if (owner[t] < 0 || Try(owner[t], seen))
                    {
                        owner[t] = p;
                        return true;
                    }
                }
            }
            return false;
        }
        int pairs = 0;
        for (int p = 0; p < predicted.Length; p++)
        {
            pairs += Try(p, new bool[truth.Length]) ? 1 : 0;
        }
        return pairs;
    }
}
