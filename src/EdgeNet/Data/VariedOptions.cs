namespace EdgeNet.Data;

/// <summary>
/// How <see cref="VariedPatches"/> draws: the task, the patch size, Gaussian noise, the smallest contrast that
/// still counts as an edge, and how soft an edge may be.
/// </summary>
public sealed record VariedOptions
{
    /// <summary>Largest patch side accepted.</summary>
    public const int MaxPatchSize = 31;

    /// <summary>The question the labels answer.</summary>
    public EdgeTask Task { get; init; } = EdgeTask.Edge;

    /// <summary>Side of the square patch: odd, from 3 to <see cref="MaxPatchSize"/>. 5 is the tutorial's.</summary>
    public int PatchSize { get; init; } = 5;

    /// <summary>σ of the Gaussian noise added to every pixel (then clipped to [0, 1]).</summary>
    public double Noise { get; init; } = 0.05;

    /// <summary>An edge's bright side is at least this much brighter than its dark side (0 to 0.9).</summary>
    public double MinContrast { get; init; } = 0.2;

    /// <summary>Widest transition of a soft edge, in pixels (0 draws only hard steps).</summary>
    public double MaxSoftness { get; init; } = 1.5;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that is out of range.</summary>
    public void Validate()
    {
        if (PatchSize < 3 || PatchSize > MaxPatchSize || !Inference.ScanPatch.HasCentre(PatchSize))
        {
            throw new ArgumentException($"The patch size must be odd, from 3 to {MaxPatchSize} (got {PatchSize}).");
        }
        if (!double.IsFinite(Noise) || Noise < 0 || Noise > 0.5)
        {
            throw new ArgumentException($"The noise σ must be from 0 to 0.5 (got {Noise}).");
        }
        if (!double.IsFinite(MinContrast) || MinContrast <= 0 || MinContrast > 0.9)
        {
            throw new ArgumentException($"The minimum contrast must be above 0 and at most 0.9 (got {MinContrast}).");
        }
        if (!double.IsFinite(MaxSoftness) || MaxSoftness < 0 || MaxSoftness > PatchSize)
        {
            throw new ArgumentException($"The softness must be from 0 to the patch size {PatchSize} (got {MaxSoftness}).");
        }
        if (!Enum.IsDefined(Task))
        {
            throw new ArgumentException($"Unknown task {Task}.");
        }
    }
}
