namespace EdgeNet.Playground;

/// <summary>Where the playground listens and how much it takes.</summary>
public sealed record PlaygroundOptions
{
    /// <summary>The address to bind: loopback unless the user asks otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// The origins (<c>https://school.example</c>) whose pages may show the playground in an iframe, or <c>*</c> for
    /// any; none by default (<c>frame-ancestors 'none'</c>), so no other site can frame a playground on this machine
    /// and lure clicks onto it. <c>edgenet playground --allow-embed ORIGINS</c>.
    /// </summary>
    public IReadOnlyList<string> EmbedOrigins { get; init; } = [];

    /// <summary>Caps on sessions, networks, runs and uploads.</summary>
    public PlaygroundLimits Limits { get; init; } = new();
}
