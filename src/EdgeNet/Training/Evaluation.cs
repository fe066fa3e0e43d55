using System.Numerics;
using EdgeNet.Data;

namespace EdgeNet.Training;

/// <summary>Loss, accuracy and confusion matrix of a network on a dataset.</summary>
/// <param name="Loss">Mean cross-entropy.</param>
/// <param name="Correct">Samples whose most probable class is their label.</param>
/// <param name="Count">Samples evaluated.</param>
/// <param name="Confusion">Counts by [true class, predicted class].</param>
public sealed record Evaluation(double Loss, int Correct, int Count, int[,] Confusion)
{
    /// <summary>Correct / Count, from 0 to 1.</summary>
    public double Accuracy => Count == 0 ? 0 : (double)Correct / Count;

    /// <summary>Runs the network over <paramref name="data"/> in batches.</summary>
    public static Evaluation Of<T>(Network<T> network, Dataset data)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        return Of(network, data.FeaturesAs<T>(), data.Labels.ToArray());
    }

    internal static Evaluation Of<T>(Network<T> network, T[] features, int[] labels)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int chunk = 256;
        int classes = network.Classes;
        var confusion = new int[classes, classes];
        double loss = 0;
        int correct = 0;
        for (int start = 0; start < labels.Length; start += chunk)
        {
            int batch = Math.Min(chunk, labels.Length - start);
            ReadOnlySpan<int> batchLabels = labels.AsSpan(start, batch);
            loss += double.CreateChecked(network.ForwardLoss(features.AsSpan(start * network.Inputs, batch * network.Inputs), batchLabels, out int batchCorrect));
            correct += batchCorrect;
            ReadOnlySpan<T> p = network.Probabilities;
            for (int n = 0; n < batch; n++)
            {
                confusion[batchLabels[n], SoftmaxCrossEntropy.ArgMax(p.Slice(n * classes, classes))]++;
            }
        }
        return new Evaluation(labels.Length == 0 ? double.NaN : loss / labels.Length, correct, labels.Length, confusion);
    }
}
