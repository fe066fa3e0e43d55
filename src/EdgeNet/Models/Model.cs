namespace EdgeNet.Models;

/// <summary>A trained network with its class names and the record of how it was trained.</summary>
public sealed record Model(Network<double> Network, IReadOnlyList<string> ClassNames, TrainingRecord? Training);
