using EdgeNet.Data;
using EdgeNet.Training;

namespace EdgeNet.Playground;

/// <summary>
/// An upper bound, from the settings alone, of the memory one session holds: its data, network, optimizer state,
/// the passes' buffers and the history, and what one epoch or one frame allocates on top of that (the copies the
/// trainer and the evaluation make). The server admits a session or a new run only when its footprint fits the
/// memory budget (<see cref="PlaygroundLimits.MemoryBudget"/>); MemoryBudgetTests hold it above what is measured.
/// </summary>
internal static class RunFootprint
{
    /// <summary>A session without a run: its objects, the socket's buffers and the messages it writes and reads.</summary>
    public const long Session = 2L << 20;

    // Rows the evaluation runs at once (Evaluation.Of's chunk): the passes' buffers are sized by it or by the batch.
    private const int EvaluationRows = 256;

    /// <summary>
    /// A session's footprint with a run of <paramref name="settings"/> (none: null) and these uploads held, computed
    /// before any is created. Uploaded sets are counted once, as the session keeps them; a "csv" run trains on them.
    /// </summary>
    public static long Of(RunSettings? settings, Dataset? uploadTrain, Dataset? uploadTest)
    {
        long uploads = (uploadTrain is null ? 0 : Dataset(uploadTrain.Count, uploadTrain.FeatureCount))
            + (uploadTest is null ? 0 : Dataset(uploadTest.Count, uploadTest.FeatureCount));
        if (settings?.Shape(uploadTrain, uploadTest) is not { } shape)
        {
            return Session + uploads;
        }
        TrainingOptions options = settings.Options;
        return Session + uploads + Of(shape.Inputs, options.Hidden, shape.Classes, shape.TrainSamples, shape.TestSamples, options.BatchSize, options.Epochs);
    }

    /// <summary>The bytes a run of these sizes holds and allocates per epoch, at most.</summary>
    /// <param name="inputs">Pixels per sample.</param>
    /// <param name="hidden">Neurons per hidden layer.</param>
    /// <param name="classes">Output classes.</param>
    /// <param name="trainSamples">Training samples.</param>
    /// <param name="testSamples">Test samples.</param>
    /// <param name="batchSize">Samples per update.</param>
    /// <param name="epochs">Epochs of the run (a row of history each).</param>
    public static long Of(int inputs, IReadOnlyList<int> hidden, int classes, int trainSamples, int testSamples, int batchSize, int epochs)
    {
        long parameters = 0, widths = inputs, outputs = 0;
        int previous = inputs;
        foreach (int size in hidden.Append(classes))
        {
            parameters += (previous + 1L) * size;
            widths += size;
            outputs += size;
            previous = size;
        }
        // Features as doubles: the set itself, the run's copy and one epoch's copy (the trainer's, the evaluation's);
        // labels, kinds and the shuffled order beside them.
        long data = 3 * Dataset(trainSamples, inputs) + 4 * Dataset(testSamples, inputs);
        // Weights and biases, their gradients and up to three buffers of optimizer state.
        long network = 5 * sizeof(double) * parameters;
        // Every pass's activations, their gradients and transposes for a batch (or an evaluation chunk) of rows.
        // The pass over the whole training set that the picture's gradients take while paused: z, h, their gradients
        // and p for every sample.
        long buffers = 8L * sizeof(double) * Math.Max(batchSize, EvaluationRows) * widths
            + 5L * sizeof(double) * trainSamples * outputs;
        // A row of history per epoch, and the points and rows the frames send.
        long history = 256L * epochs;
        return data + network + buffers + history;
    }

    /// <summary>A data set's bytes: its features as doubles and, per sample, its label and what else it keeps.</summary>
    public static long Dataset(long samples, long features) => samples * (features * sizeof(double) + 16);
}
