namespace EdgeNet.Data;

/// <summary>
/// The tutorial's <c>make_data</c>: 5×5 patches, half edges (dark 0.1 → bright 0.9 from column 1, 2 or 3),
/// half not (uniform gray 0.3–0.7, or the inverted edge), drawn in the tutorial's order.
/// </summary>
public static class TutorialPatches
{
    /// <summary>Side of the tutorial's square patch.</summary>
    public const int Size = 5;

    /// <summary>Draws <paramref name="count"/> samples exactly as the tutorial's <c>make_data(count)</c>.</summary>
    public static Dataset Generate(NumpyRandom random, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        const int pixels = Size * Size;
        var features = new double[count * pixels];
        var labels = new int[count];
        for (int n = 0; n < count; n++)
        {
            Span<double> patch = features.AsSpan(n * pixels, pixels);
            if (random.Rand() > 0.5)
            {
                int edge = (int)random.RandInt(1, 4);               // edge_pos = randint(1, 4)
                FillColumns(patch, column => column < edge ? 0.1 : 0.9);
                labels[n] = 0;                                      // Edge
            }
            else
            {
                if (random.Rand() > 0.5)
                {
                    double gray = random.Uniform(0.3, 0.7);         // uniform gray
                    patch.Fill(gray);
                }
                else
                {
                    FillColumns(patch, column => column < 2 ? 0.9 : 0.1); // bright-to-dark
                }
                labels[n] = 1;                                      // No Edge
            }
        }
        return new Dataset(features, labels, pixels, Dataset.EdgeClasses);
    }

    private static void FillColumns(Span<double> patch, Func<int, double> valueOfColumn)
    {
        for (int row = 0; row < Size; row++)
        {
            for (int column = 0; column < Size; column++)
            {
                patch[row * Size + column] = valueOfColumn(column);
            }
        }
    }
}
