using EdgeNet.Plots;
using EdgeNet.Plots.Figures;
using EdgeNet.Training;

namespace EdgeNet.Plots.Tests;

public class SandboxTests
{
    [Fact]
    public void Sandbox()
    {
        var setup = TutorialSetup<double>.Create(new TrainingOptions());
        var history = Trainer.Train(setup.Network, setup.Train, setup.Test, new TrainingOptions(), setup.Random);
        FigureFile.Save(LossFigure.Create(history), LossFigure.Size, "/tmp/viz-out", "loss", FigureFormat.Png);
        FigureFile.Save(AccuracyFigure.Create(history), AccuracyFigure.Size, "/tmp/viz-out", "accuracy", FigureFormat.Png);
        FigureFile.Save(HiddenWeightsFigure.Create(setup.Network), HiddenWeightsFigure.SizeFor(8), "/tmp/viz-out", "hidden", FigureFormat.Png);
        FigureFile.Save(HiddenWeightsFigure.Create(setup.Network), HiddenWeightsFigure.SizeFor(8), "/tmp/viz-out", "hidden", FigureFormat.Svg);
        FigureFile.Save(OutputWeightsFigure.Create(setup.Network, setup.Train.ClassNames), OutputWeightsFigure.SizeFor(8, 2), "/tmp/viz-out", "output", FigureFormat.Png);
        FigureFile.Save(ConfusionMatrixFigure.Create(Evaluation.Of(setup.Network, setup.Test!), setup.Train.ClassNames), ConfusionMatrixFigure.SizeFor(2), "/tmp/viz-out", "confusion", FigureFormat.Png);
        var s2 = TutorialSetup<double>.Create(new TrainingOptions { Epochs = 1, TrainSamples = 10, TestSamples = 20 });
        Trainer.Train(s2.Network, s2.Train, s2.Test, new TrainingOptions { Epochs = 1, TrainSamples = 10, TestSamples = 20 }, s2.Random);
        FigureFile.Save(TestGalleryFigure.Create(s2.Network, s2.Test!), TestGalleryFigure.SizeFor(20), "/tmp/viz-out", "gallery", FigureFormat.Png);
    }
}
