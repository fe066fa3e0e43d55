using System.CommandLine;
using EdgeNet.Cli.Output;
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
    /// option was not given. A file, a device or a missing parent is a usage error (see <see cref="OutputPlan.Folder"/>).
    /// </summary>
    public static string? Folder(DirectoryInfo? folder, string optionName)
    {
        var plan = new OutputPlan();
        string? full = plan.Folder(folder, optionName, []);
        plan.CreateFolders();
        return full;
    }
}
