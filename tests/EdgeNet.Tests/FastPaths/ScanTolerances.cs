using System.Numerics;
using EdgeNet.Layers;

namespace EdgeNet.Tests.FastPaths;

/// <summary>
/// What the scanner's fast path promises against the reference rows, by hidden activation (docs/numerics.md, "Scan"):
/// ReLU and leaky ReLU keep the reference's bits up to the logits; tanh and sigmoid are within a few ulps per hidden
/// unit, and those differences, summed through the layers, move p(class) by less than the scan tolerance below.
/// </summary>
internal static class ScanTolerances
{
    /// <summary>How far the vector activation may be from the scalar one, in units in the last place of the latter.</summary>
    public static int ActivationUlps(HiddenActivation activation) => activation switch
    {
        HiddenActivation.Tanh => 4,                    // measured worst: 2
        HiddenActivation.Sigmoid => 6,                 // measured worst: 4 (e^x's own error, where σ(z) ≈ e^z)
        _ => 0,
    };

    /// <summary>|p_fast − p_reference| allowed for every class of every pixel.</summary>
    public static double Probability<T>(HiddenActivation activation)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (typeof(T) == typeof(float), activation is HiddenActivation.Relu or HiddenActivation.LeakyRelu) switch
        {
            (true, true) => 1e-6,                       // the same logits; only the softmax's exponential rounds differently
            (false, true) => 1e-14,
            (true, false) => 1e-5,                      // plus a few ulps in every hidden unit, summed through the layers (worst seen 3.6e-7)
            (false, false) => 1e-13,                    // worst seen 8.9e-16
        };

    /// <summary>
    /// |got − expected| in ulps of expected; 0 for the same bits (NaN and NaN too), ∞ when only one is NaN, for
    /// infinities that differ and for +0 against −0.
    /// </summary>
    public static double UlpDistance<T>(T expected, T got)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (expected.Equals(got) && T.IsNegative(expected) == T.IsNegative(got) || (T.IsNaN(expected) && T.IsNaN(got)))
        {
            return 0;
        }
        if (T.IsNaN(expected) || T.IsNaN(got) || !T.IsFinite(expected) || !T.IsFinite(got) || expected == got)
        {
            return double.PositiveInfinity;
        }
        T magnitude = T.Abs(expected);
        T ulp = T.BitIncrement(magnitude) - magnitude;
        return double.CreateChecked(T.Abs(got - expected) / ulp);
    }
}
