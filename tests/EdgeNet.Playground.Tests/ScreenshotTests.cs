using EdgeNet.Imaging;
using EdgeNet.Playground.Tests.Support;
using EdgeNet.Testing;
using Microsoft.Playwright;

namespace EdgeNet.Playground.Tests;

/// <summary>
/// Given the page as the docs show it (the whole page trained; lessons 1, 2, 5 and 6 with their task done; a lesson
/// on a phone), then it renders (not blank, no console error). With <c>EDGENET_PLAYGROUND_SCREENSHOTS=DIR</c> each
/// picture is also written there as PNG: <c>docs/images/playground*.png</c>, the README's and docs/playground.md's
/// pictures, come from this test (<c>EDGENET_PLAYGROUND_SCREENSHOTS=$PWD/docs/images dotnet test
/// tests/EdgeNet.Playground.Tests --filter ScreenshotTests</c>).
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class ScreenshotTests(PlaygroundFixture playground)
{
    [ChromiumTheory]
    [InlineData("playground.png")]
    [InlineData("playground-lesson-1.png")]
    [InlineData("playground-lesson-2.png")]
    [InlineData("playground-lesson-5.png")]
    [InlineData("playground-lesson-6.png")]
    [InlineData("playground-phone.png")]
    public async Task The_page_renders_as_the_docs_show_it(string name)
    {
        // Given
        (string query, int width, int height) = name switch
        {
            "playground.png" => ("?speed=0", 1280, 800),
            "playground-phone.png" => ("?speed=0#lesson=1", 390, 844),
            _ => ($"?speed=0#lesson={name[^5]}", 1280, 800),
        };
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, query, width: width, height: height);

        // When: what a learner does in each
        ILocator done = tab.Page.Locator("#lesson-status[data-done=true]");
        switch (name)
        {
            case "playground.png":
                await tab.Button("Play").ClickAsync();
                await tab.WaitForEpochAsync(100);
                await tab.Button("Neuron 2 of hidden layer 1").ClickAsync();
                await tab.WaitAsync("document.getElementById('formula').textContent.length > 0");
                break;
            case "playground-lesson-1.png" or "playground-phone.png":
                await tab.Button("Epoch").ClickAsync();
                await tab.WaitAsync("Number(document.body.dataset.epoch) >= 1");
                await done.WaitForAsync();
                if (name == "playground-phone.png")
                {
                    await tab.Page.EvaluateAsync("scrollTo(0, 0)");
                }
                break;
            case "playground-lesson-2.png":
                await tab.Button("Play").ClickAsync();
                await tab.WaitForEpochAsync(30);
                int edge = await tab.Page.EvaluateAsync<int>("""
                    (() => { const l = state.layers[0], row = [0.1, 0.1, 0.5, 0.9, 0.9]; let best = 0, top = -Infinity;
                             for (let j = 0; j < l.outputs; j++) { let s = 0; for (let i = 0; i < 25; i++) s += l.w[i * l.outputs + j] * (row[i % 5] - 0.5); if (s > top) { top = s; best = j; } }
                             return best; })()
                    """);
                await tab.Button($"Neuron {edge} of hidden layer 1").ClickAsync();
                await done.WaitForAsync();
                break;
            case "playground-lesson-5.png":
                await tab.Button("Play").ClickAsync();
                await tab.WaitForEpochAsync(30);
                await tab.Field("True class").SelectOptionAsync("1");
                await tab.Button("Show step").ClickAsync();
                await done.WaitForAsync();
                await tab.Page.Locator("#step-panel").ScrollIntoViewIfNeededAsync();
                break;
            case "playground-lesson-6.png":
                await tab.Button("Play").ClickAsync();
                await done.WaitForAsync();
                await tab.WaitAsync("document.body.dataset.playing === 'false' || Number(document.body.dataset.epoch) >= 100");
                break;
        }
        byte[] png = await tab.Page.ScreenshotAsync(new() { FullPage = name == "playground-lesson-5.png" });

        // Then: the picture is the page's, with both dark and light pixels
        GrayImage shot = ImageDecoder.Decode(png, "screenshot");
        Assert.Equal(width, shot.Width);
        Assert.True(shot.Pixels.Min() < 0.2 && shot.Pixels.Max() > 0.9, "the screenshot is blank");
        Assert.True(await tab.Page.Locator("#network").IsVisibleAsync());
        if (Environment.GetEnvironmentVariable("EDGENET_PLAYGROUND_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, name), png);
        }
        tab.AssertClean();
    }
}
