namespace EdgeNet.Training;

/// <summary>
/// What one epoch did: training loss and accuracy gathered during the epoch (each sample before its update,
/// as the tutorial computes them), and test loss and accuracy after it. Accuracies are fractions from 0 to 1.
/// </summary>
public sealed record EpochStats(
    int Epoch,
    int Epochs,
    double TrainLoss,
    double TrainAccuracy,
    double? TestLoss,
    double? TestAccuracy);
