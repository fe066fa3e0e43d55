using System.Globalization;
using EdgeNet.Playground.Tests.Support;
using EdgeNet.Testing;

namespace EdgeNet.Playground.Tests;

/// <summary>
/// Given the network drawn in the page, then every link's colour and thickness follow the weight the engine sent, they
/// change as it trains, hovering a link shows the engine's weight and gradient, and a wide layer draws its strongest
/// links with a note.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class NetworkPictureTests(PlaygroundFixture playground)
{
    // Every drawn link: layer, i, j, its weight as drawn, the engine's weight in the last frame, colour and width.
    private const string Links = """
        Array.from(document.querySelectorAll('#network .link')).map(e => {
          const l = Number(e.dataset.layer), i = Number(e.dataset.i), j = Number(e.dataset.j);
          const layer = state.layers[l];
          return [l, i, j, Number(e.dataset.w), layer.w[i * layer.outputs + j], e.getAttribute('stroke') === '#2166ac' ? 1 : e.getAttribute('stroke') === '#b2182b' ? -1 : 0, Number(e.getAttribute('stroke-width'))];
        })
        """;

    [ChromiumFact]
    public async Task Links_follow_the_weights_change_as_it_trains_and_hover_shows_the_engines_weight_and_gradient()
    {
        // Given: the tutorial's 25→8→2 network before training
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?epochs=5&speed=0");
        double[][] before = await tab.Page.EvaluateAsync<double[][]>(Links);

        // When: five epochs, then the mouse on a link
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(5);
        await tab.WaitAsync("Number(document.querySelector('#network .link').dataset.w) === state.layers[0].w[0]");
        double[][] after = await tab.Page.EvaluateAsync<double[][]>(Links);
        await tab.Page.Locator("#network .link[data-layer='1']").Nth(5).HoverAsync(new() { Force = true });
        await tab.WaitAsync("document.getElementById('link-info').dataset.weight !== undefined");

        // Then: every link is drawn (25·8 + 8·2), each with the engine's weight, blue when positive and red when negative,
        // thicker for a larger |w| within its layer; the weights and widths moved with training
        Assert.Equal(25 * 8 + 8 * 2, after.Length);
        foreach (double[] link in after)
        {
            Assert.Equal(link[4], link[3]);
            Assert.Equal(link[3] < 0 ? -1 : 1, link[5]);
        }
        foreach (int layer in new[] { 0, 1 })
        {
            double[][] ordered = [.. after.Where(x => x[0] == layer).OrderBy(x => Math.Abs(x[3]))];
            for (int k = 1; k < ordered.Length; k++)
            {
                Assert.True(ordered[k][6] >= ordered[k - 1][6], "a larger weight is drawn at least as thick");
            }
            Assert.True(ordered[^1][6] > ordered[0][6] + 1, "the strongest link is clearly thicker than the weakest");
        }
        Assert.NotEqual(before.Select(x => x[3]), after.Select(x => x[3]));
        Assert.NotEqual(before.Select(x => x[6]), after.Select(x => x[6]));

        // and the hovered link's text is the engine's weight and last gradient (not zero after training)
        double[] shown = await tab.Page.EvaluateAsync<double[]>("""
            (() => { const d = document.getElementById('link-info').dataset, layer = state.layers[Number(d.layer)], k = Number(d.i) * layer.outputs + Number(d.j);
                     return [Number(d.weight), layer.w[k], Number(d.gradient), layer.g[k]]; })()
            """);
        string text = await tab.Page.Locator("#link-info").InnerTextAsync();
        Assert.Equal(shown[1], shown[0]);
        Assert.Equal(shown[3], shown[2]);
        Assert.Contains(shown[0].ToString("F4", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.True(await tab.Page.EvaluateAsync<bool>("state.layers.some(l => l.g.some(v => v !== 0))"), "the session sends the last update's gradients");
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task A_wide_layer_draws_its_strongest_links_and_says_so()
    {
        // Given: 64 hidden neurons, so 25·64 = 1600 links in the first layer
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?hidden=64&epochs=2&speed=0");

        // When
        double[][] links = await tab.Page.EvaluateAsync<double[][]>(Links);
        double[] all = await tab.Page.EvaluateAsync<double[]>("state.layers[0].w.map(Math.abs)");
        string note = await tab.Page.Locator("#network-note").InnerTextAsync();

        // Then: the first layer draws at most the cap, and none it leaves out is stronger than one it draws
        double[] drawn = [.. links.Where(x => x[0] == 0).Select(x => Math.Abs(x[3]))];
        int cap = drawn.Length;
        Assert.True(cap is > 0 and < 1600, $"{cap} links drawn");
        Assert.Equal(all.OrderDescending().Take(cap).Min(), drawn.Min());
        Assert.Contains($"the {cap} strongest of 1600 links", note, StringComparison.Ordinal);
        Assert.Equal(64 * 2, links.Count(x => x[0] == 1));
        tab.AssertClean();
    }
}
