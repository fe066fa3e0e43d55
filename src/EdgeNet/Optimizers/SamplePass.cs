namespace EdgeNet.Optimizers;

/// <summary>
/// What <see cref="Sgd.TrainPerSample{T}"/> saw: the summed loss and the count predicted right over the samples it
/// stepped through (each measured before its own update, as the tutorial counts), and how many that was.
/// </summary>
/// <param name="LossSum">Σ L over the samples stepped through.</param>
/// <param name="Correct">Samples whose most probable class was the label.</param>
/// <param name="Steps">
/// Samples stepped through: all of them, or fewer when a loss was not finite. Then the sample at that place in the
/// order is the one whose loss was not finite; neither it nor any after it changed the network.
/// </param>
public readonly record struct SamplePass(double LossSum, int Correct, int Steps);
