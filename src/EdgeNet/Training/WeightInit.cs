namespace EdgeNet.Training;

/// <summary>
/// How the initial weights are scaled. Every scheme makes the same NumPy draws in the same order
/// (<c>W = randn(fan_in, fan_out) · scale</c>, <c>b = 0</c>, layer by layer), so seeded runs still match NumPy and PyTorch.
/// </summary>
public enum WeightInit
{
    /// <summary>The tutorial's fixed scale, 0.3 (<see cref="TrainingOptions.InitScale"/>).</summary>
    Tutorial,

    /// <summary>He (Kaiming) normal: scale √(2 / fan_in), for ReLU-like units.</summary>
    He,

    /// <summary>Glorot (Xavier) normal: scale √(2 / (fan_in + fan_out)), for tanh and sigmoid.</summary>
    Xavier,
}
