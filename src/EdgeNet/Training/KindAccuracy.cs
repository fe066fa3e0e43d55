namespace EdgeNet.Training;

/// <summary>How each model did on the held-out patches of one kind (what the patch shows).</summary>
/// <param name="Kind">What the patches show, e.g. "vertical dark→bright step" (<see cref="Data.PatchDrawing.Describe"/>).</param>
/// <param name="Count">Held-out patches of this kind.</param>
/// <param name="Correct">Patches each model got right, in the order of the report's models.</param>
public sealed record KindAccuracy(string Kind, int Count, IReadOnlyList<int> Correct)
{
    /// <summary>Correct / Count for model <paramref name="model"/>, from 0 to 1.</summary>
    public double Accuracy(int model) => Count == 0 ? 0 : (double)Correct[model] / Count;
}
