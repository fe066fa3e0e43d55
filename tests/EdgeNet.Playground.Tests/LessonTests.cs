using System.Globalization;
using EdgeNet.Imaging;
using EdgeNet.Playground.Tests.Support;
using EdgeNet.Testing;

namespace EdgeNet.Playground.Tests;

/// <summary>
/// Given a lesson open in the page (#lesson=N), when the learner does its task with the page's own controls, then the
/// page says "done" (the session's check of its own numbers); and before that, in one case per lesson where the task
/// is not met yet, it says "not yet" with the engine's numbers. Progress stays in localStorage. And the address's
/// embed=1 and hide=… show only what they ask, with a switch back to everything.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class LessonTests(PlaygroundFixture playground)
{
    private const string Done = "document.getElementById('lesson-status')?.dataset.done";
    private const string Status = "(document.getElementById('lesson-status')?.textContent || '')";

    [ChromiumFact]
    public async Task Part_1_the_forward_pass_is_done_for_a_painted_edge_the_trained_network_is_sure_of()
    {
        // Given: lesson 1, untrained, with Part 1's edge in the editor: not done, whatever p is
        await using PlaygroundPage tab = await OpenAsync(1);
        await tab.WaitAsync($"{Done} === 'false' && {Status}.includes('Train first')");

        // When: one epoch, then a uniform gray patch (a No Edge)
        await tab.Button("Epoch").ClickAsync();
        await tab.WaitAsync("Number(document.body.dataset.epoch) >= 1");
        await tab.Field("Example").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "Uniform gray" });
        await tab.WaitAsync("state.probe.x.every(v => v === 0.5)");
        double gray = await WaitForProbeStatusAsync(tab);

        // Then: not done, and p is what the status says
        Assert.True(gray < 0.9, $"the premise: a gray patch is no edge (p = {gray})");
        Assert.Equal("false", await tab.Page.EvaluateAsync<string>(Done));

        // When: the learner paints the two left columns dark and the two right ones bright with the mouse
        foreach ((string brush, int[] columns) in new[] { ("0.1", new[] { 0, 1 }), ("0.9", new[] { 3, 4 }) })
        {
            await tab.Field("Brush").SelectOptionAsync(brush);
            for (int row = 0; row < 5; row++)
            {
                foreach (int column in columns)
                {
                    await tab.Page.Locator("#editor").ClickAsync(new() { Position = new() { X = column * 50 + 25, Y = row * 50 + 25 } });
                }
            }
        }

        // Then: done, with the engine's p ≥ 0.9, remembered; and the next lesson is one click away
        await tab.WaitAsync($"{Done} === 'true'");
        Assert.True(await tab.Page.EvaluateAsync<double>("state.probe.p[0]") >= 0.9);
        Assert.Contains(1, await tab.Page.EvaluateAsync<int[]>("JSON.parse(localStorage.getItem('edgenet-playground-lessons-done'))"));
        await tab.Button("Next: Neurons are templates").ClickAsync();
        await tab.WaitAsync("document.getElementById('lesson-title').textContent === 'Lesson 2: Neurons are templates'");
        Assert.EndsWith("#lesson=2", tab.Page.Url, StringComparison.Ordinal);
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task Part_2_the_template_lesson_is_done_for_the_edge_neuron_only()
    {
        // Given: Part 2's lesson, trained (its 30 epochs)
        await using PlaygroundPage tab = await OpenAsync(2);
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
        await tab.WaitAsync($"{Done} === 'false' && {Status}.includes('h[{other}]')");
        await tab.Button($"Neuron {edge} of hidden layer 1").ClickAsync();

        // Then
        await tab.WaitAsync($"{Done} === 'true' && {Status}.includes('h[{edge}]')");
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task Parts_3_and_4_softmax_is_done_for_a_patch_the_network_cannot_decide_on()
    {
        // Given: trained; Part 1's edge in the editor, of which it is sure: not done
        await using PlaygroundPage tab = await OpenAsync(3);
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(30);
        double sure = await WaitForProbeStatusAsync(tab);
        Assert.True(sure > 0.55, $"the premise: the trained network is sure of Part 1's edge (p = {sure})");
        Assert.Equal("false", await tab.Page.EvaluateAsync<string>(Done));

        // When: the learner types patches between uniform gray and the edge into Patch pixels, halving the gap
        double[] edge = [.. Enumerable.Range(0, 25).Select(i => new[] { 0.1, 0.1, 0.5, 0.9, 0.9 }[i % 5])];
        double low = 0, high = 1, p = await TypePatchAsync(tab, edge, 0);
        Assert.True(p < 0.45, $"the premise: the trained network says gray is no edge (p = {p})");
        for (int tries = 0; tries < 40 && p is < 0.45 or > 0.55; tries++)
        {
            double t = (low + high) / 2;
            p = await TypePatchAsync(tab, edge, t);
            (low, high) = p < 0.5 ? (t, high) : (low, t);
        }

        // Then
        Assert.InRange(p, 0.45, 0.55);
        await tab.WaitAsync($"{Done} === 'true'");
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task Part_5_gradient_descent_needs_a_step_applied_not_only_shown()
    {
        // Given
        await using PlaygroundPage tab = await OpenAsync(4);

        // When: the step is shown, then applied
        await tab.Button("Show step").ClickAsync();
        await tab.WaitAsync("document.getElementById('step-summary').textContent.length > 0");
        await tab.WaitAsync($"{Done} === 'false' && {Status}.includes('only shown')");
        await tab.Button("Apply step").ClickAsync();

        // Then
        await tab.WaitAsync($"{Done} === 'true'");
        double before = double.Parse((await tab.Page.Locator("#step-summary").GetAttributeAsync("data-loss"))!, CultureInfo.InvariantCulture);
        double after = double.Parse((await tab.Page.Locator("#step-summary").GetAttributeAsync("data-loss-after"))!, CultureInfo.InvariantCulture);
        Assert.True(after < before);
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task Part_7_backprop_is_done_for_a_confidently_wrong_step_not_a_right_one()
    {
        // Given: trained, Part 1's edge in the editor
        await using PlaygroundPage tab = await OpenAsync(5);
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(30);

        // When: the step with the right class (0, Edge)
        await tab.Field("True class").SelectOptionAsync("0");
        await tab.Button("Show step").ClickAsync();
        double right = await WaitForStepStatusAsync(tab, "0");

        // Then: a small loss, not done
        Assert.True(right < 1, $"the premise: the right class has a small loss ({right})");
        Assert.Equal("false", await tab.Page.EvaluateAsync<string>(Done));

        // When: the wrong class (1, No Edge)
        await tab.Field("True class").SelectOptionAsync("1");
        await tab.Button("Show step").ClickAsync();
        double wrong = await WaitForStepStatusAsync(tab, "1");

        // Then
        Assert.True(wrong > 1);
        await tab.WaitAsync($"{Done} === 'true'");
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task Part_8_the_loop_is_done_when_the_test_accuracy_reaches_100_percent_and_not_before()
    {
        // Given: Part 8's lesson with a learning rate too small to get there in 100 epochs
        await using PlaygroundPage tab = await OpenAsync(6, "lr=0.00001&");
        await tab.WaitAsync($"{Done} === 'false'");
        Assert.True(await tab.Page.Locator("#live-panel").IsVisibleAsync());
        Assert.False(await tab.Page.Locator("#step-panel").IsVisibleAsync(), "the lesson shows only its panels");
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(100);
        double slow = await tab.Page.EvaluateAsync<double>("state.points[state.points.length - 1][4]");
        await tab.WaitAsync($"{Status}.includes('after 100 epochs')");
        Assert.True(slow < 1, $"the premise: lr 0.00001 does not reach 100% in 100 epochs ({slow})");
        Assert.Equal("false", await tab.Page.EvaluateAsync<string>(Done));

        // When: the learner shows everything, sets the tutorial's learning rate and plays again
        await tab.Page.GetByLabel("Show everything").CheckAsync();
        await tab.Field("Learning rate").FillAsync("0.1");
        await tab.Field("Learning rate").PressAsync("Tab");
        await tab.WaitAsync("state.run && state.points.length === 0 && !location.search.includes('lr=')");
        await tab.Button("Play").ClickAsync();
        await tab.WaitAsync($"{Done} === 'true'", 60);

        // Then: the engine's test accuracy is 100%, and the lesson is remembered
        Assert.Equal(1.0, await tab.Page.EvaluateAsync<double>("state.points[state.points.length - 1][4]"));
        Assert.Contains(6, await tab.Page.EvaluateAsync<int[]>("JSON.parse(localStorage.getItem('edgenet-playground-lessons-done'))"));
        Assert.EndsWith("#lesson=6", tab.Page.Url, StringComparison.Ordinal);
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task The_learning_rate_lesson_is_done_for_a_rate_that_diverges()
    {
        // Given: the tutorial's rate, 20 epochs: it learns
        await using PlaygroundPage tab = await OpenAsync(7);
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(20);
        await tab.WaitAsync($"{Status}.includes('after 20 epochs')");
        Assert.Equal("false", await tab.Page.EvaluateAsync<string>(Done));

        // When: a rate of 5
        await tab.Field("Learning rate").FillAsync("5");
        await tab.Field("Learning rate").PressAsync("Tab");
        await tab.WaitAsync("state.points.length === 0 && location.search.includes('lr=5')");
        await tab.Button("Play").ClickAsync();

        // Then: done, and the engine's last training loss is worse than 50/50
        await tab.WaitAsync($"{Done} === 'true'");
        Assert.True(await tab.Page.EvaluateAsync<double>("state.points[state.points.length - 1][1]") > Math.Log(2));
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task The_depth_lesson_needs_a_second_hidden_layer_as_well_as_100_percent()
    {
        // Given: one hidden layer trained to 100%: not done
        await using PlaygroundPage tab = await OpenAsync(8);
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(100);
        Assert.Equal(1.0, await tab.Page.EvaluateAsync<double>("state.points[state.points.length - 1][4]"));
        await tab.WaitAsync($"{Done} === 'false' && {Status}.includes('second hidden layer')");

        // When
        await tab.Button("Add layer").ClickAsync();
        await tab.WaitAsync("state.run.shape.length === 4 && state.points.length === 0");
        await tab.Button("Play").ClickAsync();

        // Then
        await tab.WaitAsync($"{Done} === 'true'");
        Assert.Equal(1.0, await tab.Page.EvaluateAsync<double>("state.points[state.points.length - 1][4]"));
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task The_optimizer_lesson_is_done_for_a_rule_that_beats_sgd_to_a_low_loss()
    {
        // Given: SGD for 20 epochs: it gets there, but SGD is the yardstick
        await using PlaygroundPage tab = await OpenAsync(9);
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(20);
        await tab.WaitAsync($"{Done} === 'false' && {Status}.includes('now choose another optimizer')");
        int sgd = await tab.Page.EvaluateAsync<int>("state.points.findIndex(p => p[1] < 0.01) + 1");

        // When: momentum
        await tab.Field("Optimizer").SelectOptionAsync("momentum");
        await tab.WaitAsync("state.run.rule === 'momentum' && state.points.length === 0");
        await tab.Button("Play").ClickAsync();

        // Then: done, and the engine's curve is below 0.01 sooner
        await tab.WaitAsync($"{Done} === 'true'");
        int momentum = await tab.Page.EvaluateAsync<int>("state.points.findIndex(p => p[1] < 0.01) + 1");
        Assert.InRange(momentum, 1, sgd - 1);
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task The_photo_lesson_is_done_for_a_photo_scanned_by_a_trained_network()
    {
        // Given: a photo, dark left and bright right; scanned by the untrained network: not done
        using var folder = new TempFolder();
        const int width = 40, height = 30;
        byte[] gray = [.. Enumerable.Range(0, width * height).Select(i => (byte)(i % width < 20 ? 40 : 220))];
        string photo = folder.File("step.png");
        File.WriteAllBytes(photo, PngFile.EncodeGray(gray, width, height));
        await using PlaygroundPage tab = await OpenAsync(10);
        await tab.Field("Photo (PNG or JPEG)").SetInputFilesAsync(photo);
        await tab.WaitAsync($"{Done} === 'false' && {Status}.includes('untrained')");

        // When: trained to the end, the photo again
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(100);
        await tab.Field("Photo (PNG or JPEG)").SetInputFilesAsync(photo);

        // Then
        await tab.WaitAsync($"{Done} === 'true'");
        Assert.Equal(1.0, await tab.Page.EvaluateAsync<double>("state.points[state.points.length - 1][4]"));
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task Embed_and_hide_show_only_what_they_ask_and_the_link_round_trips()
    {
        // Given
        const string query = "?embed=1&hide=step,photo&lr=0.05";
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, query);

        // Then: no header, no step or photo panel; the network is there; the address keeps the flags
        await AssertShownAsync(tab, step: false);
        string link = tab.Page.Url;
        Assert.Contains("embed=1", link, StringComparison.Ordinal);
        Assert.Contains("hide=step%2Cphoto", link, StringComparison.Ordinal);
        Assert.Contains("lr=0.05", link, StringComparison.Ordinal);

        // When: the page's own address is opened in a new tab
        await using PlaygroundPage again = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, link[playground.Url.AbsoluteUri.Length..]);

        // Then: the same view, the same settings, the same address
        await AssertShownAsync(again, step: false);
        Assert.Equal("0.05", await again.Field("Learning rate").InputValueAsync());
        Assert.Equal(link, again.Page.Url);

        // When: show everything
        await tab.Page.GetByLabel("Show everything").CheckAsync();

        // Then
        await AssertShownAsync(tab, step: true);
        tab.AssertClean();
        again.AssertClean();
    }

    private static async Task AssertShownAsync(PlaygroundPage tab, bool step)
    {
        Assert.Equal(step, await tab.Page.Locator("header").IsVisibleAsync());
        Assert.Equal(step, await tab.Page.Locator("#step-panel").IsVisibleAsync());
        Assert.Equal(step, await tab.Page.Locator("#photo-panel").IsVisibleAsync());
        Assert.True(await tab.Page.Locator("#network-panel").IsVisibleAsync());
        Assert.True(await tab.Page.Locator("#probe-panel").IsVisibleAsync());
    }

    private Task<PlaygroundPage> OpenAsync(int lesson, string query = "") =>
        PlaygroundPage.OpenAsync(playground.Browser, playground.Url, $"?{query}speed=0#lesson={lesson}");

    /// <summary>Waits until the lesson's status names the probed patch's p(Edge) and returns it.</summary>
    private static async Task<double> WaitForProbeStatusAsync(PlaygroundPage tab)
    {
        await tab.WaitAsync($"state.probe && {Status}.includes('p(Edge) = ' + state.probe.p[0].toFixed(3))");
        return await tab.Page.EvaluateAsync<double>("state.probe.p[0]");
    }

    /// <summary>Types <c>(1 − t)·gray + t·edge</c> into Patch pixels, waits for its forward pass, and returns p(Edge).</summary>
    private static async Task<double> TypePatchAsync(PlaygroundPage tab, double[] edge, double t)
    {
        double[] patch = [.. edge.Select(e => Math.Round((1 - t) * 0.5 + t * e, 6))];
        string text = string.Join(", ", patch.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        await tab.Field("Patch pixels").FillAsync(text);
        await tab.Field("Patch pixels").PressAsync("Tab");
        await tab.WaitAsync($"state.probe && JSON.stringify(state.probe.x) === JSON.stringify([{string.Join(",", patch.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}])");
        return await WaitForProbeStatusAsync(tab);
    }

    /// <summary>Waits for the step of class <paramref name="label"/> and the status naming its loss; returns the loss.</summary>
    private static async Task<double> WaitForStepStatusAsync(PlaygroundPage tab, string label)
    {
        await tab.WaitAsync($"document.getElementById('step-summary').dataset.label === '{label}' && {Status}.includes(Number(document.getElementById('step-summary').dataset.loss).toFixed(4))");
        return double.Parse((await tab.Page.Locator("#step-summary").GetAttributeAsync("data-loss"))!, CultureInfo.InvariantCulture);
    }
}
