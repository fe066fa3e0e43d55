using System.Globalization;
using System.Text;

namespace EdgeNet.IO;

/// <summary>
/// Puts text that came from a user (a path, a CSV cell, a class name) into a one-line message: control characters
/// are escaped (<c>\n</c>, <c>\t</c>, <c>\e</c>, <c>\x00</c>), and long text is cut with "…".
/// </summary>
internal static class UserText
{
    /// <summary>Longest piece of user text quoted in a message, in characters.</summary>
    public const int MaxQuoted = 80;

    /// <summary>Longest whole message line, in characters.</summary>
    public const int MaxLine = 300;

    /// <summary><paramref name="text"/> escaped, cut to <paramref name="max"/> characters and put in single quotes.</summary>
    public static string Quote(string? text, int max = MaxQuoted) => "'" + Escape(text ?? string.Empty, max) + "'";

    /// <summary>
    /// <paramref name="text"/> with every control character escaped (no newline, no terminal escape survives), cut
    /// to <paramref name="max"/> characters with "…" when longer.
    /// </summary>
    public static string Escape(string text, int max = MaxQuoted)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(Math.Min(text.Length, max) + 8);
        for (int i = 0; i < text.Length; i++)
        {
            if (result.Length >= max)
            {
                return result.Append('…').ToString();
            }
            char c = text[i];
            switch (c)
            {
                case '\n': result.Append("\\n"); break;
                case '\r': result.Append("\\r"); break;
                case '\t': result.Append("\\t"); break;
                case '\u001b': result.Append("\\e"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' || (char.IsSurrogate(c) && !IsPair(text, i)))
                    {
                        result.Append("\\x").Append(((int)c).ToString(c < 256 ? "X2" : "X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result.Append(c);
                        if (char.IsHighSurrogate(c))
                        {
                            result.Append(text[++i]);
                        }
                    }
                    break;
            }
        }
        return result.ToString();
    }

    /// <summary>True when <paramref name="text"/> holds a control character (newline, tab, escape, NUL, …).</summary>
    public static bool HasControl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (char c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsPair(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
