using System.Numerics;
using EdgeNet.Data;
using EdgeNet.Optimizers;

namespace EdgeNet.Training;

/// <summary>
/// The tutorial's training loop (Part 8): for each epoch, for each batch, forward, loss, backward, update;
/// reports each epoch through <see cref="IProgress{T}"/> so that any listener can follow.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains <paramref name="network"/> on <paramref name="train"/>; evaluates <paramref name="test"/> after
    /// each epoch when given. <paramref name="random"/> draws the shuffled orders when
    /// <see cref="TrainingOptions.Shuffle"/> is set.
    /// </summary>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public static IReadOnlyList<EpochStats> Train<T>(
        Network<T> network,
        Dataset train,
        Dataset? test,
        TrainingOptions options,
        NumpyRandom random,
        IProgress<EpochStats>? progress = null,
        CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        options.Validate();
        CheckShape(network, train);
        if (network.HiddenActivation != options.Activation)
        {
            throw new ArgumentException($"The network's activation is {Layers.HiddenActivations.Name(network.HiddenActivation)} but the options ask for {Layers.HiddenActivations.Name(options.Activation)}.");
        }
        if (test is not null)
        {
            CheckShape(network, test);
        }

        int features = network.Inputs;
        int batchSize = Math.Min(options.BatchSize, train.Count);
        Limits.CheckBatch(batchSize, network.Layers.Select(l => l.Outputs));
        T[] x = train.FeaturesAs<T>();
        int[] labels = train.Labels.ToArray();
        T[]? testX = test?.FeaturesAs<T>();
        int[]? testLabels = test?.Labels.ToArray();
        var xBatch = new T[batchSize * features];
        var yBatch = new int[batchSize];
        int[] order = [.. Enumerable.Range(0, train.Count)];
        T learningRate = T.CreateChecked(options.LearningRate);
        var history = new List<EpochStats>(options.Epochs);
        Optimizer<T>? optimizer = options.Optimizer.IsPlainSgd ? null : new Optimizer<T>(options.Optimizer, options.LearningRate, network.Layers);

        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (options.Shuffle)
            {
                order = random.Permutation(train.Count);             // idx = np.random.permutation(n)
            }
            SamplePass pass = optimizer is null && batchSize == 1
                ? Sgd.TrainPerSample(network, x, labels, order, learningRate)      // the tutorial's loop: a step per sample
                : MiniBatches(network, x, labels, order, learningRate, optimizer, xBatch, yBatch);
            if (pass.Steps < train.Count)
            {
                throw new TrainingDivergedException(epoch, options.LearningRate);  // the loss became NaN or infinite
            }
            double lossSum = pass.LossSum;
            int correct = pass.Correct;
            Evaluation? evaluation = testX is null ? null : Evaluation.Of(network, testX, testLabels!);
            var stats = new EpochStats(
                epoch,
                options.Epochs,
                lossSum / train.Count,
                (double)correct / train.Count,
                evaluation?.Loss,
                evaluation?.Accuracy);
            history.Add(stats);
            progress?.Report(stats);
        }
        return history;
    }

    /// <summary>
    /// One epoch in mini-batches of <c>yBatch.Length</c> samples in <paramref name="order"/>: forward, loss, backward,
    /// update for each; stops before the update of a batch whose loss is not finite. The update is plain SGD's fused
    /// backward-and-step when <paramref name="optimizer"/> is null, else the gradients go into the layers' buffers and
    /// <see cref="Optimizer{T}.Step"/> applies its rule.
    /// </summary>
    private static SamplePass MiniBatches<T>(Network<T> network, T[] x, int[] labels, int[] order, T learningRate, Optimizer<T>? optimizer, T[] xBatch, int[] yBatch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int features = network.Inputs;
        double lossSum = 0;
        int correct = 0;
        for (int start = 0; start < order.Length; start += yBatch.Length)
        {
            int batch = Math.Min(yBatch.Length, order.Length - start);
            for (int n = 0; n < batch; n++)
            {
                int sample = order[start + n];
                x.AsSpan(sample * features, features).CopyTo(xBatch.AsSpan(n * features, features));
                yBatch[n] = labels[sample];
            }
            Span<T> xs = xBatch.AsSpan(0, batch * features);
            Span<int> ys = yBatch.AsSpan(0, batch);
            double loss = double.CreateChecked(network.ForwardLoss(xs, ys, out int batchCorrect)); // forward + loss
            if (!double.IsFinite(loss))
            {
                return new SamplePass(lossSum, correct, start);
            }
            lossSum += loss;
            correct += batchCorrect;
            if (optimizer is null)
            {
                Sgd.BackwardAndStep(network, xs, ys, learningRate);                 // backward, then W -= lr * dL/dW
            }
            else
            {
                network.Backward(xs, ys);                                           // dL/dW, dL/db into the layers
                optimizer.Step(network.Layers);                                     // the optimizer's update
            }
        }
        return new SamplePass(lossSum, correct, order.Length);
    }

    private static void CheckShape<T>(Network<T> network, Dataset data)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (data.FeatureCount != network.Inputs)
        {
            throw new ArgumentException($"The network takes {network.Inputs} pixels but the data has {data.FeatureCount}.");
        }
        if (data.ClassCount != network.Classes)
        {
            throw new ArgumentException($"The network has {network.Classes} classes but the data has {data.ClassCount}.");
        }
    }
}
