namespace EdgeNet.Playground;

/// <summary>Where the playground listens and how much it takes.</summary>
public sealed record PlaygroundOptions
{
    /// <summary>The address to bind: loopback unless the user asks otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Caps on sessions, networks, runs and uploads.</summary>
    public PlaygroundLimits Limits { get; init; } = new();
}
