using System.Numerics;
using System.Runtime.Intrinsics;
using EdgeNet.Kernels;
using EdgeNet.Layers;

namespace EdgeNet.Tests.FastPaths;

/// <summary>
/// The scanner's vector activations (<see cref="IActivation"/>) held to the reference pass's scalar ones
/// (<see cref="HiddenActivations.Value{T}"/>), at every vector width, float and double: ReLU and leaky ReLU give the same
/// bits; tanh and sigmoid stay within <see cref="ScanTolerances"/>' ulps.
/// </summary>
public sealed class ScanActivationTests
{
    public static TheoryData<HiddenActivation> Activations => [.. Enum.GetValues<HiddenActivation>()];

    [Theory]
    [MemberData(nameof(Activations))]
    public void Float_vector_activation_matches_the_scalar_one_at_every_width(HiddenActivation activation)
    {
        // Given z across the range a network's hidden units reach, and beyond it
        float[] z = Arguments<float>();

        // When f(z) runs on vectors of each width
        float[] expected = [.. z.Select(v => HiddenActivations.Value(activation, v))];
        string[] misses = [.. AtEveryWidth(activation, z).Select(w => Miss(activation, w.Width, z, expected, w.Values, ScanTolerances.ActivationUlps(activation))).OfType<string>()];

        // Then the same bits (ReLU, leaky ReLU) or within the stated ulps (tanh, sigmoid), at every width
        Assert.True(misses.Length == 0, string.Join("\n", misses));
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Double_vector_activation_matches_the_scalar_one_at_every_width(HiddenActivation activation)
    {
        double[] z = Arguments<double>();

        double[] expected = [.. z.Select(v => HiddenActivations.Value(activation, v))];
        string[] misses = [.. AtEveryWidth(activation, z).Select(w => Miss(activation, w.Width, z, expected, w.Values, ScanTolerances.ActivationUlps(activation))).OfType<string>()];

        Assert.True(misses.Length == 0, string.Join("\n", misses));
    }

    /// <summary>A fine sweep of −30 … 30 (both sides of tanh's 0.625), random values, and the special ones.</summary>
    private static T[] Arguments<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new NumpyRandom(21);
        IEnumerable<double> sweep = Enumerable.Range(0, 120_001).Select(i => -30 + (i * 0.0005));
        IEnumerable<double> randoms = Enumerable.Range(0, 20_000).Select(_ => random.Randn() * 4);
        double[] special = [0, -0.0, 1e-30, -1e-30, 1e-8, -1e-8, 0.625, -0.625, 0.6249999, 19.5, 20, 21, -21, 40, -40, 87, -87, 88.5, -88.5, 89, -89, 100, -100, 700, -700, 1000, -1000, double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity];
        return [.. sweep.Concat(randoms).Concat(special).Select(T.CreateChecked)];
    }

    private static IEnumerable<(string Width, T[] Values)> AtEveryWidth<T>(HiddenActivation activation, T[] z)
        where T : unmanaged, IFloatingPointIeee754<T> => activation switch
        {
            HiddenActivation.Relu => AtEveryWidth<T, Relu>(z),
            HiddenActivation.LeakyRelu => AtEveryWidth<T, LeakyRelu>(z),
            HiddenActivation.Tanh => AtEveryWidth<T, Tanh>(z),
            HiddenActivation.Sigmoid => AtEveryWidth<T, Sigmoid>(z),
            _ => throw new ArgumentOutOfRangeException(nameof(activation)),
        };

    private static IEnumerable<(string Width, T[] Values)> AtEveryWidth<T, TActivation>(T[] z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TActivation : IActivation
    {
        yield return ("512-bit", Apply<T, Vector512<T>, Simd512<T>, TActivation>(z));
        yield return ("256-bit", Apply<T, Vector256<T>, Simd256<T>, TActivation>(z));
        yield return ("128-bit", Apply<T, Vector128<T>, Simd128<T>, TActivation>(z));
    }

    /// <summary>f(z) a vector at a time (the input padded with zeros to whole vectors).</summary>
    internal static T[] Apply<T, TVector, TSimd, TActivation>(T[] z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
        where TActivation : IActivation
    {
        int n = TSimd.Count, whole = (z.Length + n - 1) / n * n;
        var input = new T[whole];
        var output = new T[whole];
        z.CopyTo(input, 0);
        for (int i = 0; i < whole; i += n)
        {
            TSimd.Store(TActivation.Invoke<T, TVector, TSimd>(TSimd.Load(in input[i])), ref output[i]);
        }
        return output[..z.Length];
    }

    /// <summary>The worst lane, if it is more than <paramref name="ulps"/> from the reference; null if none is.</summary>
    private static string? Miss<T>(HiddenActivation activation, string width, T[] z, T[] expected, T[] got, int ulps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double worst = 0;
        int at = 0;
        for (int i = 0; i < z.Length; i++)
        {
            double distance = ScanTolerances.UlpDistance(expected[i], got[i]);
            if (distance > worst)
            {
                worst = distance;
                at = i;
            }
        }
        return worst <= ulps ? null : $"{activation} {typeof(T).Name} {width}: f({z[at]}) = {got[at]}, the reference gives {expected[at]}: {worst} ulps apart (at most {ulps})";
    }
}
