using EdgeNet.Playground.Tests.Support;

namespace EdgeNet.Playground.Tests;

/// <summary>Given many tabs, then each is its own session, all keep updating, caps hold, and closed tabs stop training.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class SessionTests(PlaygroundFixture playground)
{
    [Fact]
    public async Task Twenty_tabs_train_at_once_all_keep_updating_and_the_server_goes_idle_when_they_close()
    {
        // Given: a server of its own and twenty browser contexts, each training a long run at 20 epochs a second
        await using PlaygroundServer server = await PlaygroundServer.StartAsync(new PlaygroundOptions());
        var tabs = new PlaygroundPage[20];
        for (int i = 0; i < tabs.Length; i++)
        {
            tabs[i] = await PlaygroundPage.OpenAsync(playground.Browser, server.Url, $"?epochs=10000&seed={i}&speed=20", wait: false);
        }
        await WaitUntilAsync(async () => (await PlaygroundFixture.StatusAsync(server.Url)).Sessions == 20, 60);
        await Task.WhenAll(tabs.Select(t => t.WaitForFrameAsync()));
        await Task.WhenAll(tabs.Select(t => t.Button("Play").DispatchEventAsync("click")));   // the button by role; no wait for 20 tabs to settle
        await WaitUntilAsync(async () => (await PlaygroundFixture.StatusAsync(server.Url)).Training == 20, 30);
        await Task.Delay(1000);

        // When: three seconds of training
        int[] before = await Task.WhenAll(tabs.Select(t => t.FramesAsync()));
        int[] epochsBefore = await Task.WhenAll(tabs.Select(t => t.Page.EvaluateAsync<int>("Number(document.body.dataset.epoch)")));
        (int sessions, int training) = await PlaygroundFixture.StatusAsync(server.Url);
        await Task.Delay(4000);
        int[] after = await Task.WhenAll(tabs.Select(t => t.FramesAsync()));
        int[] epochsAfter = await Task.WhenAll(tabs.Select(t => t.Page.EvaluateAsync<int>("Number(document.body.dataset.epoch)")));

        // Then: twenty sessions training; every tab got frames and epochs all along (the frame rate itself is
        // bench/playground-load's to measure: here twenty renderers share the test machine's cores)
        Assert.Equal((20, 20), (sessions, training));
        for (int i = 0; i < tabs.Length; i++)
        {
            Assert.True(after[i] - before[i] >= 4, $"tab {i} drew only {after[i] - before[i]} frames in 4 s");
            Assert.True(epochsAfter[i] > epochsBefore[i], $"tab {i} did not train");
        }
        foreach (PlaygroundPage tab in tabs)
        {
            tab.AssertClean();
        }

        // and when they close, within seconds nothing is open or training
        foreach (PlaygroundPage tab in tabs)
        {
            await tab.DisposeAsync();
        }
        await WaitUntilAsync(async () => await PlaygroundFixture.StatusAsync(server.Url) == (0, 0), 10);
        Assert.Equal((0, 0), await PlaygroundFixture.StatusAsync(server.Url));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds)
    {
        DateTime end = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition() && DateTime.UtcNow < end)
        {
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Past_the_session_cap_a_tab_gets_a_message_and_an_oversized_upload_is_refused_by_the_server()
    {
        // Given: a server that takes two tabs and CSV files of 500 bytes
        await using PlaygroundServer server = await PlaygroundServer.StartAsync(new PlaygroundOptions { Limits = new PlaygroundLimits { MaxSessions = 2, MaxCsvBytes = 500 } });
        await using PlaygroundPage first = await PlaygroundPage.OpenAsync(playground.Browser, server.Url);

        // When: an upload of 600 bytes goes past the page's own check; then a second and a third tab open
        string csv = "0," + string.Join(",", Enumerable.Repeat("0.50000", 100));
        var upload = await first.Page.EvaluateAsync<RawSocket.Reply>(RawSocket.Script, new { text = $"{{\"type\":\"csv\",\"role\":\"train\",\"name\":\"big.csv\",\"text\":\"{csv}\"}}", size = 0, binary = false });
        await using PlaygroundPage second = await PlaygroundPage.OpenAsync(playground.Browser, server.Url);
        await using PlaygroundPage third = await PlaygroundPage.OpenAsync(playground.Browser, server.Url, wait: false);

        // Then
        Assert.Equal("The CSV file is over the playground's cap of 500 bytes.", upload.Error);
        Assert.Equal("The playground already has 2 tabs open, its cap. Close one and reload this page.", await third.WaitForMessageAsync());
        await first.Button("Epoch").ClickAsync();
        await first.WaitAsync("document.body.dataset.epoch === '1'");
        Assert.Equal(2, (await PlaygroundFixture.StatusAsync(server.Url)).Sessions);
        first.AssertClean();
        second.AssertClean();
    }
}
