using System.CommandLine;
using EdgeNet.Cli.Input;
using EdgeNet.Cli.Output;
using EdgeNet.Data;
using EdgeNet.Diagnostics;
using EdgeNet.Layers;
using EdgeNet.Models;
using EdgeNet.Optimizers;
using EdgeNet.Text;
using EdgeNet.Training;

namespace EdgeNet.Cli.Commands;

/// <summary>
/// <c>edgenet step</c>: one SGD update on one example with every number beside its formula and tutorial part.
/// Without a model it starts from Part 1's random weights (seed 123); without a patch, from Part 1's perfect edge.
/// </summary>
internal static class StepCommand
{
    /// <summary>The most updates <c>--steps</c> shows (each prints a table per layer).</summary>
    public const int MaxSteps = 100;

    public static Command Create(CliContext context)
    {
        var model = ModelOption.Create(required: false);
        var seed = new Option<uint>("--seed") { HelpName = "N", Description = "Without --model: seed of the random weights (Part 1: W = randn·0.3, b = 0).", DefaultValueFactory = _ => TutorialExamples.ForwardTraceSeed };
        var hidden = new Option<string>("--hidden") { HelpName = "SIZES", Description = "Without --model: hidden layer sizes, e.g. 8 or 16,8.", DefaultValueFactory = _ => "8" };
        var patch = new Option<string?>("--patch") { HelpName = "PIXELS", Description = "The example's pixel values, row by row, separated by commas or spaces (needs --label)." };
        var label = new Option<string?>("--label") { HelpName = "CLASS", Description = "The example's true class: its number (0, 1) or name (Edge, \"No Edge\"). Default for Part 1's edge: Edge." };
        var randomPatch = new Option<bool>("--random-patch") { Description = "Draw the example with the tutorial's make_data from --seed, then the weights: the first update of 'edgenet train --seed N --train-samples 1'." };
        var learningRate = new Option<double>("--lr") { HelpName = "X", Description = "Learning rate α in W ← W − α·dL/dW.", DefaultValueFactory = _ => 0.1 };
        var full = new Option<bool>("--full") { Description = "Show every value of every matrix (all 200 of W1), not just the first rows and columns." };
        var save = new Option<FileInfo?>("--save-updated") { HelpName = "FILE", Description = "Save the network after the update to this model file." };
        var optimizer = new OptimizerOptions();
        var steps = new Option<int?>("--steps") { HelpName = "N", Description = "With an optimizer: N updates in a row on the example, the optimizer's state before and after each (default 1)." };
        var command = new Command("step", "Show one SGD update on one example: every number next to its formula and the tutorial part that explains it; with --optimizer, the optimizer's state before and after each update.")
        {
            model, seed, hidden, patch, label, randomPatch, learningRate, full, save, steps,
        };
        optimizer.AddTo(command);
        var network = new NetworkOptions();
        network.AddTo(command);
        command.SetAction(parse => EdgeNetCli.Guard(context, () =>
        {
            ValueParsing.HiddenSizes(parse.GetValue(hidden)!);          // a typo in --hidden is refused even where --model makes it unused
            var plan = new OutputPlan();
            plan.Input(parse.GetValue(model), "--model");
            var request = new StepRequest(
                parse.GetValue(model), parse.GetValue(seed), parse.GetValue(hidden)!, parse.GetValue(patch), parse.GetValue(label),
                parse.GetValue(randomPatch), parse.GetValue(learningRate), parse.GetValue(full), plan.Output(parse.GetValue(save), "--save-updated"))
            {
                Optimizer = GeneratedDataOptions.Given(parse, optimizer.Optimizer) || parse.GetValue(steps) is not null ? optimizer.Resolve(parse) : null,
                Steps = parse.GetValue(steps) ?? 1,
                Activation = network.ResolveActivation(parse),
                ActivationGiven = GeneratedDataOptions.Given(parse, network.Activation),
                Init = network.ResolveInit(parse),
                InitGiven = GeneratedDataOptions.Given(parse, network.Init),
            };
            if (request.Optimizer is null)
            {
                optimizer.Resolve(parse);                                  // settings without --optimizer: the same checks (sgd uses none)
            }
            return Run(context, request);
        }));
        return command;
    }

