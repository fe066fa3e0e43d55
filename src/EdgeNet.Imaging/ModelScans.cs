using EdgeNet.Inference;
using EdgeNet.Models;

namespace EdgeNet.Imaging;

/// <summary>One image scanned by several models, each beside the same Sobel response: the picture half of a generalisation report.</summary>
public static class ModelScans
{
    /// <summary>
    /// Scans <paramref name="image"/> with each model at its own patch size; the results, in the models' order, do
    /// not depend on <paramref name="threads"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A model does not read an odd square patch.</exception>
    public static IReadOnlyList<(string Name, EdgeScanResult Result)> Run(IReadOnlyList<(string Name, Model Model)> models, GrayImage image, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(image);
        return [.. models.Select(m => (m.Name, EdgeScan.Run(m.Model.Network, m.Model.ClassNames, image, PatchOf(m.Name, m.Model), threads)))];
    }

    private static int PatchOf(string name, Model model) => model.PatchSize is int side && ScanPatch.HasCentre(side)
        ? side
        : throw new ArgumentException($"The model '{name}' does not read an odd square patch, so it cannot scan an image.");
}
