using System.Globalization;
using System.Text.Json;
using EdgeNet.Training;

namespace EdgeNet.Playground;

/// <summary>
/// The tutorial as guided steps: each lesson's text (one screen, written from the tutorial), how the page is set up
/// for it (settings, panels), its task, and the check of the task against the engine's numbers. The page shows the
/// lessons from the hello message and asks which one to check; the session sends whether it is done.
/// </summary>
internal static class Lessons
{
    /// <summary>Part 1's perfect edge, one row of the 5×5 patch: dark left, bright right.</summary>
    private static readonly double[] EdgeRow = [0.1, 0.1, 0.5, 0.9, 0.9];

    public static IReadOnlyList<Lesson> All { get; } =
    [
        new(1, "Part 1", "The forward pass",
            "A 5×5 patch is 25 numbers x (0 black, 1 white). The network multiplies them by weights, z1 = x·W1 + b1, keeps the positive part, h = ReLU(z1), scores the two classes, z2 = h·W2 + b2, and turns the scores into probabilities, p = softmax(z2). Every number is in the Probe panel; the picture shows the same pass: the patch on the left, the 8 hidden neurons, the two outputs with p.",
            "Train one epoch (Epoch), then paint a patch the network is at least 90% sure is an Edge: p(Edge) ≥ 0.9.",
            Settings(), ["network", "probe"], ProbeEdgeAtLeast(0.9)),
        new(2, "Part 2", "Neurons are templates",
            "A neuron computes z = Σ xᵢ·wᵢ + b: the sum is large when the patch looks like its weights. Each hidden neuron in the picture is drawn as its 25 weights, red negative (it wants dark there), blue positive (it wants bright). After training, some neurons become edge detectors: red on the left, blue on the right, like Part 1's dark-to-bright edge.",
            "Press Play, then click the hidden neuron that looks for the tutorial's edge: the one whose z rises most from a uniform gray patch to Part 1's edge.",
            Settings(("epochs", "30")), ["network", "probe"], EdgeNeuronClicked),
        new(3, "Parts 3–4", "Softmax and the loss",
            "Softmax turns the scores into probabilities that sum to 1: p = e^z / Σ e^z. The loss is the surprise at the truth, L = −log p(correct): 0.01 when the network is 99% right, 0.69 when it cannot decide, 4.6 when it is 99% wrong. A trained network is sure about clear patches; in between it hesitates.",
            "Train (Play), then paint (or type in Patch pixels) a patch the network cannot decide on: p(Edge) between 0.45 and 0.55, a loss of about 0.69 whatever the label.",
            Settings(("epochs", "30")), ["network", "probe"], ProbeUndecided),
        new(4, "Part 5", "One step of gradient descent",
            "The gradient dL/dw says how the loss changes when w grows. Gradient descent moves every weight a little downhill: w ← w − α·dL/dw, with the learning rate α. One step on one patch should lower the loss on that patch.",
            "In the Step panel, choose the patch's true class and press Apply step: the loss on the patch falls.",
            Settings(), ["network", "probe", "step"], StepApplied),
        new(5, "Part 7", "Backpropagation",
            "Backpropagation finds every gradient from the output back: dL/dz2 = p − y, dL/dW2 = hᵀ·dL/dz2, dL/dh = dL/dz2·W2ᵀ, through ReLU dL/dz1 = dL/dh ⊙ 1[z1 > 0], and dL/dW1 = xᵀ·dL/dz1. A confident wrong answer has a large p − y, so every gradient behind it is large too. Hover a link to see its weight and its gradient.",
            "Train (Play), then Show step for Part 1's edge labelled 1 (No Edge): a confidently wrong answer, loss above 1. Read p − y and dL/dW2 in the full text.",
            Settings(("epochs", "30")), ["network", "probe", "step"], WrongStepShown),
        new(6, "Part 8", "The loop",
            "Training repeats the step over every patch, epoch after epoch: forward pass, loss, backward pass, update. Watch the loss fall, the accuracy rise and the hidden neurons turn into edge detectors, without anyone telling the network what an edge looks like.",
            "Press Play and train until the test accuracy is 100%.",
            Settings(), ["network", "live"], TestAccuracyFull),
        new(7, "Beyond", "The learning rate",
            "The learning rate α is the size of each step. Too small and learning crawls; too large and each step overshoots the valley and climbs the other side, so the loss grows or becomes infinite.",
            "Find a learning rate that diverges: set it and press Play until the training loss ends above 0.69, worse than a network that always answers 50/50 (or training stops because the loss became infinite).",
            Settings(("epochs", "20")), ["network", "live", "train"], Diverged),
        new(8, "Beyond", "Depth",
            "More hidden layers let a network combine the patterns of the first layer into patterns of patterns. For edges in 5×5 patches one layer is enough, but a deeper network learns too, each layer drawn in the picture.",
            "Add a second hidden layer (Add layer), then train until the test accuracy is 100%.",
            Settings(), ["network", "live", "train"], DeepAndFull),
        new(9, "Beyond", "Optimizers",
            "Plain SGD takes the same step size for every weight. Momentum keeps a velocity; Adagrad, RMSprop and Adam scale each weight's step by the size of its past gradients. Some reach a low loss in far fewer epochs.",
            "Press Play with SGD and see after how many epochs the training loss falls below 0.01; then choose another optimizer (and its learning rate) that gets there in fewer epochs.",
            Settings(("epochs", "20")), ["network", "live", "train"], LowLossEarly),
        new(10, "Beyond", "Photos",
            "A trained network scans a photo patch by patch: each pixel's p(Edge) becomes a pixel of the edge map. What it learned on 5×5 patches works on whole pictures.",
            "Train until the test accuracy is 100%, then upload a photo (PNG or JPEG) in the Photo panel and look at its edge map.",
            Settings(), ["network", "live", "photo"], PhotoScanned),
    ];

