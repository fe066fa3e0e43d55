using System.CommandLine;
using EdgeNet.Cli.Output;
using EdgeNet.Data;
using EdgeNet.Imaging;
using EdgeNet.Models;
using EdgeNet.Training;

namespace EdgeNet.Cli.Commands;

/// <summary>
/// <c>edgenet compare</c>: the generalisation report. Trains the tutorial's model and one on varied data (same
/// 25→8→2 network, same seed), evaluates both on held-out varied patches and on the tutorial's patches, breaks the
/// varied result down by what each patch shows, and scans the same image with both.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var seed = new Option<uint>("--seed") { HelpName = "N", Description = "Seed of both runs and of the held-out patches.", DefaultValueFactory = _ => 42 };
        var trainSamples = new Option<int>("--train-samples") { HelpName = "N", Description = "Varied training patches.", DefaultValueFactory = _ => VariedDefaults.TrainSamples };
        var epochs = new Option<int>("--epochs") { HelpName = "N", Description = "Epochs of the varied run (the tutorial's run keeps its 100).", DefaultValueFactory = _ => VariedDefaults.Epochs };
        var testSamples = new Option<int>("--test-samples") { HelpName = "N", Description = "Held-out patches of each kind of data.", DefaultValueFactory = _ => 2000 };
        var noise = new Option<double>("--noise") { HelpName = "SIGMA", Description = "σ of the varied data's noise.", DefaultValueFactory = _ => new VariedOptions().Noise };
        var image = new Option<FileInfo?>("--image") { HelpName = "FILE", Description = "Also scan this PNG or JPEG with both models (needs --out-dir)." };
        var outDir = new Option<DirectoryInfo?>("--out-dir") { HelpName = "DIR", Description = "Save both models here, and the maps of --image." };
        var maxPixels = new Option<long>("--max-pixels") { HelpName = "N", Description = "Refuse images with more pixels than this.", DefaultValueFactory = _ => ImageDecoder.DefaultMaxPixels };
        var command = new Command("compare", "Tutorial-trained against varied-trained: accuracy on held-out varied patches, and both scanning one image.")
        {
            seed, trainSamples, epochs, testSamples, noise, image, outDir, maxPixels,
        };
        command.SetAction(parse => EdgeNetCli.Guard(context, () =>
        {
            var request = new CompareRequest(
                parse.GetValue(seed),
                parse.GetValue(trainSamples),
                parse.GetValue(epochs),
                parse.GetValue(testSamples),
                parse.GetValue(noise),
                parse.GetValue(image),
                parse.GetValue(outDir),
                parse.GetValue(maxPixels));
            return Run(context, request);
        }));
        return command;
    }

    private static int Run(CliContext context, CompareRequest request)
    {
        string? folder = CheckOutputs(request);
        GrayImage? photo = request.Image is null ? null : ScanFiles.Decode(request.Image, request.MaxPixels);
        TextWriter output = context.Out;
        GeneratedData varied = GeneratedData.VariedWith(new VariedOptions { Noise = request.Noise });

        var tutorialOptions = new TrainingOptions { Seed = request.Seed };
        var variedOptions = new TrainingOptions { Seed = request.Seed, TrainSamples = request.TrainSamples, TestSamples = request.TestSamples, Epochs = request.Epochs };
        output.WriteLine($"Training the tutorial model: {tutorialOptions.TrainSamples} tutorial patches, {tutorialOptions.Epochs} epochs (seed {request.Seed})");
        Model tutorial = Train(context, tutorialOptions, GeneratedData.Tutorial);
        output.WriteLine($"Training the varied model: {variedOptions.TrainSamples} {varied} patches, {variedOptions.Epochs} epochs (seed {request.Seed})");
        Model variedModel = Train(context, variedOptions, varied);

        var models = new[] { ("tutorial-trained", tutorial), ("varied-trained", variedModel) };
        GeneralisationReport report = GeneralisationReport.Build(models, request.Seed, varied, request.TrainSamples, request.TestSamples);
        CompareText.PrintAccuracy(output, report);

        if (folder is not null)
        {
            ModelFile.Save(tutorial, Path.Combine(folder, "tutorial-model.json"));
            ModelFile.Save(variedModel, Path.Combine(folder, "varied-model.json"));
            output.WriteLine();
            output.WriteLine($"Models saved to {Path.Combine(folder, "tutorial-model.json")} and {Path.Combine(folder, "varied-model.json")}");
        }
        if (photo is not null)
        {
            CompareText.PrintScans(output, request.Image!.Name, CompareScans.Run(models, photo, folder!));
        }
        return ExitCodes.Success;
    }

    private static Model Train(CliContext context, TrainingOptions options, GeneratedData data) =>
        ConsoleProgress.Run(context, options.Epochs, live => ModelTraining.Train(options, data, live));

    private static string? CheckOutputs(CompareRequest request)
    {
        if (request.TrainSamples < 1 || request.TestSamples < 1 || request.Epochs < 1)
        {
            throw new UsageException("--train-samples, --test-samples and --epochs must be at least 1.");
        }
        if (request.MaxPixels < 1)
        {
            throw new UsageException($"--max-pixels must be at least 1 (got {request.MaxPixels}).");
        }
        if (request.Image is not null && request.OutDir is null)
        {
            throw new UsageException("--image needs --out-dir DIR for the maps it writes.");
        }
        if (request.OutDir is not null && !request.OutDir.Exists)
        {
            throw new UsageException($"--out-dir: the folder {EdgeNet.IO.UserText.Quote(request.OutDir.FullName)} does not exist.");
        }
        // Every file of the folder checked before the two trainings: a failure never comes after half of them.
        var plan = new OutputPlan();
        plan.Input(request.Image, "--image");
        string[] files = request.Image is null
            ? ["tutorial-model.json", "varied-model.json"]
            : ["tutorial-model.json", "varied-model.json", "tutorial-trained.png", "tutorial-trained.overlay.png", "varied-trained.png", "varied-trained.overlay.png", "sobel.png"];
        return plan.Folder(request.OutDir, "--out-dir", files);
    }

    private sealed record CompareRequest(uint Seed, int TrainSamples, int Epochs, int TestSamples, double Noise, FileInfo? Image, DirectoryInfo? OutDir, long MaxPixels);
}
