using System.CommandLine;
using EdgeNet.Cli.Input;
using EdgeNet.Cli.Output;
using EdgeNet.Data;
using EdgeNet.Models;
using EdgeNet.Plots;
using EdgeNet.Plots.Training;
using EdgeNet.Text;
using EdgeNet.Training;

namespace EdgeNet.Cli.Commands;

/// <summary><c>edgenet train</c>: with no options, the tutorial's complete "Try it yourself" program.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var generated = new GeneratedDataOptions();
        var hidden = new Option<string>("--hidden") { HelpName = "SIZES", Description = "Hidden layer sizes, input side first: 8 gives 25→8→2, 16,8 gives 25→16→8→2.", DefaultValueFactory = _ => "8" };
        var epochs = new Option<int>("--epochs") { HelpName = "N", Description = "Passes over the training data (with --dataset varied: 30).", DefaultValueFactory = _ => 100 };
        var learningRate = new Option<double>("--lr") { HelpName = "X", Description = "Learning rate α in W ← W − α·dL/dW.", DefaultValueFactory = _ => 0.1 };
        var batchSize = new Option<int>("--batch-size") { HelpName = "N", Description = "Samples per update (gradient = mean over the batch); 1 is the tutorial's loop.", DefaultValueFactory = _ => 1 };
        var shuffle = new Option<bool>("--shuffle") { Description = "Visit the samples in a new random order each epoch (np.random.permutation)." };
        var save = new Option<FileInfo?>("--save") { HelpName = "FILE", Description = "Save the trained model to this JSON file." };
        var metrics = new Option<FileInfo?>("--metrics") { HelpName = "FILE", Description = "Write per-epoch metrics to this CSV file." };
        var precision = new Option<string>("--precision") { HelpName = "f32|f64", Description = "Number type of the network: f64 (double, the default; matches NumPy) or f32 (float, faster).", DefaultValueFactory = _ => "f64" };
        precision.AcceptOnlyFromAmong("f32", "f64");
        var plots = new Option<DirectoryInfo?>("--plots") { HelpName = "DIR", Description = "Draw the figures into this folder as the training runs: loss, accuracy, hidden neurons, output weights, confusion matrix, test gallery." };
        var format = FigureOptions.Format();
        var reference = new Option<bool>("--reference") { Description = "Run the reference pass (the plain loops of src/EdgeNet/Reference/ReferencePass.cs) instead of the fast kernels: the numbers every fast path is tested against; slower." };
        var explain = new Option<bool>("--explain") { Description = "Before training, print which code runs the training steps and the test-set evaluation, and why." };
        var logEvery = new Option<int>("--log-every") { HelpName = "N", Description = "Print the loss every N epochs (0: never).", DefaultValueFactory = _ => 20 };

        var optimizer = new OptimizerOptions();
        var network = new NetworkOptions();

        var command = new Command("train", "Train a network; with no options, the tutorial's run (seed 42, 25→8→2, 100 epochs, lr 0.1).");
        data.AddTo(command);
        generated.AddTo(command);
        optimizer.AddTo(command);
        network.AddTo(command);
        foreach (Option option in new Option[] { hidden, epochs, learningRate, batchSize, shuffle, precision, save, metrics, plots, format, logEvery, reference, explain })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => EdgeNetCli.Guard(context, () =>
        {
            GeneratedData source = generated.Resolve(parse);
            bool varied = source.Varied is not null;
            var options = new TrainingOptions
            {
                Seed = parse.GetValue(data.Seed),
                TrainSamples = varied && !GeneratedDataOptions.Given(parse, data.TrainSamples) ? VariedDefaults.TrainSamples : parse.GetValue(data.TrainSamples),
                TestSamples = varied && !GeneratedDataOptions.Given(parse, data.TestSamples) ? VariedDefaults.TestSamples : parse.GetValue(data.TestSamples),
                Hidden = ValueParsing.HiddenSizes(parse.GetValue(hidden)!),
                Epochs = varied && !GeneratedDataOptions.Given(parse, epochs) ? VariedDefaults.Epochs : parse.GetValue(epochs),
                LearningRate = parse.GetValue(learningRate),
                BatchSize = parse.GetValue(batchSize),
                Shuffle = parse.GetValue(shuffle),
                Optimizer = optimizer.Resolve(parse),
                Activation = network.ResolveActivation(parse),
                Init = network.ResolveInit(parse),
            };
            // Every output checked before any work: none may be an input, none another output, none a device.
            var plan = new OutputPlan();
            plan.Input(parse.GetValue(data.Data), "--data");
            plan.Input(parse.GetValue(data.TestData), "--test-data");
            FigureFormat figureFormat = FigureOptions.Parse(parse.GetValue(format));
            var request = new TrainRequest(
                options,
                source,
                parse.GetValue(data.Data),
                parse.GetValue(data.TestData),
                plan.Output(parse.GetValue(save), "--save"),
                plan.Output(parse.GetValue(metrics), "--metrics"),
                parse.GetValue(logEvery))
            {
                Format = figureFormat,
                PlotsFolder = plan.Folder(parse.GetValue(plots), "--plots", TrainingFigures<double>.Names.Select(n => n + FigureFile.Extension(figureFormat))),
                Plan = plan,
                Reference = parse.GetValue(reference),
                Explain = parse.GetValue(explain),
            };
            return parse.GetValue(precision) == "f32" ? Run<float>(context, request) : Run<double>(context, request);
        }));
        return command;
    }

    private static int Run<T>(CliContext context, TrainRequest request)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        TrainingOptions options = request.Options;
        options.Validate();
        if (request.LogEvery < 0)
        {
            throw new UsageException($"--log-every must be 0 or more (got {request.LogEvery}).");
        }
        GeneratedData generated = request.Generated;
        if (generated.Varied is not null && (request.Data is not null || request.TestData is not null))
        {
            throw new UsageException("--dataset varied generates its own patches; leave out --data and --test-data (or leave out --dataset varied).");
        }
        Dataset? trainFile = DataOptions.LoadCsv(request.Data, Dataset.EdgeClasses);
        Dataset? testFile = DataOptions.LoadCsv(request.TestData, Dataset.EdgeClasses, trainFile?.FeatureCount);
        var setup = SeededSetup<T>.Create(options, generated, trainFile, testFile);
        OptionLimits.Batch(setup.Network, options.BatchSize, setup.Train.Count);   // before anything is printed or written
        if (request.SavePath is not null)
        {
            OptionLimits.Savable(setup.Network);
        }
        request.Plan.CreateFolders();
        Network<T> network = setup.Network;
        network.Threads = Environment.ProcessorCount;                  // large batches: the numbers do not change
        network.UseReferenceKernels = request.Reference;
        TextWriter output = context.Out;
        if (request.Explain)
        {
            PlanText.Write(output, network, Math.Min(options.BatchSize, setup.Train.Count), setup.Test?.Count ?? 0);
        }
        if (generated.Varied is not null)
        {
            output.WriteLine($"Data: {generated}, {options.TrainSamples} training and {options.TestSamples} test patches (seed {options.Seed})");
        }

        output.WriteLine($"Training {network.Layers.Count}-layer network: {NetworkText.Shape(network)}");
        var metrics = new MetricsCsv();
        var listeners = new List<IProgress<EpochStats>> { new TrainingReporter(output, request.LogEvery), metrics };
        if (request.PlotsFolder is { } plotsFolder)
        {
            listeners.Add(new TrainingFigures<T>(network, setup.Train, setup.Test, plotsFolder, request.Format));
        }
        ConsoleProgress.Run(context, options.Epochs, live =>
            Trainer.Train(network, setup.Train, setup.Test, options, setup.Random, new ProgressFanOut<EpochStats>(live is null ? listeners : [.. listeners, live])));

        output.WriteLine();
        if (setup.Test is { } test)
        {
            Evaluation result = Evaluation.Of(network, test);
            output.WriteLine(FormattableString.Invariant($"Test Accuracy: {result.Correct}/{result.Count} = {100.0 * result.Correct / result.Count:F1}%"));
        }
        else
        {
            output.WriteLine("No test set (give --test-data FILE to evaluate on held-out patches).");
        }
        output.WriteLine();
        string hiddenText = string.Join(", ", network.HiddenSizes);
        output.WriteLine(network.HiddenSizes.Length == 1
            ? $"Hidden layer: {hiddenText} neurons, each looking for a different pattern"
            : $"Hidden layers: {hiddenText} neurons, each building on the patterns of the layer before");
        output.WriteLine($"Output layer: combines hidden features to classify {string.Join(" vs ", setup.Train.ClassNames.Select(n => n.Replace(' ', '-')))}");
        output.WriteLine();
        output.WriteLine($"Total parameters: {network.ParameterCount} = {NetworkText.ParameterSum(network)}");

        if (request.MetricsPath is { } metricsPath)
        {
            metrics.Save(metricsPath);
            output.WriteLine($"Metrics written to {metricsPath}");
        }
        if (request.PlotsFolder is { } figuresFolder)
        {
            output.WriteLine($"Figures written to {figuresFolder}");
        }
        if (request.SavePath is { } savePath)
        {
            string source = request.Data is null ? generated.Name : request.Data.Name;
            ModelFile.Save(new Model(network.ConvertTo<double>(), setup.Train.ClassNames, new TrainingRecord(options, source, request.Data is null ? generated.Varied : null)), savePath);
            output.WriteLine($"Model saved to {savePath}");
        }
        return ExitCodes.Success;
    }

    private sealed record TrainRequest(TrainingOptions Options, GeneratedData Generated, FileInfo? Data, FileInfo? TestData, string? SavePath, string? MetricsPath, int LogEvery)
    {
        public string? PlotsFolder { get; init; }

        public FigureFormat Format { get; init; }

        public required OutputPlan Plan { get; init; }

        public bool Reference { get; init; }

        public bool Explain { get; init; }
    }
}
