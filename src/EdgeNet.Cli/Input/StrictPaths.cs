using System.CommandLine;
using System.CommandLine.Parsing;

namespace EdgeNet.Cli.Input;

/// <summary>
/// Every file and folder option of every command refuses an empty name in one plain line ("--out needs a file
/// name"), instead of the parser's "Cannot parse argument '' … as expected type 'System.IO.FileInfo'"; and a value
/// that looks like an option (<c>--save --epochs</c>), which would otherwise name a file "--epochs".
/// </summary>
/// <remarks>Applied once to the whole command tree, like <see cref="StrictNumbers"/>.</remarks>
internal static class StrictPaths
{
    /// <summary>Sets the parser on every FileInfo and DirectoryInfo option (nullable or not) under <paramref name="root"/>.</summary>
    public static void Apply(Command root)
    {
        foreach (Option option in root.Options)
        {
            switch (option)
            {
                case Option<FileInfo?> o when o.CustomParser is null: o.CustomParser = r => Parse(r, o.Name, "a file name", t => new FileInfo(t)); break;
                case Option<DirectoryInfo?> o when o.CustomParser is null: o.CustomParser = r => Parse(r, o.Name, "a folder name", t => new DirectoryInfo(t)); break;
                default: break;
            }
        }
        foreach (Command command in root.Subcommands)
        {
            Apply(command);
        }
    }

    private static T? Parse<T>(ArgumentResult result, string name, string what, Func<string, T> create)
        where T : class
    {
        string text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[^1].Value;
        if (string.IsNullOrWhiteSpace(text))
        {
            result.AddError($"{name} needs {what} (got {(text.Length == 0 ? "an empty one" : "only spaces")}).");
            return null;
        }
        if (text.Length > 1 && text[0] == '-' && (text[1] == '-' || char.IsAsciiLetter(text[1])))
        {
            result.AddError($"{name} needs {what} but got {EdgeNet.IO.UserText.Quote(text)}, which looks like an option; for a file of that name write ./{EdgeNet.IO.UserText.Escape(text)}.");
            return null;
        }
        return create(text);
    }
}
