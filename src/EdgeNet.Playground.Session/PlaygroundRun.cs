using EdgeNet.Data;
using EdgeNet.Optimizers;
using EdgeNet.Training;

namespace EdgeNet.Playground;

/// <summary>
/// One run of one session: the data, the network, the optimizer and the epochs done so far. With the tutorial's plain
/// SGD, whole epochs go through the engine's <see cref="Trainer"/> one at a time with the same generator, so N of them
/// give <c>edgenet train</c>'s numbers for N epochs; single steps walk the same order a batch at a time (the same
/// numbers, to the bit). With any other rule the run owns the <see cref="Optimizer{T}"/>, so its state (velocity,
/// moments, step count) lives as long as the run, and every update is the Trainer's: forward and loss,
/// <see cref="Network{T}.Backward"/>, <see cref="Optimizer{T}.Step"/>.
/// </summary>
internal sealed class PlaygroundRun
{
    private readonly NumpyRandom _random;
    private readonly double[] _x;
    private readonly int[] _labels;
    private readonly double[] _xBatch;
    private readonly int[] _yBatch;
    private readonly List<EpochStats> _history = [];
    private int[] _order = [];
    private double _lossSum;
    private int _correct;

    public PlaygroundRun(RunSettings settings, Dataset? uploadedTrain, Dataset? uploadedTest, string? uploadName, PlaygroundLimits limits)
    {
        Settings = settings;
        bool csv = settings.DataKind == "csv";
        settings.CheckSize(RequireShape(settings, uploadedTrain, uploadedTest), limits);
        var setup = SeededSetup<double>.Create(settings.Options, settings.Data, csv ? uploadedTrain : null, csv ? uploadedTest : null);
        _random = setup.Random;
        Network = setup.Network;
        Train = setup.Train;
        Test = setup.Test;
        DataName = csv ? uploadName ?? "upload.csv" : settings.Data.Name;
        _x = Train.FeaturesAs<double>();
        _labels = Train.Labels.ToArray();
        int batch = Math.Min(settings.Options.BatchSize, Train.Count);
        _xBatch = new double[batch * Train.FeatureCount];
        _yBatch = new int[batch];
        Network.UseReferenceKernels = settings.Reference;
        Optimizer = settings.Options.Optimizer.IsPlainSgd ? null : new Optimizer<double>(settings.Options.Optimizer, settings.Options.LearningRate, Network.Layers);
    }

    public RunSettings Settings { get; }

    /// <summary>The data of a run with these settings and uploads, or why there can be none yet.</summary>
    public static DataShape RequireShape(RunSettings settings, Dataset? uploadedTrain, Dataset? uploadedTest) =>
        settings.Shape(uploadedTrain, uploadedTest) ?? throw new PlaygroundInputException("Choose a CSV file to train on first (label, then the pixel values, one patch a line).");

    public TrainingOptions Options => Settings.Options;

    public Network<double> Network { get; }

    /// <summary>The rule with its state for this run; null for the tutorial's plain SGD, which keeps none.</summary>
    public Optimizer<double>? Optimizer { get; }

    public Dataset Train { get; }

    public Dataset? Test { get; }

    /// <summary>The file name of the uploaded data, or "tutorial" / "varied".</summary>
    public string DataName { get; }

    /// <summary>One row per finished epoch, numbered from 0 as <c>edgenet train --metrics</c> numbers them.</summary>
    public IReadOnlyList<EpochStats> History => _history;

    /// <summary>Samples of the current epoch already trained on by single steps (0 between epochs).</summary>
    public int Position { get; private set; }

    /// <summary>Updates applied from the step panel (outside the training order).</summary>
    public int HandSteps { get; set; }

    /// <summary>All the run's epochs are done.</summary>
    public bool Finished => _history.Count >= Options.Epochs;

    /// <summary>Side of the square patch, or null when the inputs are not a square.</summary>
    public int? PatchSide => Models.Model.SquareSide(Network.Inputs);

    /// <summary>
    /// Fills each layer's gradient buffers with dL/dW and dL/db of the mean loss over the training set at the current
    /// weights: the direction the next full-batch step of gradient descent moves them (−α·dL/dW). The weights and the
    /// optimizer's state do not change; every update computes its own gradients first.
    /// </summary>
    public void ComputeTrainingGradient()
    {
        Network.ForwardLoss(_x, _labels, out _);
        Network.Backward(_x, _labels);
    }

    /// <summary>One whole epoch (or the rest of the current one, when single steps began it).</summary>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public void Epoch()
    {
        if (Finished)
        {
            return;
        }
        if (Position > 0 || Optimizer is not null)
        {
            do
            {
                Step();
            }
            while (Position > 0);
            return;
        }
        EpochStats stats = Trainer.Train(Network, Train, Test, Options with { Epochs = 1 }, _random)[0];
        _history.Add(stats with { Epoch = _history.Count, Epochs = Options.Epochs });
    }

    /// <summary>One update on the next batch of the epoch's order; the last batch closes the epoch.</summary>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public void Step()
    {
        if (Finished)
        {
            return;
        }
        int count = Train.Count, features = Train.FeatureCount;
        if (Position == 0)
        {
            _order = Options.Shuffle ? _random.Permutation(count) : [.. Enumerable.Range(0, count)]; // as the Trainer draws it
            _lossSum = 0;
            _correct = 0;
        }
        int batch = Math.Min(_yBatch.Length, count - Position);
        for (int n = 0; n < batch; n++)
        {
            int sample = _order[Position + n];
            _x.AsSpan(sample * features, features).CopyTo(_xBatch.AsSpan(n * features, features));
            _yBatch[n] = _labels[sample];
        }
        ReadOnlySpan<double> xs = _xBatch.AsSpan(0, batch * features);
        ReadOnlySpan<int> ys = _yBatch.AsSpan(0, batch);
        double loss = Network.ForwardLoss(xs, ys, out int correct);                      // forward + loss
        if (!double.IsFinite(loss))
        {
            throw new TrainingDivergedException(_history.Count, Options.LearningRate);
        }
        _lossSum += loss;
        _correct += correct;
        if (Optimizer is null)
        {
            Sgd.BackwardAndStep(Network, xs, ys, Options.LearningRate);                     // backward, then update
        }
        else
        {
            Network.Backward(xs, ys);                                                       // dL/dW, dL/db into the layers
            Optimizer.Step(Network.Layers);                                                 // the optimizer's update
        }
        Position += batch;
        if (Position == count)
        {
            Evaluation? test = Test is null ? null : Evaluation.Of(Network, Test);
            _history.Add(new EpochStats(_history.Count, Options.Epochs, _lossSum / count, (double)_correct / count, test?.Loss, test?.Accuracy));
            Position = 0;
        }
    }
}
