using System.CommandLine;
using EdgeNet.Cli.Input;
using EdgeNet.Data;
using EdgeNet.Diagnostics;
using EdgeNet.Layers;
using EdgeNet.Training;

namespace EdgeNet.Cli.Commands;

/// <summary><c>edgenet gradcheck</c>: backpropagation's gradients against central finite differences.</summary>
internal static class GradcheckCommand
{
    public static Command Create(CliContext context)
    {
        var seed = new Option<uint>("--seed") { HelpName = "N", Description = "Seed for the data and the initial weights.", DefaultValueFactory = _ => 42 };
        var hidden = new Option<string>("--hidden") { HelpName = "SIZES", Description = "Hidden layer sizes, e.g. 8 or 16,8.", DefaultValueFactory = _ => "8" };
        var samples = new Option<int>("--samples") { HelpName = "N", Description = "Training samples in the checked batch.", DefaultValueFactory = _ => 10 };
        var epsilon = new Option<double>("--epsilon") { HelpName = "X", Description = "Step ε of the finite difference (L(θ+ε) − L(θ−ε)) / 2ε.", DefaultValueFactory = _ => 1e-5 };
        var tolerance = new Option<double>("--tolerance") { HelpName = "X", Description = "Largest relative error accepted.", DefaultValueFactory = _ => 1e-6 };
        var command = new Command("gradcheck", "Check every analytic gradient against a finite difference.") { seed, hidden, samples, epsilon, tolerance };
        var network = new NetworkOptions();
        network.AddTo(command);
        command.SetAction(parse => EdgeNetCli.Guard(context, () =>
        {
            int count = parse.GetValue(samples);
            double eps = parse.GetValue(epsilon);
            double limit = parse.GetValue(tolerance);
            if (count < 1)
            {
                throw new UsageException($"--samples must be at least 1 (got {count}).");
            }
            if (!double.IsFinite(eps) || eps <= 0 || !double.IsFinite(limit) || limit <= 0)
            {
                throw new UsageException("--epsilon and --tolerance must be finite numbers above 0.");
            }
            var options = new TrainingOptions
            {
                Seed = parse.GetValue(seed),
                TrainSamples = count,
                TestSamples = 0,
                Hidden = ValueParsing.HiddenSizes(parse.GetValue(hidden)!),
                Activation = network.ResolveActivation(parse),
                Init = network.ResolveInit(parse),
            };
            int[] sizes = [TutorialPatches.Size * TutorialPatches.Size, .. options.Hidden, GeneratedData.Tutorial.ClassNames.Count];
            Limits.CheckNetwork(sizes);
            OptionLimits.GradientCheck(sizes, count);                    // before the data and the network are made
            var setup = SeededSetup<double>.Create(options);
            IReadOnlyList<ParameterGradient> results = GradientCheck.Run(setup.Network, setup.Train.Features, setup.Train.Labels, eps);
            context.Out.WriteLine(FormattableString.Invariant(
                $"{setup.Network.Inputs}→{string.Join("→", setup.Network.Layers.Select(l => l.Outputs))} network, {HiddenActivations.Name(options.Activation)} hidden layers, {WeightInits.Name(options.Init)} initial weights, seed {options.Seed}, {count} samples, ε {eps:G3}"));
            return Print(context, results, limit);
        }));
        return command;
    }

    private static int Print(CliContext context, IReadOnlyList<ParameterGradient> results, double tolerance)
    {
        TextWriter output = context.Out;
        output.WriteLine(FormattableString.Invariant($"{"parameter",-10} {"index",-9} {"analytic",15} {"numeric",15} {"rel. error",11}"));
        foreach (ParameterGradient r in results)
        {
            output.WriteLine(FormattableString.Invariant($"{r.Parameter,-10} {r.Index,-9} {r.Analytic,15:E6} {r.Numeric,15:E6} {r.RelativeError,11:E2}"));
        }
        output.WriteLine();
        foreach (IGrouping<string, ParameterGradient> group in results.GroupBy(r => r.Parameter))
        {
            output.WriteLine(FormattableString.Invariant($"{group.Key,-4} {group.Count(),4} values, largest relative error {group.Max(r => r.RelativeError):E2}"));
        }
        ParameterGradient worst = results.MaxBy(r => r.RelativeError)!;
        bool passed = worst.RelativeError <= tolerance;
        output.WriteLine(FormattableString.Invariant(
            $"Largest relative error: {worst.RelativeError:E2} at {worst.Parameter}{worst.Index} (tolerance {tolerance:E0}): {(passed ? "PASS" : "FAIL")}"));
        if (passed)
        {
            return ExitCodes.Success;
        }
        context.Error.WriteLine(FormattableString.Invariant($"edgenet: gradient check failed: relative error {worst.RelativeError:E2} at {worst.Parameter}{worst.Index} is above {tolerance:E0}."));
        return ExitCodes.Failure;
    }
}
