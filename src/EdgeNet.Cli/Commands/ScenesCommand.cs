using System.CommandLine;
using System.Globalization;
using EdgeNet.Cli.Output;
using EdgeNet.Imaging;
using EdgeNet.Scenes;

namespace EdgeNet.Cli.Commands;

/// <summary>
/// <c>edgenet scenes</c>: draws photo-like scenes with exact boundaries, a boundary benchmark's two folders:
/// <c>DIR/images/NAME.png</c> and <c>DIR/truth/NAME.png</c> (255 on boundary pixels).
/// </summary>
internal static class ScenesCommand
{
    /// <summary>The most scenes one command draws.</summary>
    public const int MaxCount = 10_000;

    public static Command Create(CliContext context)
    {
        var outDir = new Option<DirectoryInfo>("--out-dir") { HelpName = "DIR", Description = "Where DIR/images/NAME.png and DIR/truth/NAME.png go (created if missing; same names are replaced).", Required = true };
        var count = new Option<int>("--count") { HelpName = "N", Description = $"How many scenes (1 to {MaxCount}).", DefaultValueFactory = _ => 20 };
        var seed = new Option<uint>("--seed") { HelpName = "S", Description = "Seed of the set: scene i is drawn from its own stream of S, whatever --count.", DefaultValueFactory = _ => 1 };
        var size = new Option<string>("--size") { HelpName = "WxH", Description = $"Pixels across and down, {SceneGenerator.MinSide} to {SceneGenerator.MaxSide} (default BSDS's {SceneGenerator.DefaultWidth}x{SceneGenerator.DefaultHeight}).", DefaultValueFactory = _ => $"{SceneGenerator.DefaultWidth}x{SceneGenerator.DefaultHeight}" };
        var command = new Command("scenes", "Draw photo-like scenes with exact boundary truth (images/ and truth/), for edgenet evaluate and boundary training.") { outDir, count, seed, size };
        command.SetAction(parse => EdgeNetCli.Guard(context, () =>
        {
            int n = parse.GetValue(count);
            if (n is < 1 or > MaxCount)
            {
                throw new UsageException($"--count must be from 1 to {MaxCount} (got {n}).");
            }
            (int width, int height) = ParseSize(parse.GetValue(size)!);
            uint s = parse.GetValue(seed);
            var plan = new OutputPlan();
            string root = plan.Folder(parse.GetValue(outDir), "--out-dir", [])!;
            plan.CreateFolders();
            string images = Directory.CreateDirectory(Path.Combine(root, "images")).FullName;
            string truth = Directory.CreateDirectory(Path.Combine(root, "truth")).FullName;
            for (int i = 0; i < n; i++)
            {
                Scene scene = SceneGenerator.Draw(s, i, width, height);
                string name = Name(i) + ".png";
                PngFile.Write(Path.Combine(truth, name), SceneImages.TruthPng(scene));
                PngFile.Write(Path.Combine(images, name), SceneImages.PicturePng(scene));
            }
            context.Out.WriteLine($"{n} scenes ({width}×{height}, seed {s}) written to {images} and {truth}");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The file name (without .png) of scene <paramref name="index"/>.</summary>
    public static string Name(int index) => string.Create(CultureInfo.InvariantCulture, $"scene-{index:D4}");

    private static (int Width, int Height) ParseSize(string text)
    {
        string[] parts = text.Split('x', 'X', '×');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int w)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            && w is >= SceneGenerator.MinSide and <= SceneGenerator.MaxSide && h is >= SceneGenerator.MinSide and <= SceneGenerator.MaxSide)
        {
            return (w, h);
        }
        throw new UsageException($"--size must be WxH with each side from {SceneGenerator.MinSide} to {SceneGenerator.MaxSide} (got '{text}').");
    }
}
