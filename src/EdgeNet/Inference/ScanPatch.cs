namespace EdgeNet.Inference;

/// <summary>
/// What a patch must be for scanning: odd, so that each window has a centre pixel, and square, its side² pixels the
/// network's inputs. The one definition the scanner, the photo scanner and the <c>scan</c> command check against.
/// </summary>
public static class ScanPatch
{
    /// <summary>Whether a window of this side has a centre pixel (the side is odd and positive).</summary>
    public static bool HasCentre(int side) => side > 0 && side % 2 == 1;

    /// <summary>Whether a network of <paramref name="inputs"/> pixels can scan with windows of this side.</summary>
    public static bool Fits(int side, int inputs) => HasCentre(side) && (long)side * side == inputs;

    /// <summary>Throws <see cref="ArgumentException"/> when <see cref="Fits"/> does not hold.</summary>
    /// <exception cref="ArgumentException">The side is even, not positive, or its square is not the input count.</exception>
    public static void Check(int side, int inputs, string parameterName)
    {
        if (!Fits(side, inputs))
        {
            throw new ArgumentException($"The network takes {inputs} pixels: the patch size must be odd and its square must equal that (got {side}).", parameterName);
        }
    }
}
