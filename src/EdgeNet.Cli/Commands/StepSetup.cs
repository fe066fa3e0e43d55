using System.Globalization;
using EdgeNet.Cli.Input;
using EdgeNet.Data;
using EdgeNet.Layers;
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
            ? Loaded(file, request)
            : Fresh(example.Length, ValueParsing.HiddenSizes(request.Hidden), request);
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

    // A model brings its own weights and activation: --init (which draws weights) may not come with it, and an
    // --activation may only repeat the model's.
    private static (Network<double>, IReadOnlyList<string>, string) Loaded(FileInfo file, StepCommand.StepRequest request)
    {
        if (request.InitGiven)
        {
            throw new UsageException($"--init {WeightInits.Name(request.Init)} draws fresh weights; with --model the step starts from the model's own (leave out --init).");
        }
        Model model = ModelOption.Load(file);
        HiddenActivation own = model.Network.HiddenActivation;
        if (request.ActivationGiven && request.Activation != own)
        {
            throw new UsageException(
                $"--activation {HiddenActivations.Name(request.Activation)} contradicts the model's hidden activation ({HiddenActivations.Name(own)}); leave out --activation to step the model as it is.");
        }
        return (model.Network, model.ClassNames, $"loaded from {file.Name}");
    }

    private static (Network<double>, IReadOnlyList<string>, string) Fresh(int inputs, int[] hidden, StepCommand.StepRequest request)
    {
        var network = Network<double>.Create(inputs, hidden, Dataset.EdgeClasses.Count, request.Activation);
        WeightInits.Initialize(network, new NumpyRandom(request.Seed), request.Init);   // np.random.seed(seed); W = randn·0.3 (or He, Glorot), b = 0
        bool part1 = request.Seed == TutorialExamples.ForwardTraceSeed && inputs == 25 && hidden is [8]
            && request.Activation == HiddenActivation.Relu && request.Init == WeightInit.Tutorial;
        return (network, Dataset.EdgeClasses, (part1 ? "Part 1's random start" : "fresh random weights") + $" ({Draws(network, request)})");
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
            (network, classes, description) = Loaded(file, request);
            sample = TutorialPatches.Generate(new NumpyRandom(request.Seed), 1);
            if (sample.FeatureCount != network.Inputs)
            {
                throw new UsageException($"--random-patch draws 5×5 patches but the model takes {network.Inputs} pixels.");
            }
        }
        else
        {
            var options = new TrainingOptions
            {
                Seed = request.Seed,
                TrainSamples = 1,
                TestSamples = 0,
                Hidden = ValueParsing.HiddenSizes(request.Hidden),
                Activation = request.Activation,
                Init = request.Init,
            };
            var setup = SeededSetup<double>.Create(options);
            (network, classes, sample) = (setup.Network, setup.Train.ClassNames, setup.Train);
            description = $"fresh random weights drawn after the patch ({Draws(network, request)})";
        }
        string exampleDescription = $"a patch drawn by the tutorial's make_data (seed {request.Seed})";
        return new StepSetup(network, classes, sample.Sample(0).ToArray(), sample.Labels[0], description, exampleDescription);
    }

    // "seed 123: W1 = randn(25,8)·0.3, W2 = randn(8,2)·0.3, zero biases" (he: ·√(2/25), xavier: ·√(2/(25+8))), and the
    // activation when it is not the tutorial's ReLU.
    private static string Draws(Network<double> network, StepCommand.StepRequest request)
    {
        string draws = $"seed {request.Seed}: " + string.Join(", ", network.Layers.Select((l, i) => $"W{i + 1} = randn({l.Inputs},{l.Outputs})·{Scale(request.Init, l.Inputs, l.Outputs)}")) + ", zero biases";
        return request.Activation == HiddenActivation.Relu ? draws : $"{draws}; {HiddenActivations.Name(request.Activation)} hidden layers";
    }

    private static string Scale(WeightInit init, int fanIn, int fanOut) => init switch
    {
        WeightInit.He => $"√(2/{fanIn})",
        WeightInit.Xavier => $"√(2/({fanIn}+{fanOut}))",
        _ => "0.3",
    };
}
