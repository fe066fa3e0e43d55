// Trains the tutorial's network (seed 42, 100 training and 20 test patches, 25→8→2, 100 epochs, learning rate 0.1)
// with the EdgeNet library and saves it. Usage: TrainTutorial [MODEL.json]
using EdgeNet.Data;
using EdgeNet.Models;
using EdgeNet.Training;

string path = args.Length > 0 ? args[0] : "edge-model.json";
var progress = new Progress<EpochStats>(epoch =>
{
    if (epoch.Epoch % 20 == 0)
    {
        Console.WriteLine($"Epoch {epoch.Epoch,3}: loss {epoch.TrainLoss:F4}");
    }
});
Model model = ModelTraining.Train(new TrainingOptions(), GeneratedData.Tutorial, progress);
ModelFile.Save(model, path);
Console.WriteLine($"Saved {model.Network.Inputs}→{string.Join("→", model.Network.HiddenSizes)}→{model.Network.Classes} ({model.Network.ParameterCount} parameters) to {path}");
