using System.Globalization;
using EdgeNet.Cli.Input;
using EdgeNet.Data;
using EdgeNet.Models;
using EdgeNet.Training;

namespace EdgeNet.Cli.Commands;

/// <summary>The network, example and label of <c>edgenet step</c>, resolved from its options, and how to describe them.</summary>
internal sealed record StepSetup(Network<double> Network, IReadOnlyList<string> ClassNames, double[] Example, int Label, string ModelDescription, string ExampleDescription)
{
    public static StepSetup Create(StepCommand.StepRequest request)
    {
        if (request.RandomPatch)
        {
            return Drawn(request);
        }
        double[] example = request.Patch is null ? TutorialExamples.ForwardTraceEdge() : ValueParsing.Pixels(request.Patch, "--patch");
        if (request.Patch is not null && request.Label is null)
        {
            throw new UsageException("--patch needs --label: the class the patch really is (0 or Edge, 1 or \"No Edge\").");
        }
        (Network<double> network, IReadOnlyList<string> classes, string description) = request.Model is { } file
            ? Loaded(file)
            : Fresh(example.Length, ValueParsing.HiddenSizes(request.Hidden), request.Seed);
        if (example.Length != network.Inputs)
        {
            throw new UsageException($"--patch has {example.Length} values but the model takes {network.Inputs} pixels.");
        }
        int label = request.Label is null ? TutorialExamples.ForwardTraceEdgeLabel : ParseLabel(request.Label, classes);
        string exampleDescription = request.Patch is null ? "Part 1's perfect edge (every row 0.1 0.1 0.5 0.9 0.9)" : "the --patch given";
        return new StepSetup(network, classes, example, label, description, exampleDescription);
    }

    /// <summary>A class number (0, 1, …) or name ("Edge", "No Edge", "no-edge"), checked against the model's classes.</summary>
    public static int ParseLabel(string text, IReadOnlyList<string> classes)
    {
        string choices = string.Join(", ", classes.Select((name, i) => $"{i} ({name})"));
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int number))
        {
            return number >= 0 && number < classes.Count
                ? number
                : throw new UsageException($"--label {number} is out of range: the classes are {choices}.");
        }
        for (int i = 0; i < classes.Count; i++)
        {
            if (Simplify(classes[i]) == Simplify(text))
            {
                return i;
            }
        }
        throw new UsageException($"--label '{text}' is not a class: the classes are {choices}.");
    }

    // "No Edge", "no-edge", "NO_EDGE", "noedge" are one name.
    private static string Simplify(string name) => new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static (Network<double>, IReadOnlyList<string>, string) Loaded(FileInfo file)
    {
        Model model = ModelOption.Load(file);
        return (model.Network, model.ClassNames, $"loaded from {file.Name}");
    }

    private static (Network<double>, IReadOnlyList<string>, string) Fresh(int inputs, int[] hidden, uint seed)
    {
        var network = Network<double>.Create(inputs, hidden, Dataset.EdgeClasses.Count);
        network.InitializeLikeTutorial(new NumpyRandom(seed));                 // np.random.seed(seed); W = randn·0.3, b = 0
        bool part1 = seed == TutorialExamples.ForwardTraceSeed && inputs == 25 && hidden is [8];
        return (network, Dataset.EdgeClasses, (part1 ? "Part 1's random start" : "fresh random weights") + $" ({Draws(network, seed)})");
    }

    // --random-patch: the tutorial's order, seed → make_data(1) → weights, i.e. the first step of 'train --train-samples 1'.
    private static StepSetup Drawn(StepCommand.StepRequest request)
    {
        if (request.Patch is not null || request.Label is not null)
        {
            throw new UsageException("--random-patch draws the example and its label; leave out --patch and --label.");
        }
        Network<double> network;
        IReadOnlyList<string> classes;
        Dataset sample;
        string description;
        if (request.Model is { } file)
        {
            (network, classes, description) = Loaded(file);
            sample = TutorialPatches.Generate(new NumpyRandom(request.Seed), 1);
            if (sample.FeatureCount != network.Inputs)
            {
                throw new UsageException($"--random-patch draws 5×5 patches but the model takes {network.Inputs} pixels.");
            }
        }
        else
        {
            var options = new TrainingOptions { Seed = request.Seed, TrainSamples = 1, TestSamples = 0, Hidden = ValueParsing.HiddenSizes(request.Hidden) };
            var setup = SeededSetup<double>.Create(options);
            (network, classes, sample) = (setup.Network, setup.Train.ClassNames, setup.Train);
            description = $"fresh random weights drawn after the patch ({Draws(network, request.Seed)})";
        }
        string exampleDescription = $"a patch drawn by the tutorial's make_data (seed {request.Seed})";
        return new StepSetup(network, classes, sample.Sample(0).ToArray(), sample.Labels[0], description, exampleDescription);
    }

    private static string Draws(Network<double> network, uint seed) =>
        $"seed {seed}: " + string.Join(", ", network.Layers.Select((l, i) => $"W{i + 1} = randn({l.Inputs},{l.Outputs})·0.3")) + ", zero biases";
}
