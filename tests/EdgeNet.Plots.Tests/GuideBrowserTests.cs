using EdgeNet.Plots.Tests.Support;
using EdgeNet.Testing;
using Microsoft.Playwright;

namespace EdgeNet.Plots.Tests;

/// <summary>
/// The guide opened from disk in a real headless Chromium (Debian's, installed by .ci/run): it renders without a
/// console error, every image loads, and a screenshot of it is not blank; its "Beyond SGD" section shows both figures,
/// a table row per optimizer and per activation, and the computed numbers. Without Chromium it is skipped with the
/// reason, unless EDGENET_REQUIRE_CHROMIUM=1 (CI).
/// </summary>
[Collection(GuideCollection.Name)]
public sealed class GuideBrowserTests(GuideFixture guide)
{
    [ChromiumFact]
    public async Task The_guide_renders_in_headless_chromium_without_errors_and_is_not_blank()
    {
        // Given: Chromium itself, never a downloaded browser
        using var profile = new TempFolder();
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowserContext browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.Path, new()
        {
            ExecutablePath = Chromium.Require(),
            Headless = true,
            Args = Chromium.Switches,
            ViewportSize = new() { Width = 1200, Height = 900 },
        });
        IPage page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");

        // When
        IResponse? response = await page.GotoAsync(new Uri(guide.Result.IndexPath).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
        int images = await page.EvaluateAsync<int>("document.images.length");
        int broken = await page.EvaluateAsync<int>("Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).length");
        string title = await page.TitleAsync();
        byte[] screenshot = await page.ScreenshotAsync(new() { FullPage = true });
        int beyondSgdImages = await page.EvaluateAsync<int>("Array.from(document.querySelectorAll('#beyond-sgd img')).filter(i => i.complete && i.naturalWidth > 0).length");
        int[] beyondSgdRows = await page.EvaluateAsync<int[]>("Array.from(document.querySelectorAll('#beyond-sgd table')).map(t => t.tBodies[0].rows.length)");
        const string AdamLoss = "beyondSgd.optimizer.adam.finalLoss";
        string adamLossShown = await page.InnerTextAsync($"#beyond-sgd [data-key='{AdamLoss}']");
        byte[] beyondSgdShot = await page.Locator("#beyond-sgd").ScreenshotAsync();

        // Then
        Assert.NotNull(response);
        Assert.Empty(problems);
        Assert.Equal(guide.Result.Figures.Count, images);
        Assert.Equal(0, broken);
        Assert.Contains("Edge-Detection", title, StringComparison.Ordinal);
        PngImage shot = PngImage.Decode(screenshot);
        Assert.True(shot.Height > 5000, $"the full page is only {shot.Height} px tall");
        shot.AssertNotBlank("screenshot of the guide");

        // and the "Beyond SGD" section: both figures loaded, a row per optimizer and per activation, the computed numbers shown
        Assert.Equal(2, beyondSgdImages);
        Assert.Equal([Enum.GetValues<Optimizers.OptimizerKind>().Length, Enum.GetValues<Layers.HiddenActivation>().Length], beyondSgdRows);
        Assert.Equal(guide.Text(AdamLoss), adamLossShown);
        PngImage section = PngImage.Decode(beyondSgdShot);
        Assert.True(section.Height > 800, $"the Beyond SGD section is only {section.Height} px tall");
        section.AssertNotBlank("screenshot of the Beyond SGD section");
    }
}
