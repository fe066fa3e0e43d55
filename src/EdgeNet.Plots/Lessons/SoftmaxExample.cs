namespace EdgeNet.Plots.Lessons;

/// <summary>Softmax in the tutorial's three steps: scores, e^z, e^z / Σ e^z.</summary>
/// <param name="Scores">The logits z.</param>
/// <param name="Exponentials">e^z of each.</param>
/// <param name="Sum">Σ e^z.</param>
/// <param name="Probabilities">p from the engine's stable softmax.</param>
public sealed record SoftmaxSteps(double[] Scores, double[] Exponentials, double Sum, double[] Probabilities);

/// <summary>Part 3 and Part 4 computed: the engine's softmax, and cross-entropy as the tutorial writes it.</summary>
public static class SoftmaxExample
{
    /// <summary>The three steps for <paramref name="scores"/>; p comes from <see cref="SoftmaxCrossEntropy.Softmax{T}"/>.</summary>
    public static SoftmaxSteps Steps(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        double[] z = [.. scores];
        double[] exponentials = [.. z.Select(Math.Exp)];               // step 2: e^z (the tutorial's, without the max)
        var p = new double[z.Length];
        SoftmaxCrossEntropy.Softmax<double>(z, p, out _);                // step 3: the engine's stable softmax
        return new SoftmaxSteps(z, exponentials, exponentials.Sum(), p);
    }

    /// <summary>L = −Σ y_i·log(p_i) with y one-hot at <paramref name="correct"/> (Part 4).</summary>
    public static double CrossEntropy(IReadOnlyList<double> p, int correct)
    {
        ArgumentNullException.ThrowIfNull(p);
        double loss = 0;
        for (int i = 0; i < p.Count; i++)
        {
            double y = i == correct ? 1 : 0;                            // one-hot y
            if (y != 0)
            {
                loss -= y * Math.Log(p[i]);                             // only the correct class survives
            }
        }
        return loss;
    }

    /// <summary>
    /// The engine's loss for a correct-class probability: softmax-cross-entropy of the logits [log p, log(1 − p)],
    /// whose softmax is [p, 1 − p]; equals −log p.
    /// </summary>
    public static double EngineLoss(double pCorrect)
    {
        double[] z = [Math.Log(pCorrect), Math.Log(1 - pCorrect)];
        var p = new double[2];
        return SoftmaxCrossEntropy.Forward<double>(z, p, [0], 2, out _);
    }
}
