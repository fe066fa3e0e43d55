using System.Globalization;
using EdgeNet.Plots.Figures;
using EdgeNet.Plots.Lessons;
using EdgeNet.Training;

namespace EdgeNet.Plots.Guide.Sections;

/// <summary>Part 8: the tutorial's training run (seed 42, 50 patches, 100 epochs), its curves and every learned hidden neuron.</summary>
internal static class PartEight
{
    /// <summary>The tutorial's Part 8 run: seed 42, 50 training patches, no test set, 25→8→2, 100 epochs, α = 0.1.</summary>
    public static TrainingOptions Options { get; } = new() { Seed = 42, TrainSamples = 50, TestSamples = 0, Hidden = [8], Epochs = 100, LearningRate = 0.1 };

    public static void Write(GuidePage page)
    {
        page.Section("part8", "Part 8: Watching It Learn");
        page.Paragraph("Everything together: forward pass, loss, backward pass, update, for every example, epoch after epoch.");
        page.Code("""
            for epoch in range(num_epochs):
                for x, y in training_data:
                    z1 = x @ W1 + b1;  h1 = relu(z1)      # forward
                    z2 = h1 @ W2 + b2; p = softmax(z2)
                    loss = -np.sum(y * np.log(p))        # loss
                    dL_dz2 = p - y                       # backward
                    dL_dW2 = h1.T @ dL_dz2
                    dL_dh1 = dL_dz2 @ W2.T
                    dL_dz1 = dL_dh1 * (z1 > 0)
                    dL_dW1 = x.T @ dL_dz1
                    W1 -= lr * dL_dW1; W2 -= lr * dL_dW2 # update
            """);
        TrainingOptions options = Options;
        var setup = SeededSetup<double>.Create(options);
        IReadOnlyList<EpochStats> history = Trainer.Train(setup.Network, setup.Train, setup.Test, options, setup.Random);
        Network<double> network = setup.Network;
        page.Paragraph($"EdgeNet runs the tutorial's Part 8 now: seed {page.Num("part8.seed", options.Seed, "0")}, " +
            $"{page.Num("part8.samples", setup.Train.Count, "0")} generated patches, {NetworkShape(network)}, " +
            $"{page.Num("part8.epochs", options.Epochs, "0")} epochs, learning rate {page.Num("part8.lr", options.LearningRate, "0.0")}, one example per update.");
        page.Raw("<div class=\"pair\">");
        page.Figure("part8-loss", LossFigure.Create(history), LossFigure.Size, "Loss decreases: the network gets better at predicting.");
        page.Figure("part8-accuracy", AccuracyFigure.Create(history, network.Classes), AccuracyFigure.Size, "Accuracy increases towards 100%.");
        page.Raw("</div>");
        page.Table(["", "First epoch", "Last epoch"],
            [
                ["Average loss", page.Num("part8.loss.first", history[0].TrainLoss, "0.0000"), page.Num("part8.loss.last", history[^1].TrainLoss, "0.0000")],
                ["Accuracy", page.Num("part8.accuracy.first", 100 * history[0].TrainAccuracy, "0.0") + "%", page.Num("part8.accuracy.last", 100 * history[^1].TrainAccuracy, "0.0") + "%"],
            ],
            caption: "Training loss and accuracy, as the tutorial measures them (during each epoch)");
        page.Figure("part8-hidden-weights", HiddenWeightsFigure.Create(network), HiddenWeightsFigure.SizeFor(network.Layers[0].Outputs),
            "Every hidden neuron's learned weights W<sub>1</sub>[:, j] reshaped to 5×5: red wants dark, blue wants bright.");
        var layer = network.Layers[0];
        page.Paragraph($"Total parameters: W<sub>1</sub> ({layer.Inputs}×{layer.Outputs}) + b<sub>1</sub> ({layer.Outputs}) + " +
            $"W<sub>2</sub> ({network.Layers[1].Inputs}×{network.Layers[1].Outputs}) + b<sub>2</sub> ({network.Layers[1].Outputs}) = {page.Num("part8.parameters", network.ParameterCount, "0")}.");

        double[] likeness = TemplateLikeness.Of(network, TutorialInputs.Template);
        int edgeLike = Array.IndexOf(likeness, likeness.Max());
        int opposite = Array.IndexOf(likeness, likeness.Min());
        page.Heading("What happened?");
        page.List(
            "<b>Loss decreased</b>: the network got better at predicting.",
            "<b>Accuracy increased</b>: from about chance towards 100%.",
            $"<b>W<sub>1</sub> learned edge patterns</b>: neuron {page.Num("part8.edgeNeuron", edgeLike, "0")} is the closest to Part 2's hand-made template " +
            $"(cosine similarity {page.Num("part8.edgeLikeness", likeness[edgeLike], "+0.00;-0.00")}): negative on the left, positive on the right, found on its own. " +
            $"Neuron {page.Num("part8.oppositeNeuron", opposite, "0")} learned the opposite ({page.Num("part8.oppositeLikeness", likeness[opposite], "+0.00;-0.00")}), " +
            "a detector of the bright-to-dark patches that are <i>not</i> edges.");
        page.Paragraph("Nobody told the network what an edge looks like: gradient descent discovered it from examples. " +
            "Each hidden neuron learns its own pattern, and the output layer W<sub>2</sub> combines them into the Edge / No Edge decision.");
        page.EndSection();
    }

    internal static string NetworkShape(Network<double> network) =>
        string.Join("→", new[] { network.Inputs }.Concat(network.HiddenSizes).Append(network.Classes).Select(n => n.ToString(CultureInfo.InvariantCulture)));
}
