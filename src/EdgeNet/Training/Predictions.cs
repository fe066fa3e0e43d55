using System.Numerics;
using EdgeNet.Data;

namespace EdgeNet.Training;

/// <summary>The most probable class of every sample: argmax p, batch by batch.</summary>
public static class Predictions
{
    /// <summary>argmax of p = network(x) for each sample of <paramref name="data"/>.</summary>
    public static int[] Of<T>(Network<T> network, Dataset data)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        const int chunk = 256;
        T[] x = data.FeaturesAs<T>();
        int inputs = network.Inputs, classes = network.Classes;
        var predicted = new int[data.Count];
        for (int start = 0; start < data.Count; start += chunk)
        {
            int batch = Math.Min(chunk, data.Count - start);
            ReadOnlySpan<T> p = network.Forward(x.AsSpan(start * inputs, batch * inputs), batch);
            for (int n = 0; n < batch; n++)
            {
                predicted[start + n] = SoftmaxCrossEntropy.ArgMax(p.Slice(n * classes, classes));  // the predicted class
            }
        }
        return predicted;
    }
}
