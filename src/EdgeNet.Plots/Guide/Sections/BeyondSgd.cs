using EdgeNet.Layers;
using EdgeNet.Optimizers;
using EdgeNet.Plots.Figures;
using EdgeNet.Plots.Lessons;

namespace EdgeNet.Plots.Guide.Sections;

/// <summary>
/// Beyond SGD: the same network from the same initial weights trained with each optimizer and with each hidden
/// activation; the loss curves overlaid and the epochs each needs to reach a given loss, all computed here.
/// </summary>
internal static class BeyondSgd
{
    public static void Write(GuidePage page)
    {
        BeyondSgdLesson lesson = BeyondSgdLesson.Run();
        EdgeNet.Training.TrainingOptions common = BeyondSgdLesson.Common;
        double target = BeyondSgdLesson.TargetLoss;

        page.Section("beyond-sgd", "Beyond SGD");
        page.Paragraph("The tutorial moves every weight by −α·∂L/∂w and uses ReLU in the hidden layer. Frameworks offer other update rules and other " +
            "activations, and EdgeNet has them too (<code>edgenet train --optimizer adam --activation tanh</code>), written by hand beside their formulas " +
            "and giving PyTorch's numbers on seeded runs. What do they change? Below, the same 25→8→2 network starts from the same initial weights " +
            $"(seed {page.Num("beyondSgd.seed", common.Seed, "0")}) and sees the same {page.Num("beyondSgd.train", common.TrainSamples, "0")} varied patches " +
            $"in the same shuffled batches of {page.Num("beyondSgd.batch", common.BatchSize, "0")}, for {page.Num("beyondSgd.epochs", common.Epochs, "0")} epochs; " +
            "only the update rule, or only the activation, changes.");

        page.Heading("Optimizers");
        page.List(
            "<b>sgd</b>: w ← w − α·g, the tutorial's rule (g = ∂L/∂w).",
            "<b>momentum</b>: v ← μ·v + g, w ← w − α·v. The velocity v remembers past gradients, so steps grow along a steady slope " +
                $"(μ {page.Num("beyondSgd.momentum", OptimizerSettings.For(OptimizerKind.Momentum).Momentum, "0.0#")}).",
            "<b>nesterov</b>: v ← μ·v + g, w ← w − α·(g + μ·v): momentum that looks one step ahead.",
            "<b>adagrad</b>: s ← s + g², w ← w − α·g / (√s + ε): each weight's step shrinks as its gradients add up.",
            "<b>rmsprop</b>: s ← ρ·s + (1 − ρ)·g², w ← w − α·g / (√s + ε): a moving average of g² instead of the sum, so steps do not die out.",
            "<b>adam</b>: m ← β<sub>1</sub>·m + (1 − β<sub>1</sub>)·g, v ← β<sub>2</sub>·v + (1 − β<sub>2</sub>)·g², w ← w − α·m̂ / (√v̂ + ε) with " +
            "m̂ = m/(1 − β<sub>1</sub><sup>t</sup>), v̂ = v/(1 − β<sub>2</sub><sup>t</sup>): momentum and RMSprop together. Its first step is about α for every weight whatever the gradient.",
            "<b>adamw</b>: Adam with decoupled weight decay, w ← w·(1 − α·λ) before the step " +
                $"(λ {page.Num("beyondSgd.adamwDecay", OptimizerSettings.For(OptimizerKind.AdamW).WeightDecay, "0.0##")}).");
        page.Paragraph("A learning rate means something different to each rule, so each gets the one it is usually given (the table's α): " +
            "the tutorial's for the first four, a smaller one for RMSprop, Adam and AdamW, whose steps are divided by the root of the squared gradients.");
        page.Figure("beyond-sgd-optimizers", LossCurvesFigure.Create("The same network, seven update rules: training loss per epoch",
            [.. lesson.Optimizers.Select(r => (r.Name, r.History))], target), LossCurvesFigure.Size,
            "Training loss per epoch of each optimizer from the same initial weights on the same batches (ReLU). The gray line is the target loss of the table.");
        RunTable(page, "optimizer", lesson.Optimizers, target, showRate: true,
            "Epochs each optimizer needs until the mean training loss of an epoch is at most the target, the loss after the last epoch and the test accuracy");
        page.Paragraph(Fastest(page, "optimizer", lesson.Optimizers, target));

        page.Heading("Activations");
        page.Paragraph("ReLU passes positive sums and blocks the rest. Its relatives: <b>leaky-relu</b> lets a small part of a negative sum through, so a neuron " +
            $"never stops learning entirely (slope {page.Num("beyondSgd.leakySlope", HiddenActivations.LeakyReluSlope, "0.0#")} below 0); <b>tanh</b> squashes into (−1, 1) with derivative 1 − h²; <b>sigmoid</b> squashes into (0, 1) " +
            "with derivative h·(1 − h), at most 0.25, so its gradients are small and it learns slowly. " +
            $"All four runs use the tutorial's SGD with α {page.Num("beyondSgd.activation.lr", BeyondSgdLesson.ActivationRuns[0].Options.LearningRate, "0.0##")}.");
        page.Figure("beyond-sgd-activations", LossCurvesFigure.Create("The same network, four hidden activations: training loss per epoch",
            [.. lesson.Activations.Select(r => (r.Name, r.History))], target), LossCurvesFigure.Size,
            "Training loss per epoch with each hidden activation from the same initial weights on the same batches (the tutorial's SGD).");
        RunTable(page, "activation", lesson.Activations, target, showRate: false,
            "Epochs each activation needs until the mean training loss of an epoch is at most the target, the loss after the last epoch and the test accuracy");
        page.Paragraph(Fastest(page, "activation", lesson.Activations, target));
        page.Note("See any single update with every number: <code>edgenet step --optimizer adam --steps 3</code> prints the gradient, the state " +
            "before and after (the velocity; m, v, m̂, v̂) and each weight's step. Train with any of them: <code>edgenet train --optimizer rmsprop --lr 0.01 --activation tanh</code>.");
        page.EndSection();
    }

    private static void RunTable(GuidePage page, string what, IReadOnlyList<BeyondSgdLesson.LessonRun> runs, double target, bool showRate, string caption)
    {
        int epochs = BeyondSgdLesson.Common.Epochs;
        List<string> headers = [what == "optimizer" ? "Optimizer" : "Activation"];
        if (showRate)
        {
            headers.Add("α");
        }
        headers.AddRange([$"Epochs to loss ≤ {page.Num($"beyondSgd.{what}.target", target, "0.0#")}", "Loss after the last epoch", "Test accuracy"]);
        page.Table(headers, runs.Select(run =>
        {
            string key = $"beyondSgd.{what}.{run.Name}";
            int? reached = BeyondSgdLesson.EpochsToReach(run.History, target);
            List<string> cells = [$"<code>{GuidePage.Escape(run.Name)}</code>"];
            if (showRate)
            {
                cells.Add(page.Num(key + ".lr", run.Options.LearningRate, "0.0##"));
            }
            cells.Add(reached is int e ? page.Num(key + ".epochs", e, "0") : "not in " + page.Num(key + ".epochs.limit", epochs, "0"));
            cells.Add(page.Num(key + ".finalLoss", run.History[^1].TrainLoss, "0.000"));
            cells.Add(page.Num(key + ".testAccuracy", 100 * run.History[^1].TestAccuracy!.Value, "0.0") + "%");
            return (IReadOnlyList<string>)cells;
        }), caption);
    }

    // "First to the target, after 5 epochs: momentum, adam." — names and counts from the runs.
    private static string Fastest(GuidePage page, string what, IReadOnlyList<BeyondSgdLesson.LessonRun> runs, double target)
    {
        var reached = runs.Select(r => (r.Name, Epochs: BeyondSgdLesson.EpochsToReach(r.History, target))).Where(r => r.Epochs is not null).ToList();
        string text;
        if (reached.Count == 0)
        {
            text = $"No {what} reaches the target loss in these epochs. ";
        }
        else
        {
            int first = reached.Min(r => r.Epochs!.Value);
            string[] names = [.. reached.Where(r => r.Epochs == first).Select(r => $"<code>{GuidePage.Escape(r.Name)}</code>")];
            text = $"First to the target, after {page.Num($"beyondSgd.{what}.fastest.epochs", first, "0")} epoch{(first == 1 ? "" : "s")}: {string.Join(", ", names)}; " +
                $"{page.Num($"beyondSgd.{what}.reached", reached.Count, "0")} of {page.Num($"beyondSgd.{what}.runs", runs.Count, "0")} reach it. ";
        }
        BeyondSgdLesson.LessonRun lowest = runs.MinBy(r => r.History[^1].TrainLoss)!;
        return text + $"Lowest loss after the last epoch: <code>{GuidePage.Escape(lowest.Name)}</code>. This is one seed and one small task: " +
            "try them on your own data before concluding that one is better (<code>edgenet train --metrics</code> writes the curve).";
    }
}
