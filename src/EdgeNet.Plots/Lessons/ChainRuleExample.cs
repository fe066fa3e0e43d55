namespace EdgeNet.Plots.Lessons;

/// <summary>Part 6's example, z = w·x and L = z², with its finite-difference check.</summary>
/// <param name="W">The weight.</param>
/// <param name="X">The input.</param>
/// <param name="Z">z = w·x.</param>
/// <param name="Loss">L = z².</param>
/// <param name="DLossDz">dL/dz = 2z.</param>
/// <param name="DzDw">dz/dw = x.</param>
/// <param name="DLossDw">dL/dw = dL/dz · dz/dw.</param>
/// <param name="Nudge">How far w moves in the check.</param>
/// <param name="NudgedZ">z at w + nudge.</param>
/// <param name="NudgedLoss">L at w + nudge.</param>
/// <param name="Change">How much L moved.</param>
/// <param name="Predicted">dL/dw · nudge: the chain rule's prediction of that change.</param>
public sealed record ChainRule(
    double W, double X, double Z, double Loss, double DLossDz, double DzDw, double DLossDw,
    double Nudge, double NudgedZ, double NudgedLoss, double Change, double Predicted)
{
    /// <summary>Computes the example for any w, x and nudge (the tutorial's: 3, 2, 0.01).</summary>
    public static ChainRule Compute(double w = 3, double x = 2, double nudge = 0.01)
    {
        double z = w * x;                                              // z = w·x
        double loss = z * z;                                           // L = z²
        double dLossDz = 2 * z;                                        // dL/dz = 2z
        double dzDw = x;                                               // dz/dw = x
        double dLossDw = dLossDz * dzDw;                               // chain rule: multiply along the path
        double nudgedZ = (w + nudge) * x;
        double nudgedLoss = nudgedZ * nudgedZ;
        return new ChainRule(w, x, z, loss, dLossDz, dzDw, dLossDw, nudge, nudgedZ, nudgedLoss, nudgedLoss - loss, dLossDw * nudge);
    }
}
