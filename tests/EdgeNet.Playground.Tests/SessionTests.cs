using EdgeNet.Playground.Tests.Support;
using EdgeNet.Testing;

namespace EdgeNet.Playground.Tests;

/// <summary>Given many tabs, then each is its own session, all keep updating, caps hold, and closed tabs stop training.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class SessionTests(PlaygroundFixture playground)
{
    [ChromiumFact]
    public async Task Twenty_tabs_train_at_once_all_keep_updating_and_the_server_goes_idle_when_they_close()
    {
        // Given: a server of its own and twenty browser contexts, each training a long run at 20 epochs a second
        await using PlaygroundServer server = await PlaygroundServer.StartAsync(new PlaygroundOptions());
        var tabs = new PlaygroundPage[20];
        for (int i = 0; i < tabs.Length; i++)
        {
            tabs[i] = await PlaygroundPage.OpenAsync(playground.Browser, server.Url, $"?epochs=10000&seed={i}&speed=20", wait: false);
        }
        await server.WaitForSessionsAsync((open, _) => open == 20, TimeSpan.FromSeconds(60));
        await Task.WhenAll(tabs.Select(t => t.WaitForFrameAsync()));
        await Task.WhenAll(tabs.Select(t => t.Button("Play").DispatchEventAsync("click")));   // the button by role; no wait for 20 tabs to settle
        await server.WaitForSessionsAsync((_, training) => training == 20, TimeSpan.FromSeconds(60));
        (int sessions, int training) = await PlaygroundFixture.StatusAsync(server.Url);

        // When: each tab is watched for four more frames and a later epoch
        int[] before = await Task.WhenAll(tabs.Select(t => t.FramesAsync()));
        int[] epochsBefore = await Task.WhenAll(tabs.Select(t => t.Page.EvaluateAsync<int>("Number(document.body.dataset.epoch)")));
        string[] stalled = (await Task.WhenAll(tabs.Select(async (t, i) =>
        {
            try
            {
                await t.WaitAsync($"Number(document.body.dataset.frames) >= {before[i] + 4} && Number(document.body.dataset.epoch) > {epochsBefore[i]}");
                return null;
            }
            catch (TimeoutException)
            {
                return $"tab {i}: from frame {before[i]}, epoch {epochsBefore[i]}, still at frame {await t.FramesAsync()}";
            }
        }))).OfType<string>().ToArray();

        // Then: twenty sessions training; every tab got frames and epochs all along (the frame rate itself is
        // bench/playground-load's to measure: here twenty renderers share the test machine's cores)
        Assert.Equal((20, 20), (sessions, training));
        Assert.Empty(stalled);
        foreach (PlaygroundPage tab in tabs)
        {
            tab.AssertClean();
        }

        // and when they close, nothing is open or training
        foreach (PlaygroundPage tab in tabs)
        {
            await tab.DisposeAsync();
        }
        await server.WaitForSessionsAsync((open, training) => (open, training) == (0, 0), TimeSpan.FromSeconds(30));
        Assert.Equal((0, 0), await PlaygroundFixture.StatusAsync(server.Url));
    }

    [ChromiumFact]
    public async Task Past_the_session_cap_a_tab_gets_a_message_and_an_oversized_upload_is_refused_by_the_server()
    {
        // Given: a server that takes two tabs and CSV files of 500 bytes
        await using PlaygroundServer server = await PlaygroundServer.StartAsync(new PlaygroundOptions { Limits = new PlaygroundLimits { MaxSessions = 2, MaxCsvBytes = 500 } });
        await using PlaygroundPage first = await PlaygroundPage.OpenAsync(playground.Browser, server.Url);

        // When: an upload of 600 bytes goes past the page's own check; then a second and a third tab open
        string csv = "0," + string.Join(",", Enumerable.Repeat("0.50000", 100));
        RawSocket.Reply upload = await RawSocket.SendAsync(first.Page, $"{{\"type\":\"csv\",\"role\":\"train\",\"name\":\"big.csv\",\"text\":\"{csv}\"}}");
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
