using System.Numerics;
using EdgeNet.Kernels;

namespace EdgeNet.Optimizers;

/// <summary>Gradient descent, <c>W ← W − α·dL/dW</c> and <c>b ← b − α·dL/db</c> (tutorial Part 5).</summary>
public static class Sgd
{
    /// <summary>Moves every parameter of <paramref name="network"/> against its gradient.</summary>
    public static void Step<T>(Network<T> network, T learningRate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        IReadOnlyList<Layers.Dense<T>> layers = network.Layers;
        for (int l = 0; l < layers.Count; l++)                      // for, not foreach: no enumerator to allocate
        {
            Layers.Dense<T> layer = layers[l];
            VectorOps.Descend<T>(layer.Weights, layer.WeightGradient, learningRate);  // W −= α·dL/dW (the plain loop's bits)
            VectorOps.Descend<T>(layer.Bias, layer.BiasGradient, learningRate);       // b −= α·dL/db
        }
    }

    /// <summary>
    /// The backward pass after <see cref="Network{T}.ForwardLoss"/> on the same batch and the update in one sweep:
    /// the same numbers as <see cref="Network{T}.Backward(ReadOnlySpan{T}, ReadOnlySpan{int})"/> followed by <see cref="Step{T}(Network{T}, T)"/>, with
    /// each layer updated as soon as its gradients are known. The gradient buffers (<see cref="Layers.Dense{T}.WeightGradient"/>,
    /// <see cref="Layers.Dense{T}.BiasGradient"/>) are not kept up to date by this sweep: call Backward and Step to read them.
    /// </summary>
    public static void BackwardAndStep<T>(Network<T> network, ReadOnlySpan<T> x, ReadOnlySpan<int> labels, T learningRate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        network.BackwardAndDescend(x, labels, descend: true, learningRate);   // backward and update, layer by layer
    }

    /// <summary>
    /// Per-sample SGD, the tutorial's loop (Part 8): for each sample in <paramref name="order"/> (indices of the rows
    /// of <paramref name="x"/> and of <paramref name="labels"/>), forward, loss, backward and update. The same numbers
    /// as <see cref="Network{T}.ForwardLoss"/> and <see cref="BackwardAndStep{T}"/> one sample at a time, to the bit;
    /// narrow networks run it as one pipeline that makes each update in the same pass as the next sample's forward.
    /// Stops before the update of a sample whose loss is not finite (see <see cref="SamplePass.Steps"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The rows, labels or order do not fit the network.</exception>
    public static SamplePass TrainPerSample<T>(Network<T> network, ReadOnlySpan<T> x, ReadOnlySpan<int> labels, ReadOnlySpan<int> order, T learningRate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        if (x.Length != labels.Length * network.Inputs)
        {
            throw new ArgumentException($"Expected {labels.Length}×{network.Inputs} inputs for {labels.Length} labels, got {x.Length}.", nameof(x));
        }
        foreach (int label in labels)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(label, nameof(labels));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(label, network.Classes, nameof(labels));
        }
        foreach (int sample in order)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(sample, nameof(order));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sample, labels.Length, nameof(order));
        }
        if (network.TryTrainPerSample(x, labels, order, learningRate, out SamplePass pass))
        {
            return pass;                                                // forward, loss, backward, update: one pipeline
        }
        double lossSum = 0;
        int correct = 0;
        int features = network.Inputs;
        for (int t = 0; t < order.Length; t++)
        {
            int n = order[t];
            ReadOnlySpan<T> row = x.Slice(n * features, features);
            ReadOnlySpan<int> label = labels.Slice(n, 1);
            double loss = double.CreateTruncating(network.ForwardLoss(row, label, out int right)); // forward + loss
            if (!double.IsFinite(loss))
            {
                return new SamplePass(lossSum, correct, t);
            }
            lossSum += loss;
            correct += right;
            BackwardAndStep(network, row, label, learningRate);                // backward, then update
        }
        return new SamplePass(lossSum, correct, order.Length);
    }
}
