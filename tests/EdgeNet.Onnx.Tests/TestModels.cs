using EdgeNet.Data;
using EdgeNet.Layers;
using EdgeNet.Models;
using EdgeNet.Training;

namespace EdgeNet.Onnx.Tests;

/// <summary>Models to export and patches to run them on, all drawn from seeds.</summary>
internal static class TestModels
{
    /// <summary>The tutorial's run (seed 42, 25→8→2, 100 epochs), as `edgenet train --save` makes it.</summary>
    public static Model Tutorial { get; } = ModelTraining.Train(new TrainingOptions(), GeneratedData.Tutorial);

    /// <summary>A trained five-class orientation model on 7×7 varied patches, two hidden layers.</summary>
    public static Model Orientation { get; } = ModelTraining.Train(
        new TrainingOptions { Seed = 7, TrainSamples = 300, TestSamples = 0, Hidden = [16, 8], Epochs = 5, BatchSize = 10 },
        GeneratedData.VariedWith(new VariedOptions { Task = EdgeTask.Orientation, PatchSize = 7 }));

    /// <summary>A random 10→12→6→3 network with large weights and non-zero biases, unnamed classes.</summary>
    public static Model Random { get; } = RandomModel(seed: 3, inputs: 10, hidden: [12, 6], classes: 3);

    public static string[] All { get; } = [nameof(Tutorial), nameof(Orientation), nameof(Random)];

    public static TheoryData<string> Names => [.. All];

    public static Model ByName(string name) => name switch
    {
        nameof(Tutorial) => Tutorial,
        nameof(Orientation) => Orientation,
        nameof(Random) => Random,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static Model RandomModel(uint seed, int inputs, int[] hidden, int classes, HiddenActivation activation = HiddenActivation.Relu)
    {
        var random = new NumpyRandom(seed);
        var network = Network<double>.Create(inputs, hidden, classes, activation);
        network.InitializeLikeTutorial(random, scale: 1.5);
        foreach (Dense<double> layer in network.Layers)
        {
            for (int o = 0; o < layer.Bias.Length; o++)
            {
                layer.Bias[o] = random.Randn();
            }
        }
        return new Model(network, [.. Enumerable.Range(0, classes).Select(k => $"Class {k}")], null);
    }

    /// <summary><paramref name="count"/> patches of uniform pixels in [−0.5, 1.5), row by row.</summary>
    public static double[] Patches(int count, int inputs, uint seed)
    {
        var random = new NumpyRandom(seed);
        var x = new double[count * inputs];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = 2 * random.Rand() - 0.5;
        }
        return x;
    }

    /// <summary>EdgeNet's class probabilities for the patches.</summary>
    public static double[] Probabilities(Model model, double[] x)
    {
        int batch = x.Length / model.Network.Inputs;
        var p = new double[batch * model.Network.Classes];
        model.Network.Predict(x, batch, p);
        return p;
    }
}
