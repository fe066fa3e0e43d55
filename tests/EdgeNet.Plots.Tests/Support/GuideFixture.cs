using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using EdgeNet.Plots.Guide;

namespace EdgeNet.Plots.Tests.Support;

/// <summary>The guide, written once into a temporary folder for all the guide tests, and its HTML parsed.</summary>
public sealed partial class GuideFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public GuideFixture()
    {
        Result = GuideWriter.Write(_folder.Path);
        Html = File.ReadAllText(Result.IndexPath);
        Numbers = NumberSpan().Matches(Html).ToDictionary(
            m => WebUtility.HtmlDecode(m.Groups["key"].Value),
            m => new ShownNumber(
                double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture),
                WebUtility.HtmlDecode(m.Groups["format"].Value),
                WebUtility.HtmlDecode(m.Groups["text"].Value)));
    }

    public GuideResult Result { get; }

    public string Folder => _folder.Path;

    public string Html { get; }

    /// <summary>Every computed number on the page by key, as the HTML carries it.</summary>
    public IReadOnlyDictionary<string, ShownNumber> Numbers { get; }

    /// <summary>The value behind a number the page shows; fails the test if the page does not show it.</summary>
    public double Value(string key) =>
        Numbers.TryGetValue(key, out ShownNumber? number) ? number.Value : throw new Xunit.Sdk.XunitException($"The guide does not show the number '{key}'.");

    /// <summary>What the page displays for a number.</summary>
    public string Text(string key) =>
        Numbers.TryGetValue(key, out ShownNumber? number) ? number.Text : throw new Xunit.Sdk.XunitException($"The guide does not show the number '{key}'.");

    /// <summary>Every src and href attribute value.</summary>
    public IEnumerable<string> Links() => Link().Matches(Html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value));

    /// <summary>Every id attribute value.</summary>
    public IEnumerable<string> Ids() => Id().Matches(Html).Select(m => m.Groups["id"].Value);

    /// <summary>The HTML of the section with this id, up to its end; fails the test if the page has none.</summary>
    public string Section(string id)
    {
        int start = Html.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the guide has no '{id}' section");
        return Html[start..Html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    /// <summary>The sections with these ids are all on the page, in this order.</summary>
    public void AssertSectionsInOrder(params string[] ids)
    {
        int[] positions = [.. ids.Select(id => Html.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal))];
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    /// <summary>The figure <paramref name="name"/> is shown in <paramref name="section"/> and listed among the files written: its picture.</summary>
    internal PngImage ShownFigure(string section, string name)
    {
        Assert.Contains($"<img src=\"{name}.png\"", section, StringComparison.Ordinal);
        Assert.Contains(name + ".png", Result.Figures);
        return PngImage.Load(System.IO.Path.Combine(Folder, name + ".png"));
    }

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex("<span class=\"num\" data-key=\"(?<key>[^\"]*)\" data-value=\"(?<value>[^\"]*)\" data-format=\"(?<format>[^\"]*)\">(?<text>[^<]*)</span>")]
    private static partial Regex NumberSpan();

    [GeneratedRegex("\\b(?:src|href)=\"(?<url>[^\"]*)\"")]
    private static partial Regex Link();

    [GeneratedRegex("\\bid=\"(?<id>[^\"]*)\"")]
    private static partial Regex Id();
}

/// <summary>A number as the page carries it: the full value, the format, and the text displayed.</summary>
public sealed record ShownNumber(double Value, string Format, string Text);

/// <summary>The guide tests share one guide: it is written once.</summary>
[CollectionDefinition(Name)]
public sealed class GuideCollection : ICollectionFixture<GuideFixture>
{
    public const string Name = "Guide";
}
