using EdgeNet.Data;
using EdgeNet.Models;

namespace EdgeNet.Training;

/// <summary>
/// Does a model generalise beyond the data it was trained on? Several models' accuracy on held-out varied patches
/// (overall and by what each patch shows) and on the tutorial's patches.
/// </summary>
/// <param name="ModelNames">The models, in the order of every list below.</param>
/// <param name="Varied">Each model on the held-out varied patches.</param>
/// <param name="Tutorial">Each model on held-out tutorial patches.</param>
/// <param name="ByKind">The held-out varied patches by kind: the positive kind first, then by name.</param>
/// <param name="VariedDescription">What the held-out varied patches are, for reports.</param>
/// <param name="TutorialDescription">What the held-out tutorial patches are, for reports.</param>
public sealed record GeneralisationReport(
    IReadOnlyList<string> ModelNames,
    IReadOnlyList<Evaluation> Varied,
    IReadOnlyList<Evaluation> Tutorial,
    IReadOnlyList<KindAccuracy> ByKind,
    string VariedDescription,
    string TutorialDescription)
{
    /// <summary>The kind that the edge task labels Edge: the tutorial's own question.</summary>
    public const string PositiveKind = "vertical dark→bright step";

    /// <summary>
    /// Held-out varied patches: seed → <paramref name="trainSamples"/> varied training patches → these
    /// <paramref name="testSamples"/> (exactly the test set of a varied model trained with the same seed and sizes,
    /// never trained on). Tutorial patches: seed → the tutorial's 100 training patches → these.
    /// </summary>
    public static GeneralisationReport Build(IReadOnlyList<(string Name, Model Model)> models, uint seed, GeneratedData varied, int trainSamples, int testSamples)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(varied);
        VariedOptions options = varied.Varied ?? throw new ArgumentException("The held-out data must come from the varied generator.", nameof(varied));
        var random = new NumpyRandom(seed);
        varied.Generate(random, trainSamples);                             // the varied model's training patches
        var drawings = new List<PatchDrawing>();
        Dataset heldOut = VariedPatches.Generate(random, testSamples, options, drawings);
        var tutorialRandom = new NumpyRandom(seed);
        GeneratedData.Tutorial.Generate(tutorialRandom, new TrainingOptions().TrainSamples);  // the tutorial's training patches
        Dataset tutorialTest = GeneratedData.Tutorial.Generate(tutorialRandom, testSamples);

        string[] kinds = [.. drawings.Select(d => d.Describe())];
        int[][] predictions = [.. models.Select(m => Predictions.Of(m.Model.Network, heldOut))];
        var byKind = kinds.Distinct().OrderBy(kind => kind == PositiveKind ? 0 : 1).ThenBy(kind => kind, StringComparer.Ordinal).Select(kind =>
        {
            int[] members = [.. Enumerable.Range(0, kinds.Length).Where(i => kinds[i] == kind)];
            int[] correct = [.. predictions.Select(p => members.Count(i => p[i] == heldOut.Labels[i]))];
            return new KindAccuracy(kind, members.Length, correct);
        }).ToList();

        return new GeneralisationReport(
            [.. models.Select(m => m.Name)],
            [.. models.Select(m => Evaluation.Of(m.Model.Network, heldOut))],
            [.. models.Select(m => Evaluation.Of(m.Model.Network, tutorialTest))],
            byKind,
            $"{testSamples} {varied} patches (seed {seed}, drawn after the {trainSamples} training patches)",
            $"{testSamples} tutorial patches (seed {seed}, after the tutorial's 100 training patches)");
    }
}
