using EdgeNet.Playground.Tests.Support;
using EdgeNet.Testing;

namespace EdgeNet.Playground.Tests;

/// <summary>
/// Given a lesson open in the page (#lesson=N), when the learner does its task, then the page says "done" (the
/// session's check of its own numbers), and not before; progress stays in localStorage. And the address's embed=1 and
/// hide=… show only what they ask, with a switch back to everything.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class LessonTests(PlaygroundFixture playground)
{
    private const string Done = "document.getElementById('lesson-status')?.dataset.done";

    [ChromiumFact]
    public async Task The_loop_lesson_is_done_when_the_test_accuracy_reaches_100_percent_and_not_before()
    {
        // Given: Part 8's lesson, untrained
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?speed=0#lesson=6");
        await tab.WaitAsync($"{Done} === 'false'");
        Assert.True(await tab.Page.Locator("#live-panel").IsVisibleAsync());
        Assert.False(await tab.Page.Locator("#step-panel").IsVisibleAsync(), "the lesson shows only its panels");

        // When
        await tab.Button("Play").ClickAsync();
        await tab.WaitAsync($"{Done} === 'true'", 60);

        // Then: the engine's test accuracy is 100%, and the lesson is remembered
        Assert.Equal(1.0, await tab.Page.EvaluateAsync<double>("state.points[state.points.length - 1][4]"));
        Assert.Contains(6, await tab.Page.EvaluateAsync<int[]>("JSON.parse(localStorage.getItem('edgenet-playground-lessons-done'))"));
        Assert.EndsWith("#lesson=6", tab.Page.Url, StringComparison.Ordinal);
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task The_gradient_descent_lesson_needs_a_step_applied_not_only_shown()
    {
        // Given
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?speed=0#lesson=4");

        // When: the step is shown, then applied
        await tab.Button("Show step").ClickAsync();
        await tab.WaitAsync("document.getElementById('step-summary').textContent.length > 0");
        await tab.WaitAsync($"{Done} === 'false' && document.getElementById('lesson-status').textContent.includes('only shown')");
        await tab.Button("Apply step").ClickAsync();

        // Then
        await tab.WaitAsync($"{Done} === 'true'");
        double before = double.Parse((await tab.Page.Locator("#step-summary").GetAttributeAsync("data-loss"))!, System.Globalization.CultureInfo.InvariantCulture);
        double after = double.Parse((await tab.Page.Locator("#step-summary").GetAttributeAsync("data-loss-after"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(after < before);
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task The_template_lesson_is_done_for_the_edge_neuron_only()
    {
        // Given: Part 2's lesson, trained (its 30 epochs)
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?speed=0#lesson=2");
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(30);

        // When: the test finds the neuron whose z rises most from gray to Part 1's edge, from the frame's weights
        int edge = await tab.Page.EvaluateAsync<int>("""
            (() => { const l = state.layers[0], row = [0.1, 0.1, 0.5, 0.9, 0.9]; let best = 0, top = -Infinity;
                     for (let j = 0; j < l.outputs; j++) { let s = 0; for (let i = 0; i < 25; i++) s += l.w[i * l.outputs + j] * (row[i % 5] - 0.5); if (s > top) { top = s; best = j; } }
                     return best; })()
            """);
        int other = (edge + 1) % 8;
        await tab.Button($"Neuron {other} of hidden layer 1").ClickAsync();
        await tab.WaitAsync($"{Done} === 'false' && document.getElementById('lesson-status').textContent.includes('h[{other}]')");
        await tab.Button($"Neuron {edge} of hidden layer 1").ClickAsync();

        // Then
        await tab.WaitAsync($"{Done} === 'true'");
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task Embed_and_hide_show_only_what_they_ask_and_the_link_round_trips()
    {
        // Given
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?embed=1&hide=step,photo&lr=0.05");

        // Then: no header, no step or photo panel; the network is there; the address keeps the flags
        Assert.False(await tab.Page.Locator("header").IsVisibleAsync());
        Assert.False(await tab.Page.Locator("#step-panel").IsVisibleAsync());
        Assert.False(await tab.Page.Locator("#photo-panel").IsVisibleAsync());
        Assert.True(await tab.Page.Locator("#network-panel").IsVisibleAsync());
        Assert.Contains("embed=1", tab.Page.Url, StringComparison.Ordinal);
        Assert.Contains("hide=step%2Cphoto", tab.Page.Url, StringComparison.Ordinal);
        Assert.Contains("lr=0.05", tab.Page.Url, StringComparison.Ordinal);

        // When: show everything
        await tab.Page.GetByLabel("Show everything").CheckAsync();

        // Then
        Assert.True(await tab.Page.Locator("#step-panel").IsVisibleAsync());
        Assert.True(await tab.Page.Locator("header").IsVisibleAsync());
        tab.AssertClean();
    }
}
