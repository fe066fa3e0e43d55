namespace EdgeNet.Training;

/// <summary>The loss became NaN or infinite: the weights have blown up, usually from too large a learning rate.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for the epoch (0-based) where the loss stopped being finite.</summary>
    public TrainingDivergedException(int epoch, double learningRate)
        : base($"The loss became NaN or infinite in epoch {epoch}: training diverged. Try a smaller learning rate than {learningRate}.")
    {
        Epoch = epoch;
        LearningRate = learningRate;
    }

    /// <summary>The epoch (0-based) in which the loss stopped being finite.</summary>
    public int Epoch { get; }

    /// <summary>The learning rate that was used.</summary>
    public double LearningRate { get; }
}
