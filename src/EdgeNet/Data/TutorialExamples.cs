namespace EdgeNet.Data;

/// <summary>Examples the tutorial uses by name.</summary>
public static class TutorialExamples
{
    /// <summary>The label of <see cref="ForwardTraceEdge"/>: 0, Edge.</summary>
    public const int ForwardTraceEdgeLabel = 0;

    /// <summary>The seed of Part 1's forward trace: <c>np.random.seed(123)</c>, then W1, W2 = randn · 0.3.</summary>
    public const uint ForwardTraceSeed = 123;

    /// <summary>
    /// Part 1's "perfect edge" traced through the network with seed 123: every row is
    /// [0.1, 0.1, 0.5, 0.9, 0.9] (dark left, bright right), label Edge (0). Returns a fresh 25-value copy.
    /// </summary>
    public static double[] ForwardTraceEdge()
    {
        double[] row = [0.1, 0.1, 0.5, 0.9, 0.9];
        var x = new double[TutorialPatches.Size * TutorialPatches.Size];
        for (int r = 0; r < TutorialPatches.Size; r++)
        {
            row.CopyTo(x, r * TutorialPatches.Size);                          // x = image.flatten()
        }
        return x;
    }
}
