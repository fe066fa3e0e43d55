using System.CommandLine;
using EdgeNet.Plots;

namespace EdgeNet.Cli.Commands;

/// <summary>The options shared by commands that draw figures: where, and in which format.</summary>
internal static class FigureOptions
{
    /// <summary><c>--format png|svg</c>, PNG by default.</summary>
    public static Option<string> Format() => new("--format")
    {
        HelpName = "png|svg",
        Description = "Figure file format: png (default) or svg.",
        DefaultValueFactory = _ => "png",
    };

    /// <summary>The format named by <paramref name="text"/>, or a usage error.</summary>
    public static FigureFormat Parse(string? text)
    {
        try
        {
            return FigureFile.ParseFormat(text ?? "png");
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--format: {e.Message}");
        }
    }

    /// <summary>
    /// The full path of a folder for figures, created when missing (its parent must exist), or null when the
    /// option was not given. A file in the way is a usage error.
    /// </summary>
    public static string? Folder(DirectoryInfo? folder, string optionName)
    {
        if (folder is null)
        {
            return null;
        }
        if (File.Exists(folder.FullName))
        {
            throw new UsageException($"{optionName}: '{folder.FullName}' is a file; give a folder.");
        }
        string? parent = Path.GetDirectoryName(folder.FullName.TrimEnd(Path.DirectorySeparatorChar));
        if (parent is not null && !Directory.Exists(parent))
        {
            throw new UsageException($"{optionName}: the folder '{parent}' does not exist.");
        }
        Directory.CreateDirectory(folder.FullName);
        return folder.FullName;
    }
}
