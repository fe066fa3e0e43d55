using EdgeNet.Data;
using EdgeNet.Models;

namespace EdgeNet.Training;

/// <summary>Trains a model on generated patches (the tutorial's or the varied ones) and records how it was made.</summary>
public static class ModelTraining
{
    /// <summary>
    /// Seed → training set → test set → initial weights (<see cref="SeededSetup{T}"/>), then
    /// <see cref="Trainer.Train"/>; each epoch is reported to <paramref name="progress"/>.
    /// </summary>
    public static Model Train(TrainingOptions options, GeneratedData data, IProgress<EpochStats>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        var setup = SeededSetup<double>.Create(options, data);
        Trainer.Train(setup.Network, setup.Train, setup.Test, options, setup.Random, progress);
        return new Model(setup.Network, setup.Train.ClassNames, new TrainingRecord(options, data.Name, data.Varied));
    }
}
