namespace EdgeNet.Cli.Commands;

/// <summary>
/// The engine's caps (<see cref="Limits"/>) checked with the values the options gave, before any work. The engine
/// says what is too large in its own terms (samples, batch size, layers) with the value and the cap; the line the
/// user reads adds which options to change.
/// </summary>
internal static class OptionLimits
{
    /// <summary>
    /// <c>gradcheck</c>: the work of checking a network of these sizes over <paramref name="samples"/> samples; a
    /// <paramref name="model"/>'s layers are its own, so only fewer samples can help.
    /// </summary>
    public static void GradientCheck(IReadOnlyList<int> sizes, int samples, bool model = false) =>
        Check(() => Limits.CheckGradientCheck(Limits.Parameters(sizes), samples), model ? "Use fewer --samples (the model's layers are its own)." : "Use fewer --samples or smaller --hidden layers.");

    /// <summary><c>train</c>: the activations of one batch, as the trainer will hold them (the batch is at most the training set).</summary>
    public static void Batch<T>(Network<T> network, int batchSize, int trainingSamples)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        Check(() => Limits.CheckBatch(Math.Min(batchSize, trainingSamples), network.Layers.Select(l => l.Outputs)), "Use a smaller --batch-size or narrower --hidden layers.");

    /// <summary><c>train --save</c>: the model file such a network can take fits what loading accepts.</summary>
    public static void Savable<T>(Network<T> network)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        Check(() => Models.ModelFile.CheckSavable([network.Inputs, .. network.HiddenSizes, network.Classes]), "Use narrower --hidden layers, or leave out --save.");

    private static void Check(Action check, string advice)
    {
        try
        {
            check();
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{e.Message} {advice}");
        }
    }
}
