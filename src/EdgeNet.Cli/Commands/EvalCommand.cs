using System.CommandLine;
using EdgeNet.Cli.Output;
using EdgeNet.Data;
using EdgeNet.Models;
using EdgeNet.Training;

namespace EdgeNet.Cli.Commands;

/// <summary><c>edgenet eval</c>: loss, accuracy and confusion matrix of a saved model.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var model = ModelOption.Create(required: true);
        var seed = new Option<uint?>("--seed") { HelpName = "N", Description = "Seed for generated test patches (default: the model's training seed, so its own held-out set)." };
        var trainSamples = new Option<int?>("--train-samples") { HelpName = "N", Description = "Training samples drawn before the test set (default: the model's)." };
        var testSamples = new Option<int?>("--test-samples") { HelpName = "N", Description = "Generated test samples (default: the model's, or 20)." };
        var data = new Option<FileInfo?>("--data") { HelpName = "FILE", Description = "Evaluate on your own patches: CSV, label first, then the pixel values." };
        var generated = new GeneratedDataOptions(modelDefaults: true);
        var command = new Command("eval", "Evaluate a saved model: loss, accuracy, confusion matrix.") { model, seed, trainSamples, testSamples, data };
        generated.AddTo(command);
        command.SetAction(parse => EdgeNetCli.Guard(context, () =>
        {
            Model loaded = ModelOption.Load(parse.GetValue(model)!);
            FileInfo? file = parse.GetValue(data);
            Dataset dataset;
            string description;
            if (file is not null)
            {
                dataset = DataOptions.LoadCsv(file, loaded.ClassNames, loaded.Network.Inputs)!;
                description = file.Name;
            }
            else
            {
                GeneratedData source = EvalData.Resolve(parse, generated, loaded);
                bool ownData = source.Name == loaded.Training?.Data;
                TrainingOptions trained = loaded.Training?.Options ?? new TrainingOptions();
                var options = trained with
                {
                    Seed = parse.GetValue(seed) ?? trained.Seed,
                    TrainSamples = parse.GetValue(trainSamples) ?? trained.TrainSamples,
                    TestSamples = parse.GetValue(testSamples) ?? (ownData && trained.TestSamples > 0 ? trained.TestSamples : DefaultTestSamples(source)),
                };
                if (options.TestSamples < 1 || options.TrainSamples < 0 || options.TestSamples > Limits.MaxSamples || options.TrainSamples > Limits.MaxSamples)
                {
                    throw new UsageException($"--test-samples must be from 1 to {Limits.Count(Limits.MaxSamples)} and --train-samples from 0 to {Limits.Count(Limits.MaxSamples)}.");
                }
                dataset = source.HeldOutTestSet(options.Seed, options.TrainSamples, options.TestSamples);
                description = $"{options.TestSamples} held-out {source} test patches (seed {options.Seed}, after {options.TrainSamples} training patches)";
            }
            loaded.Network.Threads = Environment.ProcessorCount;        // large networks: the numbers do not change
            Evaluation result = Evaluation.Of(loaded.Network, dataset);
            if (!double.IsFinite(result.Loss))
            {
                throw new InvalidDataException(
                    $"the model gives a loss of {result.Loss.ToString(System.Globalization.CultureInfo.InvariantCulture)} on {description}: its weights are so large that the numbers overflow. Retrain it with a smaller learning rate.");
            }
            Print(context.Out, result, dataset.ClassNames, description);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static int DefaultTestSamples(GeneratedData source) => source.Varied is null ? 20 : VariedDefaults.EvalSamples;

    private static void Print(TextWriter output, Evaluation result, IReadOnlyList<string> classes, string description)
    {
        output.WriteLine($"Evaluated on {description}");
        output.WriteLine(FormattableString.Invariant($"Loss:     {result.Loss:F6}"));
        output.WriteLine(FormattableString.Invariant($"Accuracy: {result.Correct}/{result.Count} = {100 * result.Accuracy:F1}%"));
        output.WriteLine();
        output.WriteLine("Confusion matrix (rows: true class, columns: predicted):");
        output.Write(ConfusionText.Format(result.Confusion, classes));
    }
}
