using System.CommandLine;
using EdgeNet.Cli.Output;
using EdgeNet.Imaging;

namespace EdgeNet.Cli.Commands;

/// <summary><c>edgenet scene</c>: draws a test picture with known edges, to try <c>edgenet scan</c> without a photo.</summary>
internal static class SceneCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<FileInfo>("--out") { HelpName = "FILE.png", Description = "The PNG to write.", Required = true };
        var width = new Option<int>("--width") { HelpName = "N", Description = "Pixels across (16 to 4096).", DefaultValueFactory = _ => SyntheticScene.DefaultWidth };
        var height = new Option<int>("--height") { HelpName = "N", Description = "Pixels down (16 to 4096).", DefaultValueFactory = _ => SyntheticScene.DefaultHeight };
        var noise = new Option<double>("--noise") { HelpName = "SIGMA", Description = "σ of the Gaussian noise on every pixel.", DefaultValueFactory = _ => 0.02 };
        var seed = new Option<uint>("--seed") { HelpName = "N", Description = "Seed of the noise.", DefaultValueFactory = _ => 1 };
        var command = new Command("scene", "Draw a test picture with known edges (a rectangle, a disc, a triangle, a bar on a shaded background).") { output, width, height, noise, seed };
        command.SetAction(parse => EdgeNetCli.Guard(context, () =>
        {
            string path = OutputPath.Check(parse.GetValue(output)!, "--out")!;
            int w = parse.GetValue(width), h = parse.GetValue(height);
            double sigma = parse.GetValue(noise);
            if (w is < 16 or > 4096 || h is < 16 or > 4096)
            {
                throw new UsageException($"--width and --height must be from 16 to 4096 (got {w}×{h}).");
            }
            if (!double.IsFinite(sigma) || sigma < 0 || sigma > 0.5)
            {
                throw new UsageException($"--noise must be from 0 to 0.5 (got {sigma}).");
            }
            PngFile.Write(path, SyntheticScene.Png(w, h, parse.GetValue(seed), sigma));
            context.Out.WriteLine($"Scene written to {path} ({w}×{h})");
            return ExitCodes.Success;
        }));
        return command;
    }
}
