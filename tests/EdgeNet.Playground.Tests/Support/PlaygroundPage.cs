using Microsoft.Playwright;

namespace EdgeNet.Playground.Tests.Support;

/// <summary>
/// One tab on the playground in its own browser context: collects console errors and page errors, and aborts (and
/// records) every request that would leave the machine.
/// </summary>
internal sealed class PlaygroundPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private PlaygroundPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public List<string> Problems { get; } = [];

    public List<string> OutsideRequests { get; } = [];

    public static async Task<PlaygroundPage> OpenAsync(IBrowser browser, Uri url, string query = "", bool wait = true, int width = 1400, int height = 1000)
    {
        IBrowserContext context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, AcceptDownloads = true });
        IPage page = await context.NewPageAsync();
        var result = new PlaygroundPage(context, page);
        await context.RouteAsync("**/*", async route =>
        {
            var target = new Uri(route.Request.Url);
            if (target.Scheme is "data" or "blob" || (target.Host == url.Host && target.Port == url.Port))
            {
                await route.ContinueAsync();
                return;
            }
            lock (result.OutsideRequests)
            {
                result.OutsideRequests.Add(route.Request.Url);
            }
            await route.AbortAsync();
        });
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (result.Problems)
                {
                    result.Problems.Add($"console {message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (result.Problems)
            {
                result.Problems.Add($"page error: {error}");
            }
        };
        await page.GotoAsync(new Uri(url, "/" + query).AbsoluteUri, new() { Timeout = 90_000 });
        if (wait)
        {
            await result.WaitForFrameAsync();
        }
        return result;
    }

    /// <summary>Frames the page has drawn so far.</summary>
    public async Task<int> FramesAsync() => int.Parse(await Page.EvaluateAsync<string>("document.body.dataset.frames || '0'"), System.Globalization.CultureInfo.InvariantCulture);

    public Task WaitForFrameAsync() => WaitAsync("Number(document.body.dataset.frames || 0) > 0");

    public Task WaitForEpochAsync(int epoch) =>
        WaitAsync($"Number(document.body.dataset.epoch || 0) >= {epoch} && document.body.dataset.playing === 'false'");

    /// <summary>
    /// Completes once <paramref name="condition"/> (page script) holds: the page checks it at each of its own tasks, so
    /// the wait ends with the state, never after a fixed time; <paramref name="seconds"/> only bounds a failure.
    /// (Playwright's WaitForFunction evaluates strings with eval, which the page's Content-Security-Policy rightly
    /// forbids; a function passed to EvaluateAsync is not subject to it.)
    /// </summary>
    public async Task WaitAsync(string condition, int seconds = 60)
    {
        string script = $$"""
            () => new Promise(resolve => {
              const check = () => { if ({{condition}}) resolve(true); else setTimeout(check, 10); };
              check();
            })
            """;
        try
        {
            await Page.EvaluateAsync<bool>(script).WaitAsync(TimeSpan.FromSeconds(seconds));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"After {seconds} s the page still does not satisfy: {condition}. Message shown: '{await Page.Locator("#message").InnerTextAsync()}'");
        }
    }

    /// <summary>Waits for the n-th message in the alert box (counted from 1) and returns its text.</summary>
    public async Task<string> WaitForMessageAsync(int count = 1)
    {
        await WaitAsync($"Number(document.getElementById('message').dataset.count || 0) >= {count}");
        return await Page.GetByRole(AriaRole.Alert).InnerTextAsync();
    }

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Field(string label) => Page.GetByLabel(label, new() { Exact = true });

    /// <summary>Clicks a download button and returns the file's text.</summary>
    public async Task<string> DownloadAsync(string button, string path)
    {
        IDownload download = await Page.RunAndWaitForDownloadAsync(() => Button(button).ClickAsync());
        await download.SaveAsAsync(path);
        return await File.ReadAllTextAsync(path);
    }

    /// <summary>The page had no console error and asked nothing of any other machine.</summary>
    public void AssertClean()
    {
        Assert.Empty(Problems);
        Assert.Empty(OutsideRequests);
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
