namespace EdgeNet.Models;

/// <summary>How a saved model was made: the options and seed, and where its data came from.</summary>
/// <param name="Options">The training options, seed included.</param>
/// <param name="Data">"tutorial" for generated patches, else the name of the data file.</param>
public sealed record TrainingRecord(Training.TrainingOptions Options, string Data);
