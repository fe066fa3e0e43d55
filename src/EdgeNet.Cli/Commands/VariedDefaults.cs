namespace EdgeNet.Cli.Commands;

/// <summary>
/// Defaults that replace the tutorial's when <c>--dataset varied</c> is chosen and the option is not typed: the
/// tutorial's 100 patches and 100 epochs suit its toy data, not patches that vary this much.
/// </summary>
internal static class VariedDefaults
{
    public const int TrainSamples = 4000;

    public const int TestSamples = 1000;

    public const int Epochs = 30;

    /// <summary>Held-out varied patches when evaluating on a dataset the model was not trained on.</summary>
    public const int EvalSamples = 1000;
}