    private const string WarningPrefix = "WARNING: ";

    private static int Run(CliContext context, StepRequest request)
    {
        double alpha = request.LearningRate;
        if (!double.IsFinite(alpha) || alpha <= 0)
        {
            throw new UsageException($"--lr must be a finite number above 0 (got {alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
        }
        if (request.Steps is < 1 or > MaxSteps)
        {
            throw new UsageException($"--steps must be between 1 and {MaxSteps} (got {request.Steps}).");
        }
        StepSetup setup = StepSetup.Create(request);
        var options = new StepTextOptions(setup.ClassNames, setup.ModelDescription, setup.ExampleDescription, request.Full);
        if (request.Optimizer is { } settings)
        {
            OptimizerTrace updates = OptimizerTrace.Record(setup.Network, setup.Example, setup.Label, settings, alpha, request.Steps);
            options = options with { ExampleDescription = $"{setup.ExampleDescription}, label {setup.ClassNames[setup.Label]} ({setup.Label})" };
            context.Out.Write(OptimizerTraceText.Format(updates, options));
            Save(context, request, setup, lossAfter: null);
            return ExitCodes.Success;
        }
        StepTrace trace = StepTrace.Record(setup.Network, setup.Example, setup.Label, alpha);
        context.Out.Write(StepTraceText.Format(trace, options));
        bool refused = request.SavePath is not null && !double.IsFinite(trace.LossAfter);
        if (!trace.LossDecreased && !refused)                       // a refused save says it all in its own one line
        {
            string verdict = StepTraceText.Verdict(trace);
            ErrorLine.Write(context.Error, "warning: " + (verdict.StartsWith(WarningPrefix, StringComparison.Ordinal) ? verdict[WarningPrefix.Length..] : verdict));
        }
        Save(context, request, setup, trace.LossAfter);
        return ExitCodes.Success;
    }

    // A model whose weights overflowed (loss after the step not finite, or a weight not finite) is never saved.
    private static void Save(CliContext context, StepRequest request, StepSetup setup, double? lossAfter)
    {
        if (request.SavePath is { } path)
        {
            if (lossAfter is double loss && !double.IsFinite(loss))
            {
                throw new InvalidDataException(FormattableString.Invariant(
                    $"the update overflowed: the loss after the step is {loss}, so the updated model was not saved. Use a smaller --lr (got {request.LearningRate:G6})."));
            }
            ModelFile.Save(new Model(setup.Network, setup.ClassNames, Training: null), path);
            context.Out.WriteLine($"Updated model saved to {path}");
        }
    }

    internal sealed record StepRequest(FileInfo? Model, uint Seed, string Hidden, string? Patch, string? Label, bool RandomPatch, double LearningRate, bool Full, string? SavePath)
    {
        /// <summary>The rule to show, with its state; null for the classic SGD trace of every number.</summary>
        public OptimizerSettings? Optimizer { get; init; }

        /// <summary>Updates in a row (with an optimizer).</summary>
        public int Steps { get; init; } = 1;

        /// <summary>Without a model: the hidden layers' function (train's <c>--activation</c>).</summary>
        public HiddenActivation Activation { get; init; } = HiddenActivation.Relu;

        /// <summary><c>--activation</c> was typed: with a model it must be the model's.</summary>
        public bool ActivationGiven { get; init; }

        /// <summary>Without a model: how the fresh weights are scaled (train's <c>--init</c>).</summary>
        public WeightInit Init { get; init; } = WeightInit.Tutorial;

        /// <summary><c>--init</c> was typed: a model's weights are not drawn, so it may not come with one.</summary>
        public bool InitGiven { get; init; }
    }
}
