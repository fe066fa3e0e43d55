using EdgeNet.Data;

namespace EdgeNet.Plots.Lessons;

/// <summary>A patch the tutorial shows, with its caption and label.</summary>
/// <param name="Title">Caption over the patch.</param>
/// <param name="Pixels">Values row by row, 0 black to 1 white.</param>
/// <param name="Label">The class name it belongs to.</param>
/// <param name="IsEdge">True for the "Edge" class.</param>
public sealed record ShownPatch(string Title, double[] Pixels, string Label, bool IsEdge);

/// <summary>
/// The inputs the tutorial draws by hand (patches and weight templates). These are the questions, typed as the
/// tutorial types them; every answer shown about them is computed by the engine.
/// </summary>
public static class TutorialInputs
{
    /// <summary>Part 1's four example patches.</summary>
    public static IReadOnlyList<ShownPatch> FourExamples { get; } =
    [
        new("Edge\n(dark to bright)", Rows(0.1, 0.1, 0.9, 0.9, 0.9), "Edge", true),
        new("Edge\n(shifted)", Rows(0.1, 0.1, 0.1, 0.9, 0.9), "Edge", true),
        new("No Edge\n(uniform gray)", Rows(0.5, 0.5, 0.5, 0.5, 0.5), "No Edge", false),
        new("No Edge\n(bright to dark)", Rows(0.9, 0.9, 0.1, 0.1, 0.1), "No Edge", false),
    ];

    /// <summary>The "perfect edge" of Parts 1 and 2: 0.1, 0.1, 0.5, 0.9, 0.9 in every row.</summary>
    public static double[] PerfectEdge { get; } = Rows(0.1, 0.1, 0.5, 0.9, 0.9);

    /// <summary>Part 2's template, one row: want dark on the left, bright on the right.</summary>
    public static double[] TemplateRow { get; } = [-1, -1, 0, 1, 1];

    /// <summary>Part 2's template over the whole patch: the row repeated 5 times.</summary>
    public static double[] Template { get; } = Rows(TemplateRow);

    /// <summary>Part 2's four example neurons and their weighted sums z.</summary>
    public static IReadOnlyList<(string Name, double Z)> FourNeurons { get; } =
        [("Neuron A", 3.5), ("Neuron B", -2.0), ("Neuron C", 1.2), ("Neuron D", -0.5)];

    /// <summary>Part 2's five test rows for the same neuron, with the tutorial's reason for each.</summary>
    public static IReadOnlyList<(string Name, double[] Row, string Reason)> FiveInputs { get; } =
    [
        ("Perfect Edge", [0.1, 0.1, 0.5, 0.9, 0.9], "Exactly what weights want"),
        ("Shifted Right", [0.1, 0.1, 0.1, 0.5, 0.9], "Edge not aligned"),
        ("Uniform Gray", [0.5, 0.5, 0.5, 0.5, 0.5], "Weights cancel out"),
        ("Shifted Left", [0.1, 0.5, 0.9, 0.9, 0.9], "Edge not aligned"),
        ("Inverted Edge", [0.9, 0.9, 0.5, 0.1, 0.1], "Opposite of wanted"),
    ];

    /// <summary>Part 3's scores (logits) for an edge image: [Edge, No Edge].</summary>
    public static double[] SoftmaxScores { get; } = [2.5, 0.5];

    /// <summary>Part 4's probabilities of the correct class, from confident and right to confident and wrong.</summary>
    public static double[] LossProbabilities { get; } = [0.99, 0.50, 0.10, 0.01];

    /// <summary>Part 4's summation-trick example: p = [0.88, 0.12], true class Edge.</summary>
    public static double[] SummationProbabilities { get; } = [0.88, 0.12];

    /// <summary>A patch whose every row is <paramref name="row"/>.</summary>
    public static double[] Rows(params double[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var patch = new double[row.Length * TutorialPatches.Size];
        for (int r = 0; r < TutorialPatches.Size; r++)
        {
            row.CopyTo(patch, r * row.Length);
        }
        return patch;
    }
}
