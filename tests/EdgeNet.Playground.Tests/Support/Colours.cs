namespace EdgeNet.Playground.Tests.Support;

/// <summary>
/// The colour arithmetic of the page checks: WCAG 2.x relative luminance and contrast ratio, CIELAB (D65), and the
/// three dichromacies simulated as Machado, Oliveira and Fernandes (2009) do at full severity, in linear RGB.
/// </summary>
internal static class Colours
{
    /// <summary>Machado et al. 2009, severity 1.0: protanopia, deuteranopia, tritanopia (rows act on linear r, g, b).</summary>
    public static IReadOnlyDictionary<string, double[,]> Dichromacies { get; } = new Dictionary<string, double[,]>
    {
        ["protanopia"] = new[,] { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 }, { -0.003882, -0.048116, 1.051998 } },
        ["deuteranopia"] = new[,] { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 }, { -0.011820, 0.042940, 0.968881 } },
        ["tritanopia"] = new[,] { { 1.255528, -0.076749, -0.178779 }, { -0.078411, 0.930809, 0.147602 }, { 0.004733, 0.691367, 0.303900 } },
    };

    /// <summary>An sRGB channel (0–255) in linear light.</summary>
    public static double Linear(double channel)
    {
        double c = channel / 255;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    /// <summary>WCAG relative luminance of an sRGB colour.</summary>
    public static double Luminance((double R, double G, double B) c) => 0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B);

    /// <summary>WCAG contrast ratio, 1 to 21.</summary>
    public static double Contrast((double R, double G, double B) a, (double R, double G, double B) b)
    {
        double la = Luminance(a), lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>CIELAB (D65) of an sRGB colour as a dichromat of <paramref name="kind"/> sees it (null: normal vision).</summary>
    public static (double L, double A, double B) Lab((double R, double G, double B) c, string? kind = null)
    {
        double[] rgb = [Linear(c.R), Linear(c.G), Linear(c.B)];
        if (kind is not null)
        {
            double[,] m = Dichromacies[kind];
            rgb = [.. Enumerable.Range(0, 3).Select(i => Math.Clamp(m[i, 0] * rgb[0] + m[i, 1] * rgb[1] + m[i, 2] * rgb[2], 0, 1))];
        }
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : (24389.0 / 27 * t + 16) / 116;
        return (116 * F(y) - 16, 500 * (F(x) - F(y)), 200 * (F(y) - F(z)));
    }

    /// <summary>
    /// Why a diverging palette (colours at −1 … +1, odd count, white-ish middle) is not safe for colour-blind readers,
    /// or null: (1) its lightness rises from each end to the middle, so size reads without hue; (2) under each
    /// dichromacy, −v and +v (|v| ≥ 0.25) stay apart in hue and chroma, CIELAB Δa*b* ≥ <paramref name="least"/>,
    /// so the sign reads without red–green vision.
    /// </summary>
    public static string? DivergingProblem(IReadOnlyList<(double R, double G, double B)> colours, double least = 20)
    {
        int middle = colours.Count / 2;
        for (int i = 0; i < middle; i++)
        {
            if (Lab(colours[i]).L >= Lab(colours[i + 1]).L || Lab(colours[^(i + 1)]).L >= Lab(colours[^(i + 2)]).L)
            {
                return $"lightness does not rise towards the middle at step {i}";
            }
        }
        foreach (string kind in Dichromacies.Keys)
        {
            for (int k = (middle + 3) / 4; k <= middle; k++)
            {
                (double _, double a1, double b1) = Lab(colours[middle - k], kind);
                (double _, double a2, double b2) = Lab(colours[middle + k], kind);
                double apart = Math.Sqrt((a1 - a2) * (a1 - a2) + (b1 - b2) * (b1 - b2));
                if (apart < least)
                {
                    return $"with {kind}, ±{(double)k / middle:F2} are only Δa*b* = {apart:F1} apart";
                }
            }
        }
        return null;
    }
}
