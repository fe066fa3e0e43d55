using EdgeNet.Data;
using EdgeNet.Models;
using EdgeNet.Training;

namespace EdgeNet.Cli.Commands;

/// <summary>Both models' accuracy on held-out varied patches (overall and by what the patch shows) and on tutorial patches.</summary>
internal sealed record CompareReport(
    IReadOnlyList<string> ModelNames,
    IReadOnlyList<Evaluation> Varied,
    IReadOnlyList<Evaluation> Tutorial,
    IReadOnlyList<(string Kind, int Count, int[] Correct)> ByKind,
    string VariedDescription,
    string TutorialDescription)
{
    /// <summary>
    /// Held-out varied patches: seed → the varied model's training patches → these (so exactly the varied model's own
    /// test set, never trained on). Tutorial patches: seed → the tutorial's 100 training patches → these.
    /// </summary>
    public static CompareReport Build(IReadOnlyList<(string Name, Model Model)> models, uint seed, GeneratedData varied, int trainSamples, int testSamples)
    {
        var random = new NumpyRandom(seed);
        varied.Generate(random, trainSamples);
        var drawings = new List<PatchDrawing>();
        Dataset heldOut = VariedPatches.Generate(random, testSamples, varied.Varied!, drawings);
        Dataset tutorialTest = DataOptions.GeneratedTestSet(new TrainingOptions { Seed = seed, TestSamples = testSamples });

        var kinds = drawings.Select(d => d.Describe()).ToArray();
        var predictions = models.Select(m => Predictions.Of(m.Model.Network, heldOut)).ToArray();
        const string positive = "vertical dark→bright step";
        var byKind = kinds.Distinct().OrderBy(kind => kind == positive ? 0 : 1).ThenBy(kind => kind, StringComparer.Ordinal).Select(kind =>
        {
            int[] members = [.. Enumerable.Range(0, kinds.Length).Where(i => kinds[i] == kind)];
            int[] correct = [.. predictions.Select(p => members.Count(i => p[i] == heldOut.Labels[i]))];
            return (kind, members.Length, correct);
        }).ToList();

        return new CompareReport(
            [.. models.Select(m => m.Name)],
            [.. models.Select(m => Evaluation.Of(m.Model.Network, heldOut))],
            [.. models.Select(m => Evaluation.Of(m.Model.Network, tutorialTest))],
            byKind,
            $"{testSamples} {varied} patches (seed {seed}, drawn after the {trainSamples} training patches)",
            $"{testSamples} tutorial patches (seed {seed}, after the tutorial's 100 training patches)");
    }
}