    /// <summary>The lessons for the hello message: everything but the checks.</summary>
    public static void Write(Utf8JsonWriter w)
    {
        w.WriteStartArray("lessons");
        foreach (Lesson lesson in All)
        {
            w.WriteStartObject();
            w.WriteNumber("number", lesson.Number);
            w.WriteString("part", lesson.Part);
            w.WriteString("title", lesson.Title);
            w.WriteString("text", lesson.Text);
            w.WriteString("task", lesson.Task);
            w.WriteStartObject("settings");
            foreach ((string key, string value) in lesson.Settings)
            {
                w.WriteString(key, value);
            }
            w.WriteEndObject();
            w.WriteStartArray("panels");
            foreach (string panel in lesson.Panels)
            {
                w.WriteStringValue(panel);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Part 1's edge as the network's input (5×5), or null for another patch size.</summary>
    public static double[]? PartOneEdge(int inputs) =>
        inputs == 25 ? [.. Enumerable.Range(0, 25).Select(i => EdgeRow[i % 5])] : null;

    private static (string, string)[] Settings(params (string Key, string Value)[] values) => values;

    private static Func<LessonFacts, LessonResult> ProbeEdgeAtLeast(double least) => f => ProbeEdgeAtLeastCore(f, least);

    private static LessonResult ProbeEdgeAtLeastCore(LessonFacts f, double least) => f.Run.History.Count == 0
        ? new(false, "Train first (Epoch): an untrained network's p means nothing yet.")
        : f.ProbeP is not { } p
            ? new(false, "Paint a patch in the Probe panel.")
            : new(p[0] >= least, Invariant($"p({f.Run.Train.ClassNames[0]}) = {p[0]:F3} (the task: ≥ {least})."));

    private static LessonResult EdgeNeuronClicked(LessonFacts f)
    {
        if (f.Run.History.Count == 0)
        {
            return new(false, "Train first: an untrained network's neurons are random.");
        }
        int? edge = EdgeNeuron(f.Run.Network);
        if (edge is null)
        {
            return new(false, "This lesson needs the tutorial's 5×5 patches.");
        }
        return f.Neuron is not (0, int index)
            ? new(false, "Click a hidden neuron in the picture.")
            : index == edge
                ? new(true, Invariant($"h[{index}] is the edge detector: red on the left, blue on the right."))
                : new(false, Invariant($"h[{index}] is not the one whose z rises most for the edge; look for red on the left and blue on the right."));
    }

    /// <summary>The first-layer neuron whose z rises most from uniform gray to Part 1's edge: Σᵢ W[i, j]·(edgeᵢ − 0.5).</summary>
    public static int? EdgeNeuron(Network<double> network)
    {
        double[]? edge = PartOneEdge(network.Inputs);
        if (edge is null)
        {
            return null;
        }
        var layer = network.Layers[0];
        int best = 0;
        double bestRise = double.NegativeInfinity;
        for (int j = 0; j < layer.Outputs; j++)
        {
            double rise = 0;
            for (int i = 0; i < layer.Inputs; i++)
            {
                rise += layer.Weights[i * layer.Outputs + j] * (edge[i] - 0.5);
            }
            if (rise > bestRise)
            {
                (best, bestRise) = (j, rise);
            }
        }
        return best;
    }

    private static LessonResult ProbeUndecided(LessonFacts f) => f.Run.History.Count == 0
        ? new(false, "Train first: an untrained network hesitates about everything.")
        : f.ProbeP is not { } p
            ? new(false, "Paint a patch in the Probe panel.")
            : new(p[0] >= 0.45 && p[0] <= 0.55, Invariant($"p({f.Run.Train.ClassNames[0]}) = {p[0]:F3}, loss if it is an edge −log p = {-Math.Log(p[0]):F3} (the task: p between 0.45 and 0.55)."));

    private static LessonResult StepApplied(LessonFacts f) => f.Step is not { } s
        ? new(false, "Press Apply step in the Step panel.")
        : !s.Applied
            ? new(false, "That step was only shown: press Apply step to change the network.")
            : new(s.LossAfter < s.Loss, Invariant($"The loss on the patch went from {s.Loss:F4} to {s.LossAfter:F4}."));

    private static LessonResult WrongStepShown(LessonFacts f) => f.Step is not { } s
        ? new(false, "Press Show step in the Step panel.")
        : f.Run.History.Count == 0
            ? new(false, "Train first, so that the network is confident.")
            : new(s.Loss > 1, Invariant($"The loss of that step is {s.Loss:F4} (the task: above 1, a confident wrong answer)."));

    private static LessonResult TestAccuracyFull(LessonFacts f) => f.Run.History.Count == 0 || f.Run.History[^1].TestAccuracy is not double accuracy
        ? new(false, "Press Play.")
        : new(accuracy == 1, Invariant($"Test accuracy {100 * accuracy:F1}% after {f.Run.History.Count} epochs."));

    /// <summary>The loss of a network that always answers 50/50: −log 0.5.</summary>
    private static readonly double Undecided = Math.Log(2);

    private static LessonResult Diverged(LessonFacts f)
    {
        IReadOnlyList<EpochStats> h = f.Run.History;
        if (f.Diverged)
        {
            return new(true, Invariant($"At learning rate {f.Run.Options.LearningRate} the loss became infinite: training diverged."));
        }
        if (h.Count < 2)
        {
            return new(false, "Set a learning rate and press Play.");
        }
        return new(h[^1].TrainLoss > Undecided, Invariant($"At learning rate {f.Run.Options.LearningRate} the training loss is {h[^1].TrainLoss:F4} after {h.Count} epochs (the task: above −log 0.5 = {Undecided:F3}, worse than always answering 50/50)."));
    }

    private static LessonResult DeepAndFull(LessonFacts f) => f.Run.Network.Layers.Count < 3
        ? new(false, "Add a second hidden layer first.")
        : TestAccuracyFull(f);

    private const double LowLoss = 0.01;

    private static LessonResult LowLossEarly(LessonFacts f)
    {
        int? reached = EpochsTo(f.Run.History, LowLoss);
        if (f.Run.Optimizer is null)
        {
            return new(false, reached is int r ? Invariant($"SGD reached a loss below {LowLoss} after {r} epochs: now choose another optimizer.") : "Press Play to see how many epochs SGD needs, then try another optimizer.");
        }
        int? sgd = f.SgdEpochs();
        return reached is int epochs
            ? new(sgd is null || epochs < sgd, Invariant($"{f.Run.Options.Optimizer}: below {LowLoss} after {epochs} epochs; SGD with the same data and learning rate: {(sgd is int s ? $"{s} epochs" : "not within the run")}."))
            : new(false, f.Run.History.Count == 0 ? "Press Play." : Invariant($"Training loss {f.Run.History[^1].TrainLoss:F4} after {f.Run.History.Count} epochs (the task: below {LowLoss} sooner than SGD)."));
    }

    /// <summary>Epochs until the training loss first fell below <paramref name="loss"/>, or null.</summary>
    public static int? EpochsTo(IReadOnlyList<EpochStats> history, double loss)
    {
        for (int e = 0; e < history.Count; e++)
        {
            if (history[e].TrainLoss < loss)
            {
                return e + 1;
            }
        }
        return null;
    }

    /// <summary>What the optimizer lesson compares with: the same run with the tutorial's plain SGD, to the loss.</summary>
    public static int? SgdEpochsToLowLoss(PlaygroundRun run, PlaygroundLimits limits)
    {
        var settings = run.Settings with { Options = run.Options with { Optimizer = Optimizers.OptimizerSettings.Tutorial } };
        var sgd = new PlaygroundRun(settings, run.Settings.DataKind == "csv" ? run.Train : null, run.Settings.DataKind == "csv" ? run.Test : null, run.DataName, limits);
        while (!sgd.Finished)
        {
            sgd.Epoch();
            if (sgd.History[^1].TrainLoss < LowLoss)
            {
                return sgd.History.Count;
            }
        }
        return null;
    }

    private static LessonResult PhotoScanned(LessonFacts f) => !f.PhotoScanned
        ? new(false, "Upload a photo in the Photo panel.")
        : f.PhotoAccuracy is not double accuracy
            ? new(false, "That photo was scanned by an untrained network: train it (Play), then upload the photo again.")
            : new(accuracy == 1, Invariant($"The photo was scanned by a network with {100 * accuracy:F1}% test accuracy (the task: 100%)."));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One lesson: its text and task, the page's setup for it, and the check of the task.</summary>
internal sealed record Lesson(int Number, string Part, string Title, string Text, string Task, IReadOnlyList<(string Key, string Value)> Settings, IReadOnlyList<string> Panels, Func<LessonFacts, LessonResult> Check);

/// <summary>Whether a lesson's task is met, and the numbers that say so.</summary>
internal readonly record struct LessonResult(bool Done, string Status);

/// <summary>What a lesson's check reads: the run, and what the learner last did on the page.</summary>
internal sealed class LessonFacts(PlaygroundRun run, PlaygroundLimits limits)
{
    private int? _sgdEpochs;
    private bool _sgdDone;

    public PlaygroundRun Run { get; } = run;

    /// <summary>Epochs the tutorial's SGD needs on this run's data to a loss below 0.01 (computed once, on demand).</summary>
    public int? SgdEpochs()
    {
        if (!_sgdDone)
        {
            _sgdEpochs = Lessons.SgdEpochsToLowLoss(Run, limits);
            _sgdDone = true;
        }
        return _sgdEpochs;
    }

    /// <summary>p of the last probed patch.</summary>
    public double[]? ProbeP { get; set; }

    /// <summary>The neuron whose formula was last asked for (layer, index).</summary>
    public (int Layer, int Index)? Neuron { get; set; }

    /// <summary>The last step shown or applied.</summary>
    public StepFact? Step { get; set; }

    /// <summary>Training stopped because the loss became infinite.</summary>
    public bool Diverged { get; set; }

    /// <summary>A photo was scanned on this run.</summary>
    public bool PhotoScanned { get; set; }

    /// <summary>The test accuracy of the network that scanned the last photo (null: untrained).</summary>
    public double? PhotoAccuracy { get; set; }
}

/// <summary>A step on the probed patch: applied or only shown, the loss before and after.</summary>
internal sealed record StepFact(bool Applied, double Loss, double LossAfter);
