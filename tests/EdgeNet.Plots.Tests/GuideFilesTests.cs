using System.Text.RegularExpressions;
using EdgeNet.Plots.Tests.Support;

namespace EdgeNet.Plots.Tests;

/// <summary>The guide holds every figure, each a real picture beside the page, and no link is broken or leaves the folder.</summary>
[Collection(GuideCollection.Name)]
public sealed partial class GuideFilesTests(GuideFixture guide)
{
    public static TheoryData<string> ExpectedFigures =>
    [
        "part1-examples", "part1-network", "part2-relu", "part2-four-neurons", "part2-template", "part2-five-inputs",
        "part3-softmax", "part4-loss-curve", "part5-descent", "part7-forward-backward", "part7-step-gradient",
        "part8-loss", "part8-accuracy", "part8-hidden-weights",
        "try-loss", "try-confusion", "try-gallery", "try-hidden-weights", "try-output-weights",
        "beyond-patches", "beyond-accuracy", "beyond-scene", "beyond-scan-tutorial", "beyond-scan-varied", "beyond-scan-sobel",
        "beyond-scan-orientation", "beyond-sgd-optimizers", "beyond-sgd-activations",
    ];

    /// <summary>Pictures that fill their frame (no white background): the drawn scene and the edge maps.</summary>
    public static readonly HashSet<string> Pictures =
        ["beyond-scene", "beyond-scan-tutorial", "beyond-scan-varied", "beyond-scan-sobel", "beyond-scan-orientation"];

    [Theory]
    [MemberData(nameof(ExpectedFigures))]
    public void The_page_shows_the_figure_and_it_is_a_real_picture_of_the_declared_size(string name)
    {
        // Given
        string file = name + ".png";
        Match img = Regex.Match(guide.Html, $"<img src=\"{Regex.Escape(file)}\"[^>]*width=\"(?<w>\\d+)\" height=\"(?<h>\\d+)\"");

        // Then
        Assert.True(img.Success, $"index.html has no <img> for {file}");
        PngImage image = PngImage.Load(Path.Combine(guide.Folder, file));
        Assert.Equal(int.Parse(img.Groups["w"].Value, System.Globalization.CultureInfo.InvariantCulture), image.Width);
        Assert.Equal(int.Parse(img.Groups["h"].Value, System.Globalization.CultureInfo.InvariantCulture), image.Height);
        if (Pictures.Contains(name))
        {
            image.AssertNotBlankPicture(file);                              // a scene or an edge map fills its frame
        }
        else
        {
            image.AssertNotBlank(file);
        }
    }

    [Fact]
    public void Every_src_and_href_is_a_file_in_the_folder_or_an_anchor_on_the_page()
    {
        // Given
        HashSet<string> ids = [.. guide.Ids()];
        string[] links = [.. guide.Links()];

        // Then
        Assert.NotEmpty(links);
        foreach (string link in links)
        {
            if (link.StartsWith('#'))
            {
                Assert.True(ids.Contains(link[1..]), $"broken anchor {link}");
            }
            else
            {
                Assert.DoesNotContain(":", link, StringComparison.Ordinal);      // no http:, https:, file: …
                Assert.False(link.StartsWith("//", StringComparison.Ordinal), $"{link} leaves the folder");
                Assert.True(File.Exists(Path.Combine(guide.Folder, link)), $"broken link {link}");
            }
        }
    }

    [Fact]
    public void Every_file_in_the_folder_is_used_by_the_page()
    {
        // Given
        HashSet<string> linked = [.. guide.Links().Where(l => !l.StartsWith('#'))];

        // Then: nothing stale or temporary is left beside the page
        foreach (string file in Directory.GetFiles(guide.Folder).Select(f => Path.GetFileName(f)))
        {
            Assert.True(file == "index.html" || linked.Contains(file), $"{file} is not used by index.html");
        }
        Assert.Equal(guide.Result.Figures.Order(), linked.Order());
    }

    [Fact]
    public void The_page_needs_no_network_and_no_script()
    {
        Assert.DoesNotContain("http://", guide.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", guide.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", guide.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", guide.Html, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("<!DOCTYPE html>", guide.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_follows_the_tutorial_parts_1_to_8_and_the_appendix_in_order()
    {
        // Given
        string[] sections = ["part1", "part2", "part3", "part4", "part5", "part6", "part7", "part8", "appendix",
            "appendix-a1", "appendix-a2", "appendix-a3", "appendix-a4", "appendix-a5"];

        // When
        int[] positions = [.. sections.Select(id => guide.Html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal))];

        // Then
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Every_number_shows_its_value_in_its_format()
    {
        // Then: what the reader sees is the computed value, formatted, with a real minus sign
        Assert.True(guide.Numbers.Count > 200, $"only {guide.Numbers.Count} computed numbers");
        foreach ((string key, ShownNumber number) in guide.Numbers)
        {
            string expected = number.Value.ToString(number.Format, System.Globalization.CultureInfo.InvariantCulture).Replace('-', '−');
            Assert.True(expected == number.Text, $"{key}: shows '{number.Text}', its value {number.Value} formats as '{expected}'");
        }
    }
}
