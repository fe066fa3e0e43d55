using EdgeNet.Plots.Figures;
using EdgeNet.Training;

namespace EdgeNet.Plots.Guide.Sections;

/// <summary>The tutorial's complete program (seed 42, 100 training and 20 test patches): its log, test accuracy and what it learned.</summary>
internal static class TryItYourself
{
    public static void Write(GuidePage page)
    {
        page.Section("try-it", "Try It Yourself: The Complete Edge Detector");
        var options = new TrainingOptions();
        var setup = SeededSetup<double>.Create(options);
        IReadOnlyList<EpochStats> history = Trainer.Train(setup.Network, setup.Train, setup.Test, options, setup.Random);
        Network<double> network = setup.Network;
        Evaluation test = Evaluation.Of(network, setup.Test!);
        page.Paragraph($"The tutorial's self-contained program: {page.Num("try.train", setup.Train.Count, "0")} training and " +
            $"{page.Num("try.test", setup.Test!.Count, "0")} test patches from seed {page.Num("try.seed", options.Seed, "0")}, " +
            $"{PartEight.NetworkShape(network)}, {page.Num("try.epochs", options.Epochs, "0")} epochs. Run it yourself with <code>edgenet train --plots plots</code>.");
        page.Table(["Epoch", "Loss"],
            history.Where(s => s.Epoch % 20 == 0).Select(s => (IReadOnlyList<string>)[
                GuidePage.Show(s.Epoch, "0"), page.Num($"try.loss{s.Epoch}", s.TrainLoss, "0.0000")]),
            caption: "Training log, every 20 epochs (as the program prints it)");
        page.Paragraph($"<b>Test accuracy: {page.Num("try.correct", test.Correct, "0")}/{GuidePage.Show(test.Count, "0")} = " +
            $"{page.Num("try.accuracy", 100 * test.Accuracy, "0.0")}%</b> on patches the network never trained on.");
        page.Raw("<div class=\"pair\">");
        page.Figure("try-loss", LossFigure.Create(history), LossFigure.Size, "Training and test loss per epoch.");
        page.Figure("try-confusion", ConfusionMatrixFigure.Create(test, setup.Train.ClassNames), ConfusionMatrixFigure.SizeFor(network.Classes),
            "Which test patches went where: right answers on the diagonal.");
        page.Raw("</div>");
        page.Figure("try-gallery", TestGalleryFigure.Create(network, setup.Test!, setup.Test!.Count), TestGalleryFigure.SizeFor(setup.Test!.Count),
            "Every test patch with the network's probability that it is an edge; a wrong answer would be framed in red.");
        page.Raw("<div class=\"pair\">");
        page.Figure("try-hidden-weights", HiddenWeightsFigure.Create(network), HiddenWeightsFigure.SizeFor(network.Layers[0].Outputs),
            "The eight hidden neurons this run learned.");
        page.Figure("try-output-weights", OutputWeightsFigure.Create(network, setup.Train.ClassNames),
            OutputWeightsFigure.SizeFor(network.Layers[^1].Inputs, network.Classes),
            "How each hidden neuron votes: W<sub>2</sub>, blue for, red against.");
        page.Raw("</div>");
        page.EndSection();
    }
}
