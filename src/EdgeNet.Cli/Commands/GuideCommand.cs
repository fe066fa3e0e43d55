using System.CommandLine;
using EdgeNet.Plots;
using EdgeNet.Plots.Guide;

namespace EdgeNet.Cli.Commands;

/// <summary><c>edgenet guide --out DIR</c>: the tutorial as a visual guide, every figure and number computed now.</summary>
internal static class GuideCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            HelpName = "DIR",
            Description = "Folder for index.html and its figures (created when missing).",
            Required = true,
        };
        var format = FigureOptions.Format();
        var command = new Command("guide", "Write the visual guide: the tutorial's Parts 1–8, a section beyond its toy patches, and the appendix, every figure and number computed by the engine, readable offline.");
        command.Options.Add(output);
        command.Options.Add(format);
        command.SetAction(parse => EdgeNetCli.Guard(context, () =>
        {
            FigureFormat figures = FigureOptions.Parse(parse.GetValue(format));
            string folder = FigureOptions.Folder(parse.GetValue(output), "--out")!;
            GuideResult result = GuideWriter.Write(folder, figures);
            context.Out.WriteLine($"Guide written to {result.IndexPath} ({result.Figures.Count} figures, {result.Numbers.Count} computed numbers).");
            context.Out.WriteLine($"Open it in a browser: file://{result.IndexPath}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
