using System.CommandLine;
using EdgeNet.Cli.Input;
using EdgeNet.Cli.Output;
using EdgeNet.Data;
using EdgeNet.Models;
using EdgeNet.Text;

namespace EdgeNet.Cli.Commands;

/// <summary>
/// <c>edgenet predict</c>: the forward pass traced as in the tutorial's Part 1. Without a model it uses Part 1's
/// random weights (seed 123: W1 = randn(25,8)·0.3, then W2 = randn(8,2)·0.3); without a patch, Part 1's edge.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(CliContext context)
    {
        var model = ModelOption.Create(required: false);
        var patch = new Option<string?>("--patch") { HelpName = "PIXELS", Description = "The pixel values, row by row, separated by commas or spaces (default: Part 1's edge)." };
        var seed = new Option<uint>("--seed") { HelpName = "N", Description = "Without --model: seed of Part 1's random weights.", DefaultValueFactory = _ => TutorialExamples.ForwardTraceSeed };
        var hidden = new Option<string>("--hidden") { HelpName = "SIZES", Description = "Without --model: hidden layer sizes.", DefaultValueFactory = _ => "8" };
        var command = new Command("predict", "Trace one patch through the network, as the tutorial's Part 1 does.") { model, patch, seed, hidden };
        command.SetAction(parse => EdgeNetCli.Guard(context, () =>
        {
            FileInfo? file = parse.GetValue(model);
            int[] hiddenSizes = ValueParsing.HiddenSizes(parse.GetValue(hidden)!);   // checked even where --model makes it unused
            Network<double> network;
            IReadOnlyList<string> classes;
            if (file is not null)
            {
                Model loaded = ModelOption.Load(file);
                (network, classes) = (loaded.Network, loaded.ClassNames);
            }
            else
            {
                network = Network<double>.Create(TutorialPatches.Size * TutorialPatches.Size, hiddenSizes, 2);
                network.InitializeLikeTutorial(new NumpyRandom(parse.GetValue(seed)));
                classes = Dataset.EdgeClasses;
            }
            string? text = parse.GetValue(patch);
            double[] x = text is null ? TutorialExamples.ForwardTraceEdge() : ValueParsing.Pixels(text, "--patch");
            if (x.Length != network.Inputs)
            {
                throw new UsageException($"--patch has {x.Length} values but the model takes {network.Inputs} pixels.");
            }
            string? note = text is null ? "This is an EDGE: dark on left, bright on right" : null;
            context.Out.Write(ForwardTraceText.Format(network, x, classes, note));
            if (file is null)
            {
                context.Out.WriteLine("  (Random weights - prediction may be wrong!)");
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
