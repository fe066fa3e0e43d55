namespace EdgeNet.Cli.Commands;

/// <summary>
/// The engine's caps (<see cref="Limits"/>) checked with the values the options gave, before any work. The engine
/// says what is too large in its own terms (samples, batch size, layers) with the value and the cap; the line the
/// user reads adds which options to change.
/// </summary>
internal static class OptionLimits
{
    /// <summary><c>gradcheck</c>: the work of checking a network of these sizes over <paramref name="samples"/> samples.</summary>
    public static void GradientCheck(IReadOnlyList<int> sizes, int samples) =>
        Check(() => Limits.CheckGradientCheck(Limits.Parameters(sizes), samples), "Use fewer --samples or smaller --hidden layers.");

    /// <summary><c>train</c>: the activations of one batch, as the trainer will hold them (the batch is at most the training set).</summary>
    public static void Batch<T>(Network<T> network, int batchSize, int trainingSamples)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        Check(() => Limits.CheckBatch(Math.Min(batchSize, trainingSamples), network.Layers.Select(l => l.Outputs)), "Use a smaller --batch-size or narrower --hidden layers.");

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
