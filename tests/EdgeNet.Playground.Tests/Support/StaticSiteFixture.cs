using EdgeNet.Testing;
using Microsoft.Playwright;

namespace EdgeNet.Playground.Tests.Support;

/// <summary>
/// The playground as <c>edgenet playground --export DIR</c> writes it, served by a plain static file server, and one
/// headless Chromium (<see cref="Chromium"/>): the engine runs in each tab's Web Worker (WebAssembly). The site needs
/// edgenet built with its WebAssembly engine (-p:EdgeNetPlaygroundSite=true, or a Release build); without it, or
/// without Chromium, the tests say why and are skipped, unless EDGENET_REQUIRE_SITE=1 (CI) makes a missing site a
/// failure.
/// </summary>
public sealed class StaticSiteFixture : IAsyncLifetime
{
    /// <summary>The variable that makes the static-site tests required (CI sets it).</summary>
    public const string RequireVariable = "EDGENET_REQUIRE_SITE";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private StaticFileServer? _server;
    private TempFolder? _folder;

    /// <summary>Why the tests cannot run here, or null.</summary>
    public string? Missing { get; private set; }

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Missing ?? "The browser did not start.");

    public Uri Url => _server!.Url;

    public async Task InitializeAsync()
    {
        Missing = Chromium.SkipReason ?? (PlaygroundSite.FindEngine() is null
            ? $"this build of edgenet has no WebAssembly playground: build it with -p:EdgeNetPlaygroundSite=true ({RequireVariable}=1 makes these tests required, as in CI)."
            : null);
        if (Missing is not null)
        {
            Assert.False(Environment.GetEnvironmentVariable(RequireVariable) == "1", $"{RequireVariable}=1, but {Missing}");
            return;
        }
        _folder = new TempFolder();
        string site = _folder.File("site");
        CliRun.Of("playground", "--export", site).Succeeded();
        _server = new StaticFileServer(site);
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
        _server?.Dispose();
        _folder?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class StaticSiteCollection : ICollectionFixture<StaticSiteFixture>
{
    public const string Name = "static site";
}
