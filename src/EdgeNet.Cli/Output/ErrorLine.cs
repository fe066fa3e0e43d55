using EdgeNet.IO;

namespace EdgeNet.Cli.Output;

/// <summary>
/// The one line every failure prints on standard error: "edgenet: " and the message, with line breaks and tabs
/// folded into spaces, every other control character escaped (no terminal escape reaches the terminal), and cut to
/// <see cref="UserText.MaxLine"/> characters.
/// </summary>
internal static class ErrorLine
{
    /// <summary>The line for <paramref name="message"/>, without the trailing newline.</summary>
    public static string Format(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string folded = string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return "edgenet: " + UserText.Escape(folded, UserText.MaxLine);
    }

    /// <summary>Writes the line; a closed or broken standard error is ignored (there is nowhere else to say it).</summary>
    public static void Write(TextWriter error, string message)
    {
        try
        {
            error.WriteLine(Format(message));
            error.Flush();
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
