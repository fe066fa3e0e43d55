using EdgeNet.Imaging;
using EdgeNet.Playground.Tests.Support;
using EdgeNet.Testing;

namespace EdgeNet.Playground.Tests;

/// <summary>
/// Given a trained run with a probe and a step shown, then the whole page renders (not blank). With
/// <c>EDGENET_PLAYGROUND_SCREENSHOT=FILE</c> the screenshot is also written there: it is the README's picture.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class ScreenshotTests(PlaygroundFixture playground)
{
    [ChromiumFact]
    public async Task The_trained_page_renders_every_panel()
    {
        // Given
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?speed=0");
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(100);
        await tab.Button("Neuron 2 of hidden layer 1").ClickAsync();
        await tab.Button("Show step").ClickAsync();
        await tab.WaitAsync("document.getElementById('step-text').textContent.length > 0 && document.getElementById('formula').textContent.length > 0");

        // When
        byte[] png = await tab.Page.ScreenshotAsync(new() { FullPage = true });

        // Then: every panel is on the page, and the picture has both dark and light pixels
        GrayImage shot = ImageDecoder.Decode(png, "screenshot");
        Assert.Equal(1400, shot.Width);
        Assert.True(shot.Pixels.Min() < 0.2 && shot.Pixels.Max() > 0.9, "the screenshot is blank");
        foreach (string heading in new[] { "The data", "Network and training", "The network", "Live", "Probe", "Step", "Photo" })
        {
            Assert.True(await tab.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = heading }).IsVisibleAsync(), heading);
        }
        Assert.Equal(2, await tab.Page.Locator(".uplot").CountAsync());
        if (Environment.GetEnvironmentVariable("EDGENET_PLAYGROUND_SCREENSHOT") is { Length: > 0 } path)
        {
            await File.WriteAllBytesAsync(path, png);
        }
        tab.AssertClean();
    }
}
