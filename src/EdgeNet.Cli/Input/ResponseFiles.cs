using System.Text;
using EdgeNet.IO;

namespace EdgeNet.Cli.Input;

/// <summary>
/// <c>edgenet train @options.txt</c>: the words of a response file (one or more a line, <c>#</c> starts a comment line,
/// "double quotes" keep spaces) replace the <c>@FILE</c> argument. The file must be a regular file of at most
/// <see cref="Limits.MaxResponseFileBytes"/>; a folder, a device (<c>@/dev/zero</c>) or a missing file is one line.
/// </summary>
internal static class ResponseFiles
{
    /// <summary>The <c>ParserConfiguration.ResponseFileTokenReplacer</c> of edgenet.</summary>
    public static bool TryReplace(string token, out IReadOnlyList<string>? replacement, out string? error)
    {
        replacement = null;
        string path = token.StartsWith('@') ? token[1..] : token;
        try
        {
            byte[] bytes = InputFile.ReadAllBytes(path, Limits.MaxResponseFileBytes, "Response file");
            replacement = Split(Encoding.UTF8.GetString(bytes));
            error = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error = e.Message;
            return false;
        }
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
