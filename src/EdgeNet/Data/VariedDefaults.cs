namespace EdgeNet.Data;

/// <summary>
/// Defaults that replace the tutorial's when the varied patches are chosen and the option is not given (<c>edgenet --dataset varied</c>, the playground): the
/// tutorial's 100 patches and 100 epochs suit its toy data, not patches that vary this much.
/// </summary>
public static class VariedDefaults
{
    /// <summary>Training patches.</summary>
    public const int TrainSamples = 4000;

    /// <summary>Test patches.</summary>
    public const int TestSamples = 1000;

    /// <summary>Passes over the training data.</summary>
    public const int Epochs = 30;

    /// <summary>Held-out varied patches when evaluating on a dataset the model was not trained on.</summary>
    public const int EvalSamples = 1000;
}
