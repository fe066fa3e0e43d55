namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>Tests that measure process-wide memory or change process-wide state run alone, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Serial
{
    public const string Name = "Serial (process-wide state)";
}
