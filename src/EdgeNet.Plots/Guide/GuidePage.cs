using System.Globalization;
using System.Net;
using System.Text;
using ScottPlot;

namespace EdgeNet.Plots.Guide;

/// <summary>
/// The page being written: sections, paragraphs, tables, figures (saved beside the page) and computed numbers.
/// Every computed number is written as <c>&lt;span class="num" data-key data-value data-format&gt;</c> so that tests
/// can hold the page to the engine's values.
/// </summary>
internal sealed partial class GuidePage(string directory, FigureFormat format)
{
    private readonly StringBuilder _html = new();
    private readonly Dictionary<string, double> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _figures = [];
    private readonly List<(string Id, string Title)> _contents = [];

    /// <summary>File names of the figures written so far.</summary>
    public IReadOnlyList<string> Figures => _figures;

    /// <summary>Every computed number by key.</summary>
    public IReadOnlyDictionary<string, double> Numbers => _numbers;

    /// <summary>Section ids and titles, in order, for the table of contents.</summary>
    public IReadOnlyList<(string Id, string Title)> Contents => _contents;

    /// <summary>The body written so far.</summary>
    public string Body => _html.ToString();

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A computed number, shown with <paramref name="format"/> (invariant culture, − for minus).</summary>
    public string Num(string key, double value, string format = "0.00")
    {
        if (!_numbers.TryAdd(key, value))
        {
            throw new InvalidOperationException($"The guide shows the number '{key}' twice.");
        }
        string shown = Show(value, format);
        return $"<span class=\"num\" data-key=\"{Escape(key)}\" data-value=\"{value.ToString("R", CultureInfo.InvariantCulture)}\" data-format=\"{Escape(format)}\">{shown}</span>";
    }

    /// <summary>
    /// A vector as the tutorial prints it, <c>[−0.27, −1.06, +0.58, …]</c>: the first <paramref name="shown"/> values
    /// (all when null), each a computed number keyed <c>prefix[i]</c>.
    /// </summary>
    public string Vec(string prefix, IReadOnlyList<double> values, string format, int? shown = null)
    {
        int count = Math.Min(shown ?? values.Count, values.Count);
        var parts = new List<string>(count + 1);
        for (int i = 0; i < count; i++)
        {
            parts.Add(Num($"{prefix}[{i}]", values[i], format));
        }
        if (count < values.Count)
        {
            parts.Add("…");
        }
        return "[" + string.Join(", ", parts) + "]";
    }

