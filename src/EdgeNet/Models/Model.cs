using EdgeNet.Data;

namespace EdgeNet.Models;

/// <summary>A trained network with its class names and the record of how it was trained.</summary>
public sealed record Model(Network<double> Network, IReadOnlyList<string> ClassNames, TrainingRecord? Training)
{
    /// <summary>
    /// Side of the square patch the network reads: from the varied generator's options when recorded, else the
    /// square root of the inputs; null when the inputs are not a square.
    /// </summary>
    public int? PatchSize => Training?.Varied?.PatchSize ?? SquareSide(Network.Inputs);

    /// <summary>The task whose class names the model has; null for other class names.</summary>
    public EdgeTask? Task => EdgeTasks.FromClassNames(ClassNames);

    /// <summary>The side of a square of <paramref name="pixels"/> pixels; null when there is none.</summary>
    public static int? SquareSide(int pixels)
    {
        int side = (int)Math.Round(Math.Sqrt(pixels));
        return side * side == pixels ? side : null;
    }
}
