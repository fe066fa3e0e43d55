using System.Text.RegularExpressions;

namespace EdgeNet.Tests.Docs;

/// <summary>
/// README.md and docs/*.md point into the repository: files and folders, lines of code, other pages and their
/// headings. These tests hold every pointer true, so that a change to the code that moves what a page points at
/// fails here instead of leaving the page wrong.
/// </summary>
public sealed partial class DocsReferenceTests
{
    [Fact]
    public void Every_file_line_reference_names_what_stands_on_that_line()
    {
        // Given every "file:line" in the pages, each followed on its line by the code it points at in backticks
        // (`src/EdgeNet/Network.cs:96` `InitializeLikeTutorial`; `:138` is another line of the file named before it)
        var problems = new List<string>();
        int checkedReferences = 0;
        foreach (string page in RepositoryDocs.Pages)
        {
            foreach (var (number, text, inCode) in RepositoryDocs.Lines(page))
            {
                if (inCode)
                {
                    continue;
                }

                string? file = null;
                foreach (Match reference in FileLine().Matches(text))
                {
                    string where = $"{page}:{number}: {reference.Value}";
                    file = reference.Groups["file"].Success ? Resolve(reference.Groups["file"].Value) : file;
                    if (file is null)
                    {
                        problems.Add($"{where}: no single file in the repository has that name");
                        continue;
                    }

                    string? symbol = SymbolAfter(text, reference);
                    string[] lines = File.ReadAllLines(Path.Combine(RepositoryDocs.Root, file));
                    int line = int.Parse(reference.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    checkedReferences++;
                    if (symbol is null)
                    {
                        problems.Add($"{where}: names no code after it (write it in backticks on the same line)");
                    }
                    else if (line < 1 || line > lines.Length)
                    {
                        problems.Add($"{where}: {file} has {lines.Length} lines");
                    }
                    else if (!lines[line - 1].Contains(symbol, StringComparison.Ordinal))
                    {
                        int[] now = [.. lines.Index().Where(l => l.Item.Contains(symbol, StringComparison.Ordinal)).Select(l => l.Index + 1)];
                        problems.Add($"{where}: line {line} does not contain `{symbol}`" +
                            (now.Length > 0 ? $" (it stands on line {string.Join(", ", now)})" : " (nowhere in the file)"));
                    }
                }
            }
        }

        // Then each line holds the code its reference names
        Assert.True(checkedReferences > 0, "the pages have no file:line reference: the pattern no longer finds them");
        Assert.True(problems.Count == 0, "Docs point at the wrong lines:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Every_repository_path_written_in_the_pages_exists()
    {
        // Given every word of the pages that starts with a top-level folder (src/, tests/, bench/, tools/, docs/,
        // examples/, .ci/), in backticks or in code blocks
        var problems = new List<string>();
        int checkedPaths = 0;
        foreach (string page in RepositoryDocs.Pages)
        {
            foreach (var (number, text, inCode) in RepositoryDocs.Lines(page))
            {
                IEnumerable<string> words = inCode
                    ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    : RepositoryDocs.Spans(text).SelectMany(span => span.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                foreach (string word in words)
                {
                    if (!RepositoryDocs.TopFolders.Any(top => word.StartsWith(top, StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    string path = BuildOutput().Replace(PathPart().Match(word).Value, "");
                    checkedPaths++;
                    if (!RepositoryDocs.Exists(path))
                    {
                        problems.Add($"{page}:{number}: {path}");
                    }
                }
            }
        }

        // Then each names a file or folder of the repository
        Assert.True(checkedPaths > 0, "the pages name no repository path: the pattern no longer finds them");
        Assert.True(problems.Count == 0, "Docs name paths that do not exist:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Every_relative_link_reaches_a_file_and_every_anchor_a_heading()
    {
        // Given every relative Markdown or HTML link and image of the pages
        var problems = new List<string>();
        int checkedLinks = 0;
        foreach (string page in RepositoryDocs.Pages)
        {
            string folder = Path.GetDirectoryName(page) ?? "";
            foreach (var (number, text, inCode) in RepositoryDocs.Lines(page))
            {
                if (inCode)
                {
                    continue;
                }

                foreach (string target in RepositoryDocs.LinkTargets(text).Concat(RepositoryDocs.HtmlTargets(text)))
                {
                    if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    checkedLinks++;
                    int hash = target.IndexOf('#', StringComparison.Ordinal);
                    string file = hash < 0 ? target : target[..hash];
                    string? anchor = hash < 0 ? null : target[(hash + 1)..];
                    string resolved = file.Length == 0
                        ? page
                        : Path.GetRelativePath(RepositoryDocs.Root, Path.GetFullPath(Path.Combine(RepositoryDocs.Root, folder, file))).Replace('\\', '/');
                    if (!RepositoryDocs.Exists(resolved))
                    {
                        problems.Add($"{page}:{number}: {target} (no {resolved})");
                    }
                    else if (anchor is not null && resolved.EndsWith(".md", StringComparison.Ordinal)
                        && !RepositoryDocs.Anchors(resolved).Contains(anchor))
                    {
                        problems.Add($"{page}:{number}: {target} (no heading #{anchor} in {resolved})");
                    }
                }
            }
        }

        // Then each file exists and each anchor is one of the target page's headings
        Assert.True(checkedLinks > 0, "the pages have no relative link: the pattern no longer finds them");
        Assert.True(problems.Count == 0, "Docs have broken links:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void The_readme_layout_names_every_project_and_top_folder()
    {
        // Given the README's Layout block
        string readme = File.ReadAllText(Path.Combine(RepositoryDocs.Root, "README.md"));
        int start = readme.IndexOf("## Layout", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no Layout section");
        string[] named = [.. RepositoryDocs.Lines("README.md")
            .Where(l => l.InCode && l.Number > readme[..start].Count(c => c == '\n'))
            .Select(l => l.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "")];

        // Then every project under src/ and every top-level folder of code is named there
        string[] expected =
        [
            .. Directory.GetDirectories(Path.Combine(RepositoryDocs.Root, "src")).Select(d => $"src/{Path.GetFileName(d)}/").Order(StringComparer.Ordinal),
            "tests/", "bench/", "tools/", "examples/",
        ];
        Assert.Empty(expected.Except(named));
    }

    [Fact]
    public void The_checks_find_what_is_wrong()
    {
        // Given lines as a page might hold them
        string moved = "| Part 8 | `src/EdgeNet/Training/Trainer.cs:1` `NoSuchCodeOnThatLine` |";

        // Then the reference pattern sees the file and the line, the shorthand of another line, and the code named
        Match reference = FileLine().Match(moved);
        Assert.Equal("src/EdgeNet/Training/Trainer.cs", reference.Groups["file"].Value);
        Assert.Equal("1", reference.Groups["line"].Value);
        Assert.Equal("NoSuchCodeOnThatLine", SymbolAfter(moved, reference));
        Assert.Null(SymbolAfter("`src/EdgeNet/Network.cs:96` and nothing else", FileLine().Match("`src/EdgeNet/Network.cs:96`")));
        Assert.Equal("138", FileLine().Match("(loop at `:138` `x`)").Groups["line"].Value);
        Assert.DoesNotContain("NoSuchCodeOnThatLine", File.ReadAllLines(Path.Combine(RepositoryDocs.Root, "src/EdgeNet/Training/Trainer.cs"))[0], StringComparison.Ordinal);

        // and the path and anchor checks tell a missing file and a missing heading from real ones
        Assert.False(RepositoryDocs.Exists("src/EdgeNet/NoSuchFile.cs"));
        Assert.True(RepositoryDocs.Exists("src/EdgeNet/Optimizers/*Rule.cs"));
        Assert.Equal("src/EdgeNet/Network.cs", PathPart().Match("src/EdgeNet/Network.cs:96").Value);
        Assert.Equal("bench/EdgeNet.Benchmarks", BuildOutput().Replace("bench/EdgeNet.Benchmarks/bin/Release/net10.0/EdgeNet.Benchmarks.dll", ""));
        Assert.Equal("beyond-sgd", RepositoryDocs.Anchor("Beyond SGD"));
        Assert.Equal("fast-paths-and-their-contracts", RepositoryDocs.Anchor("Fast paths, and their contracts"));
        Assert.DoesNotContain("no-such-heading", RepositoryDocs.Anchors("docs/cli.md"));
    }

    /// <summary>The first backticked span after a reference (past the backtick that closes the reference's own).</summary>
    private static string? SymbolAfter(string line, Match reference)
    {
        string rest = line[(reference.Index + reference.Length)..];
        rest = rest.StartsWith('`') ? rest[1..] : rest;
        return RepositoryDocs.Spans(rest).FirstOrDefault(span => !FileLine().IsMatch(span));
    }

    /// <summary>A root-relative path, or the one file of that name in the repository's code folders.</summary>
    private static string? Resolve(string file)
    {
        if (RepositoryDocs.TopFolders.Any(top => file.StartsWith(top, StringComparison.Ordinal)))
        {
            return RepositoryDocs.Exists(file) ? file : null;
        }

        string[] found = [.. new[] { "src", "tests", "bench", "tools", "examples" }
            .SelectMany(top => Directory.EnumerateFiles(Path.Combine(RepositoryDocs.Root, top), Path.GetFileName(file), SearchOption.AllDirectories))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Where(path => path.Replace('\\', '/').EndsWith("/" + file, StringComparison.Ordinal))];
        return found.Length == 1 ? Path.GetRelativePath(RepositoryDocs.Root, found[0]).Replace('\\', '/') : null;
    }

    /// <summary>"path/File.cs:12" (or "File.cs:12"), or ":12" for another line of the file named before it on the line.</summary>
    [GeneratedRegex(@"(?<![\w/.-])(?:(?<file>[\w./-]+\.(?:cs|js|ts|md|sh|py|json|csproj|props|html|css|proto)))?:(?<line>\d+)\b(?!\.\d)")]
    private static partial Regex FileLine();

    /// <summary>A build's output inside a project folder ("/bin/Release/…"): what a build makes, so the project is checked.</summary>
    [GeneratedRegex("/(?:bin|obj)/.*$")]
    private static partial Regex BuildOutput();

    /// <summary>The path of a word: up to a line suffix (":12") or trailing punctuation.</summary>
    [GeneratedRegex(@"^[^:,;()`]*[^:,;()`.]")]
    private static partial Regex PathPart();
}
