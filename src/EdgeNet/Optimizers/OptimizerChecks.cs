namespace EdgeNet.Optimizers;

/// <summary>The one argument check every rule makes: the parameters, gradient and state have the same length.</summary>
internal static class OptimizerChecks
{
    public static void SameLength(int parameters, params ReadOnlySpan<int> others)
    {
        foreach (int length in others)
        {
            if (length != parameters)
            {
                throw new ArgumentException($"The parameters, gradient and optimizer state must have the same length ({parameters} parameters, got {length}).");
            }
        }
    }
}
