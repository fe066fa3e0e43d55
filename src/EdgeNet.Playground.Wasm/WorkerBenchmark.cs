using System.Globalization;
using System.Runtime.InteropServices.JavaScript;
using System.Text;
using EdgeNet.Passes;
using EdgeNet.Training;

namespace EdgeNet.Playground;

/// <summary>
/// What bench/browser-compare calls in the worker: the tutorial's 25→8→2 network and patches, drawn from a seed as
/// <c>edgenet train</c> draws them, trained by <see cref="Trainer.Train{T}"/>, the call the playground's Play makes
/// each epoch, with the kernels the planner picks here. The benchmark times <see cref="Train"/> from JavaScript and
/// gives ConvNetJS the same weights and patches (<see cref="Setup"/>). No page calls these.
/// </summary>
internal static partial class WorkerBenchmark
{
    private static SeededSetup<double>? _setup;
    private static TrainingOptions _options = new();

    /// <summary>
    /// Draws <paramref name="samples"/> tutorial patches and the initial network (seed 42) for plain SGD at
    /// <paramref name="batch"/>, in order (no shuffle); returns them as JSON with the kernels the planner chose.
    /// </summary>
    [JSExport]
    internal static string Setup(int samples, int batch, double learningRate)
    {
        _options = new TrainingOptions { TrainSamples = samples, TestSamples = 0, BatchSize = batch, LearningRate = learningRate, Epochs = 1 };
        _setup = SeededSetup<double>.Create(_options);
        var json = new StringBuilder("{");
        PassPlan plan = _setup.Network.Plan(Math.Min(batch, samples));
        json.Append(CultureInfo.InvariantCulture, $"\"plan\":\"{plan.Path}\",\"layers\":[");
        for (int l = 0; l < _setup.Network.Layers.Count; l++)
        {
            var layer = _setup.Network.Layers[l];
            json.Append(l == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"inputs\":{layer.Inputs},\"outputs\":{layer.Outputs},\"weights\":");
            Numbers(json, layer.Weights).Append(",\"bias\":");
            Numbers(json, layer.Bias).Append('}');
        }
        json.Append("],\"x\":");
        Numbers(json, _setup.Train.FeaturesAs<double>()).Append(",\"labels\":[").AppendJoin(',', _setup.Train.Labels.ToArray()).Append("]}");
        return json.ToString();
    }

    /// <summary>Trains <paramref name="epochs"/> epochs on the patches of <see cref="Setup"/>; returns the last epoch's mean loss.</summary>
    [JSExport]
    internal static double Train(int epochs)
    {
        SeededSetup<double> setup = _setup ?? throw new InvalidOperationException("Call Setup first.");
        IReadOnlyList<EpochStats> history = Trainer.Train(setup.Network, setup.Train, null, _options with { Epochs = epochs }, setup.Random);
        return history[^1].TrainLoss;
    }

    /// <summary>The network's weights now, layer by layer (W then b), as one JSON array: for checking that both libraries learned the same.</summary>
    [JSExport]
    internal static string Weights()
    {
        SeededSetup<double> setup = _setup ?? throw new InvalidOperationException("Call Setup first.");
        var json = new StringBuilder("[");
        bool first = true;
        foreach (var layer in setup.Network.Layers)
        {
            foreach (double[] values in new[] { layer.Weights, layer.Bias })
            {
                foreach (double v in values)
                {
                    json.Append(first ? "" : ",").Append(v.ToString("R", CultureInfo.InvariantCulture));
                    first = false;
                }
            }
        }
        return json.Append(']').ToString();
    }

    private static StringBuilder Numbers(StringBuilder json, ReadOnlySpan<double> values)
    {
        json.Append('[');
        for (int i = 0; i < values.Length; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(values[i].ToString("R", CultureInfo.InvariantCulture));
        }
        return json.Append(']');
    }
}
