using System.Text.Json;
using EdgeNet.Testing;
using Microsoft.Playwright;

namespace EdgeNet.Playground.Tests.Support;

/// <summary>
/// One playground server on a free loopback port and one headless Chromium (<see cref="Chromium"/>: Debian's, never a
/// downloaded browser) for all the page tests; each test opens its own browser context, so its own session. Where no
/// Chromium is found the tests (<see cref="ChromiumFactAttribute"/>) are skipped and no browser is started.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public PlaygroundServer Server { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Chromium.SkipReason ?? "The browser did not start.");

    public Uri Url => Server.Url;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(60_000);                    // Expect waits for its state; a minute bounds a failure on a loaded machine
        Server = await PlaygroundServer.StartAsync(new PlaygroundOptions());
        if (Chromium.SkipReason is not null)
        {
            return;                                                     // every test here is skipped, with the reason
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }

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
