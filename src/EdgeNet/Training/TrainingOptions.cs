using EdgeNet.Layers;
using EdgeNet.Optimizers;

namespace EdgeNet.Training;

/// <summary>
/// Everything that decides a training run, with the tutorial's "Try it yourself" values as defaults:
/// seed 42, 100 training and 20 test samples, 25→8→2, 100 epochs, learning rate 0.1, batch 1.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Seed of NumPy's legacy generator (<c>np.random.seed</c>).</summary>
    public uint Seed { get; init; } = 42;

    /// <summary>Generated training samples (ignored when training on a file).</summary>
    public int TrainSamples { get; init; } = 100;

    /// <summary>Generated test samples.</summary>
    public int TestSamples { get; init; } = 20;

    /// <summary>Sizes of the hidden layers, input side first.</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [8];

    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>α in W ← W − α·dL/dW.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Samples per update; the gradient is the mean over the batch. 1 is the tutorial's loop.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Visit the samples in a new random order each epoch (<c>np.random.permutation</c>).</summary>
    public bool Shuffle { get; init; }

    /// <summary>Scale of the initial weights: W = randn(inputs, outputs) · scale.</summary>
    public double InitScale { get; init; } = 0.3;

    /// <summary>The update rule and its settings (default: the tutorial's plain SGD).</summary>
    public OptimizerSettings Optimizer { get; init; } = OptimizerSettings.Tutorial;

    /// <summary>The hidden layers' activation (default: the tutorial's ReLU).</summary>
    public HiddenActivation Activation { get; init; } = HiddenActivation.Relu;

    /// <summary>How the initial weights are scaled (default: the tutorial's <see cref="InitScale"/>).</summary>
    public WeightInit Init { get; init; } = WeightInit.Tutorial;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that is out of range.</summary>
    public void Validate()
    {
        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
        {
            throw new ArgumentException($"The learning rate must be a finite number above 0 (got {LearningRate}).");
        }
        if (Epochs < 1)
        {
            throw new ArgumentException($"Epochs must be at least 1 (got {Epochs}).");
        }
        if (BatchSize < 1)
        {
            throw new ArgumentException($"The batch size must be at least 1 (got {BatchSize}).");
        }
        if (TrainSamples < 1)
        {
            throw new ArgumentException($"Training samples must be at least 1 (got {TrainSamples}).");
        }
        if (TestSamples < 0)
        {
            throw new ArgumentException($"Test samples cannot be negative (got {TestSamples}).");
        }
        if (TrainSamples > Limits.MaxSamples || TestSamples > Limits.MaxSamples)
        {
            throw new ArgumentException($"Training and test samples must each be at most {Limits.Count(Limits.MaxSamples)} (got {TrainSamples} and {TestSamples}).");
        }
        if (Hidden.Count + 1 > Limits.MaxLayers)
        {
            throw new ArgumentException($"A network has at most {Limits.MaxLayers} layers (got {Hidden.Count} hidden layers).");
        }
        if (Hidden.Any(size => size < 1))
        {
            throw new ArgumentException($"Every hidden layer needs at least 1 neuron (got {string.Join(",", Hidden)}).");
        }
        if (!double.IsFinite(InitScale) || InitScale <= 0)
        {
            throw new ArgumentException($"The initial weight scale must be a finite number above 0 (got {InitScale}).");
        }
        if (!Enum.IsDefined(Activation) || !Enum.IsDefined(Init))
        {
            throw new ArgumentException($"Unknown activation {(int)Activation} or initialisation {(int)Init}.");
        }
        ArgumentNullException.ThrowIfNull(Optimizer);
        Optimizer.Validate();
    }
}
