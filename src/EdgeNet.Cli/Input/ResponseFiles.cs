using System.Text;
using EdgeNet.IO;

namespace EdgeNet.Cli.Input;

/// <summary>
/// <c>edgenet train @options.txt</c>: the words of a response file (one or more a line, <c>#</c> starts a comment line,
/// "double quotes" keep spaces) replace the <c>@FILE</c> argument. The file must be a regular file of at most
/// <see cref="Limits.MaxResponseFileBytes"/>; a folder, a device (<c>@/dev/zero</c>) or a missing file is one line.
/// An <c>@FILE</c> word inside a response file is expanded here too, at most <see cref="MaxDepth"/> deep; a file that
/// includes itself (directly or through others) is a loop, and all the files of one command line together may hold
/// at most <see cref="Limits.MaxResponseFileBytes"/>: each is one line and exit 2, never a hang.
/// </summary>
/// <remarks>One instance a command line: it counts what that command line's response files expand to.</remarks>
internal sealed class ResponseFiles
{
    /// <summary>How deep response files may name response files.</summary>
    public const int MaxDepth = 8;

    private long _expanded;

    /// <summary>The <c>ParserConfiguration.ResponseFileTokenReplacer</c> of edgenet.</summary>
    public bool TryReplace(string token, out IReadOnlyList<string>? replacement, out string? error)
    {
        ArgumentNullException.ThrowIfNull(token);
        replacement = null;
        try
        {
            var words = new List<string>();
            Expand(token.StartsWith('@') ? token[1..] : token, words, []);
            replacement = words;
            error = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error = e.Message;
            return false;
        }
    }

    // Appends the words of the file at path, each @FILE word replaced by that file's words; chain: the files being
    // expanded, outermost first.
    private void Expand(string path, List<string> words, List<(string Path, FileStatus Status)> chain)
    {
        string full = Path.GetFullPath(path);
        FileStatus status = FileStatus.Of(full);
        int loop = chain.FindIndex(c => c.Path == full || c.Status.SameFileAs(status));
        if (loop >= 0)
        {
            string through = loop == chain.Count - 1 ? string.Empty : $" through {UserText.Quote(Path.GetFileName(chain[^1].Path))}";
            throw new InvalidDataException($"Response file {UserText.Quote(path)} includes itself{through}: a loop of response files.");
        }
        if (chain.Count == MaxDepth)
        {
            throw new InvalidDataException($"Response files nest more than {MaxDepth} deep (at {UserText.Quote(path)}).");
        }
        byte[] bytes = InputFile.ReadAllBytes(full, Limits.MaxResponseFileBytes, "Response file");
        _expanded += bytes.Length;
        if (_expanded > Limits.MaxResponseFileBytes)
        {
            throw new InvalidDataException(
                $"The response files of this command line hold more than {Limits.Bytes(Limits.MaxResponseFileBytes)} in all (at {UserText.Quote(path)}); that is the most accepted.");
        }
        chain.Add((full, status));
        foreach (string word in Split(Encoding.UTF8.GetString(bytes)))
        {
            if (word.Length > 1 && word[0] == '@')
            {
                Expand(word[1..], words, chain);
            }
            else
            {
                words.Add(word);
            }
        }
        chain.RemoveAt(chain.Count - 1);
    }

    /// <summary>The words of the text: split on white space, "quoted" words kept whole, lines starting with # skipped.</summary>
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var word = new StringBuilder();
            bool quoted = false, any = false;
            foreach (char c in line)
            {
                if (c == '"')
                {
                    quoted = !quoted;
                    any = true;
                }
                else if (char.IsWhiteSpace(c) && !quoted)
                {
                    if (any)
                    {
                        words.Add(word.ToString());
                    }
                    word.Clear();
                    any = false;
                }
                else
                {
                    word.Append(c);
                    any = true;
                }
            }
            if (any)
            {
                words.Add(word.ToString());
            }
        }
        return words;
    }
}
