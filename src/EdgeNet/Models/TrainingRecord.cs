using EdgeNet.Data;

namespace EdgeNet.Models;

/// <summary>How a saved model was made: the options and seed, and where its data came from.</summary>
/// <param name="Options">The training options, seed included.</param>
/// <param name="Data">"tutorial" or "varied" for generated patches, else the name of the data file.</param>
/// <param name="Varied">The varied generator's options when <paramref name="Data"/> is "varied"; else null.</param>
public sealed record TrainingRecord(Training.TrainingOptions Options, string Data, VariedOptions? Varied = null);
