using System.Text.RegularExpressions;

namespace EdgeNet.Tests.Docs;

/// <summary>
/// The pages a reader of the repository reads (README.md and docs/*.md), read from the checkout the tests were built
/// from, with what they point at: backticked spans, links, and the words of their code blocks.
/// </summary>
internal static partial class RepositoryDocs
{
    /// <summary>The repository's top folder: the first folder above the test's output that holds EdgeNet.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>README.md and every page under docs/, as paths relative to <see cref="Root"/> with '/' separators.</summary>
    public static IReadOnlyList<string> Pages { get; } =
        [
            "README.md",
            .. Directory.GetFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal),
        ];

    /// <summary>The top-level folders a path written in a page may start with.</summary>
    public static readonly string[] TopFolders = ["src/", "tests/", "bench/", "tools/", "docs/", "examples/", ".ci/"];

    /// <summary>Each line of a page with its 1-based number and whether it sits inside a fenced code block.</summary>
    public static IEnumerable<(int Number, string Text, bool InCode)> Lines(string page)
    {
        bool inCode = false;
        int number = 0;
        foreach (string text in File.ReadLines(Path.Combine(Root, page)))
        {
            number++;
            if (text.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            yield return (number, text, inCode);
        }
    }

    /// <summary>The backticked spans of a line of prose, in order.</summary>
    public static IEnumerable<string> Spans(string line) => SpanPattern().Matches(line).Select(m => m.Groups[1].Value);

    /// <summary>The targets of the Markdown links and images of a line: <c>[text](target)</c>.</summary>
    public static IEnumerable<string> LinkTargets(string line) =>
        LinkPattern().Matches(line).Select(m => m.Groups[1].Value);

    /// <summary>The targets of the HTML images and links of a line: <c>src="…"</c>, <c>href="…"</c>.</summary>
    public static IEnumerable<string> HtmlTargets(string line) =>
        HtmlPattern().Matches(line).Select(m => m.Groups[1].Value);

    /// <summary>GitHub's anchor for a heading: lower case, spaces to '-', punctuation other than '-' and '_' dropped.</summary>
    public static string Anchor(string heading)
    {
        var text = new System.Text.StringBuilder();
        foreach (char c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                text.Append(c);
            }
            else if (c == ' ')
            {
                text.Append('-');
            }
        }

        return text.ToString();
    }

    /// <summary>The anchors of a page's headings.</summary>
    public static HashSet<string> Anchors(string page) =>
        [.. Lines(page).Where(l => !l.InCode && l.Text.StartsWith('#')).Select(l => Anchor(l.Text.TrimStart('#')))];

    /// <summary>Whether a path relative to the root names a file or folder; a '*' in its last part matches any name.</summary>
    public static bool Exists(string relative)
    {
        string path = Path.Combine(Root, relative.TrimEnd('/'));
        if (!relative.Contains('*', StringComparison.Ordinal))
        {
            return File.Exists(path) || Directory.Exists(path);
        }

        string folder = Path.GetDirectoryName(path)!;
        return Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder, Path.GetFileName(path)).Any();
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "EdgeNet.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No EdgeNet.slnx above {AppContext.BaseDirectory}: the docs tests read the checkout.");
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex SpanPattern();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex HtmlPattern();
}
