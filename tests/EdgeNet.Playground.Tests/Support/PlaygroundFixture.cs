using System.Text.Json;
using Microsoft.Playwright;

namespace EdgeNet.Playground.Tests.Support;

/// <summary>
/// One playground server on a free loopback port and one headless Chromium (Debian's, never a downloaded browser)
/// for all the page tests; each test opens its own browser context, so its own session.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public PlaygroundServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri Url => Server.Url;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (.ci/run does).");
        Server = await PlaygroundServer.StartAsync(new PlaygroundOptions());
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(Launch());
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }

    public static BrowserTypeLaunchOptions Launch() => new()
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
    };

    /// <summary>The server's <c>/status</c>: open and training sessions.</summary>
    public static async Task<(int Sessions, int Training)> StatusAsync(Uri url)
    {
        using var http = new HttpClient();
        using JsonDocument status = JsonDocument.Parse(await http.GetStringAsync(new Uri(url, "/status")));
        return (status.RootElement.GetProperty("sessions").GetInt32(), status.RootElement.GetProperty("training").GetInt32());
    }
}

[CollectionDefinition(Name)]
public sealed class PlaygroundCollection : ICollectionFixture<PlaygroundFixture>
{
    public const string Name = "playground";
}
