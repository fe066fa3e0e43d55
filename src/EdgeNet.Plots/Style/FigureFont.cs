using System.Reflection;
using SkiaSharp;

namespace EdgeNet.Plots.Style;

/// <summary>
/// DejaVu Sans for every word of every figure, loaded from the fonts inside this assembly: ScottPlot's
/// default on Linux is a serif, and a fresh machine may have no font installed at all.
/// </summary>
public static class FigureFont
{
    /// <summary>The family name figures ask for.</summary>
    public const string Name = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Registers the embedded fonts with ScottPlot once; safe to call from any thread, any number of times.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }
            ScottPlot.Fonts.FontResolvers.Insert(0, new EmbeddedResolver());
            ScottPlot.Fonts.Default = Name;
            _registered = true;
        }
    }

    /// <summary>The regular or bold face as a Skia typeface (for diagrams drawn directly).</summary>
    public static SKTypeface Typeface(bool bold) => bold ? EmbeddedResolver.Bold.Value : EmbeddedResolver.Regular.Value;

    private sealed class EmbeddedResolver : ScottPlot.IFontResolver
    {
        public static readonly Lazy<SKTypeface> Regular = new(() => Load("EdgeNet.Plots.DejaVuSans.ttf"));
        public static readonly Lazy<SKTypeface> Bold = new(() => Load("EdgeNet.Plots.DejaVuSans-Bold.ttf"));

        public SKTypeface CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= ScottPlot.FontWeight.SemiBold, slant != ScottPlot.FontSlant.Upright);

        // Null tells ScottPlot to ask the next resolver: only DejaVu Sans is ours.
        public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) =>
            string.Equals(fontName, Name, StringComparison.OrdinalIgnoreCase) ? Typeface(bold) : null!;

        private static SKTypeface Load(string resource)
        {
            using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The font {resource} is missing from EdgeNet.Plots.");
            return SKTypeface.FromStream(stream)
                ?? throw new InvalidOperationException($"The font {resource} could not be read.");
        }
    }
}