    /// <summary>
    /// A matrix as an HTML table of computed numbers keyed <c>prefix[r,c]</c>; with <paramref name="pixels"/> each
    /// cell is shaded as the pixel it is (0 black, 1 white).
    /// </summary>
    public string MatrixTable(string prefix, IReadOnlyList<double> values, int rows, int columns, string format, bool pixels = false)
    {
        var html = new StringBuilder("<table class=\"matrix\"><tbody>");
        for (int r = 0; r < rows; r++)
        {
            html.Append("<tr>");
            for (int c = 0; c < columns; c++)
            {
                double value = values[r * columns + c];
                html.Append(pixels ? PixelCell(value) : "<td>").Append(Num($"{prefix}[{r},{c}]", value, format)).Append("</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static string PixelCell(double value)
    {
        int level = (int)Math.Round(255 * Math.Clamp(value, 0, 1));
        string ink = level < 128 ? "#fff" : "#000";
        return string.Create(CultureInfo.InvariantCulture, $"<td style=\"background:rgb({level},{level},{level});color:{ink}\">");
    }

    /// <summary>How a value is displayed: invariant culture with the typographic minus sign.</summary>
    public static string Show(double value, string format) =>
        value.ToString(format, CultureInfo.InvariantCulture).Replace('-', '−');

    public void Section(string id, string title)
    {
        _contents.Add((id, title));
        _html.Append(CultureInfo.InvariantCulture, $"<section id=\"{id}\">\n<h2>{Escape(title)}</h2>\n");
    }

    public void EndSection() => _html.Append("</section>\n");

    public void Heading(string text) => _html.Append(CultureInfo.InvariantCulture, $"<h3>{Escape(text)}</h3>\n");

    /// <summary>A paragraph of trusted HTML (the caller escapes anything that came from outside).</summary>
    public void Paragraph(string html) => _html.Append(CultureInfo.InvariantCulture, $"<p>{html}</p>\n");

    /// <summary>A bulleted list of trusted HTML items.</summary>
    public void List(params string[] items)
    {
        _html.Append("<ul>\n");
        foreach (string item in items)
        {
            _html.Append(CultureInfo.InvariantCulture, $"<li>{item}</li>\n");
        }
        _html.Append("</ul>\n");
    }

    /// <summary>A highlighted box, like the tutorial's notes.</summary>
    public void Note(string html) => _html.Append(CultureInfo.InvariantCulture, $"<div class=\"note\">{html}</div>\n");

    /// <summary>An equation on its own line.</summary>
    public void Equation(string html) => _html.Append(CultureInfo.InvariantCulture, $"<p class=\"eq\">{html}</p>\n");

    /// <summary>A block of code or program output, escaped.</summary>
    public void Code(string text) => _html.Append(CultureInfo.InvariantCulture, $"<pre><code>{Escape(text)}</code></pre>\n");

    /// <summary>A table whose cells are trusted HTML.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? caption = null, string? cssClass = null)
    {
        _html.Append(cssClass is null ? "<table>\n" : $"<table class=\"{cssClass}\">\n");
        if (caption is not null)
        {
            _html.Append(CultureInfo.InvariantCulture, $"<caption>{caption}</caption>\n");
        }
        _html.Append("<thead><tr>");
        foreach (string header in headers)
        {
            _html.Append(CultureInfo.InvariantCulture, $"<th>{header}</th>");
        }
        _html.Append("</tr></thead>\n<tbody>\n");
        foreach (IReadOnlyList<string> row in rows)
        {
            _html.Append("<tr>");
            foreach (string cell in row)
            {
                _html.Append(CultureInfo.InvariantCulture, $"<td>{cell}</td>");
            }
            _html.Append("</tr>\n");
        }
        _html.Append("</tbody>\n</table>\n");
    }

    /// <summary>Renders <paramref name="plot"/> into the guide's folder and shows it with <paramref name="caption"/>.</summary>
    public void Figure(string name, Plot plot, PixelSize size, string caption)
    {
        ArgumentNullException.ThrowIfNull(plot);
        string path = FigureFile.Save(plot, size, directory, name, format);
        string file = Path.GetFileName(path);
        _figures.Add(file);
        _html.Append(CultureInfo.InvariantCulture,
            $"<figure><img src=\"{file}\" alt=\"{Escape(WebUtility.HtmlDecode(Tags().Replace(caption, string.Empty)))}\" width=\"{(int)size.Width}\" height=\"{(int)size.Height}\"><figcaption>{caption}</figcaption></figure>\n");
    }

    /// <summary>
    /// Shows a picture that is already PNG bytes (an edge map, a scanned scene) at its own size, saved beside the
    /// page as <paramref name="name"/>.png whatever the figure format.
    /// </summary>
    public void Picture(string name, byte[] png, int width, int height, string caption)
    {
        ArgumentNullException.ThrowIfNull(png);
        string file = name + ".png";
        Imaging.PngFile.Write(Path.Combine(directory, file), png);
        _figures.Add(file);
        _html.Append(CultureInfo.InvariantCulture,
            $"<figure><img src=\"{file}\" alt=\"{Escape(WebUtility.HtmlDecode(Tags().Replace(caption, string.Empty)))}\" width=\"{width}\" height=\"{height}\"><figcaption>{caption}</figcaption></figure>\n");
    }

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex Tags();

    /// <summary>Trusted HTML as it is.</summary>
    public void Raw(string html) => _html.Append(html);
}
