using System.Globalization;
using System.Text.Json;
using EdgeNet.Models;
using EdgeNet.Playground.Tests.Support;
using EdgeNet.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EdgeNet.Playground.Tests;

/// <summary>
/// Given a trained network on the page, when a patch is painted or a step is shown and applied, then the page shows
/// what <c>edgenet predict</c> and <c>edgenet step</c> print for the downloaded model, and the model loads in the CLI.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class ProbeAndStepTests(PlaygroundFixture playground)
{
    [ChromiumFact]
    public async Task Painting_a_patch_changes_p_and_it_matches_predict_and_the_model_loads_in_the_cli()
    {
        // Given: ten epochs, the model downloaded, the uniform gray patch in the editor
        using var folder = new TempFolder();
        await using PlaygroundPage tab = await TrainedAsync(10);
        string model = folder.File("model.json");
        await tab.DownloadAsync("Download model", model);
        await tab.Field("Example").SelectOptionAsync(new SelectOptionValue { Label = "Uniform gray" });
        await tab.WaitAsync("state.probe && state.probe.x.every(v => v === 0.5)");
        string before = await PAsync(tab);

        // When: the brush paints the two right-hand columns bright, cell by cell, with the mouse
        await tab.Field("Brush").SelectOptionAsync("0.9");
        ILocator editor = tab.Page.Locator("#editor");
        for (int row = 0; row < 5; row++)
        {
            foreach (int column in new[] { 3, 4 })
            {
                await editor.ClickAsync(new() { Position = new() { X = column * 50 + 25, Y = row * 50 + 25 } });
            }
        }
        await tab.WaitAsync("state.probe && state.probe.x.filter(v => v === 0.9).length === 10");

        // Then: p moved; it is the CLI's p for the same patch and model, and the trace is predict's, line for line
        string after = await PAsync(tab);
        double[] pixels = await tab.Page.EvaluateAsync<double[]>("state.probe.x");
        Assert.NotEqual(before, after);
        CliRun predict = CliRun.Of("predict", "--model", model, "--patch", Join(pixels)).Succeeded();
        Assert.Equal(predict.Out, await tab.Page.Locator("#predict-text").TextContentAsync());
        Model loaded = ModelFile.Load(model);
        double[] expected = loaded.Network.Forward(pixels, 1).ToArray();
        Assert.Equal(expected, JsonSerializer.Deserialize<double[]>(after));
        CliRun eval = CliRun.Of("eval", "--model", model).Succeeded();
        Assert.Contains("Accuracy", eval.Out, StringComparison.OrdinalIgnoreCase);
        tab.AssertClean();
    }

    [ChromiumTheory]
    [InlineData("", "ReLU", "max(0, {0})")]
    [InlineData("&activation=tanh", "tanh", "tanh({0})")]
    public async Task A_neuron_shows_its_formula_with_the_probed_numbers(string query, string name, string value)
    {
        // Given: the trained network probed with a patch sent after training ended (an example other than the one
        // shown, so no earlier probe, made while the network still changed, can be taken for it)
        await using PlaygroundPage tab = await TrainedAsync(5, query);
        string other = await tab.Page.EvaluateAsync<string>("Array.from(document.getElementById('example').options).find(o => !o.selected).value");
        await tab.Field("Example").SelectOptionAsync(other);
        await tab.WaitAsync("state.probe !== null && state.probe.x.length === state.pixels.length && state.probe.x.every((v, i) => v === state.pixels[i])");

        // When: hidden neuron 3's heatmap is clicked
        await tab.Button("Neuron 3 of hidden layer 1").ClickAsync();

        // Then: 25 products, the bias and the result: z1[3] as the probe computed it, then the network's activation,
        // which the probe's lines and predict's text name too
        double z = await tab.Page.EvaluateAsync<double>("state.probe.layers[0].z[3]");
        double h = await tab.Page.EvaluateAsync<double>("state.probe.layers[0].h[3]");
        string zText = z.ToString("F4", CultureInfo.InvariantCulture);
        string hLine = $"h[3] = {name}(z1[3]) = {string.Format(CultureInfo.InvariantCulture, value, zText)} = {h.ToString("F4", CultureInfo.InvariantCulture)}";
        ILocator formulaBox = tab.Page.Locator("#formula");
        await Expect(formulaBox).ToHaveAttributeAsync("data-index", "3");
        await Expect(formulaBox).ToContainTextAsync(hLine);
        string formula = await formulaBox.InnerTextAsync();
        Assert.StartsWith("z1[3] = Σᵢ x[i]·W1[i, 3] + b1[3]", formula, StringComparison.Ordinal);
        Assert.Equal(25 + 1, formula.Split('\n')[1].Split(" + ").Length);
        Assert.Contains($"= {zText}", formula, StringComparison.Ordinal);
        Assert.Contains(hLine, formula, StringComparison.Ordinal);
        Assert.Contains($"then {name}", await tab.Page.Locator("#forward").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"h = {name}(z1)", await tab.Page.Locator("#predict-text").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(name == "ReLU", (await tab.Page.Locator("#probe-panel").TextContentAsync())!.Contains("ReLU", StringComparison.Ordinal));
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task The_step_panel_shows_edgenet_steps_numbers_and_applying_it_updates_the_network_as_step_does()
    {
        // Given: a trained network, its model file, Part 1's edge in the editor, labelled No Edge (so the step has work to do)
        using var folder = new TempFolder();
        await using PlaygroundPage tab = await TrainedAsync(3);
        string model = folder.File("model.json");
        await tab.DownloadAsync("Download model", model);
        double[] pixels = await tab.Page.EvaluateAsync<double[]>("state.pixels");
        await tab.Field("True class").SelectOptionAsync("1");

        // When
        await tab.Button("Show step").ClickAsync();
        await tab.WaitAsync("document.getElementById('step-text').textContent.length > 0");
        string shown = (await tab.Page.Locator("#step-text").TextContentAsync())!;
        await tab.Button("Apply step").ClickAsync();
        await tab.WaitAsync("document.getElementById('step-summary').textContent.startsWith('Applied')");
        string updated = folder.File("updated.json");
        await tab.DownloadAsync("Download model", updated);

        // Then: every number line is the CLI's (only the lines naming where the weights and patch came from differ)
        CliRun step = CliRun.Of("step", "--model", model, "--patch", Join(pixels), "--label", "1", "--full", "--save-updated", folder.File("cli-updated.json")).Succeeded();
        Assert.Equal(Numbers(step.Out.Replace($"Updated model saved to {folder.File("cli-updated.json")}\n", "", StringComparison.Ordinal)), Numbers(shown));
        Assert.True(shown.Split('\n').Length > 60, "the full step has every quantity");
        var page = ModelFile.Load(updated).Network;
        var cli = ModelFile.Load(folder.File("cli-updated.json")).Network;
        for (int l = 0; l < cli.Layers.Count; l++)
        {
            Assert.Equal(cli.Layers[l].Weights, page.Layers[l].Weights);
            Assert.Equal(cli.Layers[l].Bias, page.Layers[l].Bias);
        }
        Assert.NotEqual(ModelFile.Load(model).Network.Layers[0].Weights, page.Layers[0].Weights);
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task With_adam_the_step_panel_shows_edgenet_step_optimizer_adam_and_the_state_carries_over()
    {
        // Given: a fresh Adam run (its optimizer at t = 0, as edgenet step's), its model file, Part 1's edge labelled No Edge
        using var folder = new TempFolder();
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?optimizer=adam&lr=0.01&beta1=0.8&epochs=3&speed=0");
        string model = folder.File("model.json");
        await tab.DownloadAsync("Download model", model);
        double[] pixels = await tab.Page.EvaluateAsync<double[]>("state.pixels");
        await tab.Field("True class").SelectOptionAsync("1");

        // When: show the step, apply it, show the next one (t = 2), apply it
        string first = await ShowStepAsync(tab);
        await ApplyStepAsync(tab, 1);
        string second = await ShowStepAsync(tab);
        await ApplyStepAsync(tab, 2);
        string updated = folder.File("updated.json");
        await tab.DownloadAsync("Download model", updated);

        // Then: the rule and each step's every number are edgenet step's with two Adam updates in a row
        string cliUpdated = folder.File("cli-updated.json");
        CliRun step = CliRun.Of("step", "--model", model, "--patch", Join(pixels), "--label", "1", "--optimizer", "adam", "--lr", "0.01", "--beta1", "0.8",
            "--steps", "2", "--full", "--save-updated", cliUpdated).Succeeded();
        Dictionary<string, string> cli = Sections(step.Out);
        Assert.Equal(cli["Rule"], Sections(first)["Rule"]);
        Assert.Equal(cli["── Step 1 (t = 1)"], Sections(first)["── Step 1 (t = 1)"]);
        Assert.Equal(cli["── Step 2 (t = 2)"], Sections(second)["── Step 2 (t = 2)"]);
        Assert.Contains("m before", first, StringComparison.Ordinal);
        Assert.Contains("v after", first, StringComparison.Ordinal);
        var page = ModelFile.Load(updated).Network;
        var expected = ModelFile.Load(cliUpdated).Network;
        for (int l = 0; l < expected.Layers.Count; l++)
        {
            Assert.Equal(expected.Layers[l].Weights, page.Layers[l].Weights);
            Assert.Equal(expected.Layers[l].Bias, page.Layers[l].Bias);
        }

        // and after a training epoch (100 updates) the next step continues the run's optimizer: t = 103
        await tab.Button("Epoch").ClickAsync();
        await tab.WaitAsync("document.body.dataset.epoch === '1'");
        Assert.Contains("── Step 103 (t = 103)", await ShowStepAsync(tab), StringComparison.Ordinal);
        tab.AssertClean();
    }

    private static async Task<string> ShowStepAsync(PlaygroundPage tab)
    {
        await tab.Page.EvaluateAsync("document.getElementById('step-text').textContent = ''");
        await tab.Button("Show step").ClickAsync();
        await tab.WaitAsync("document.getElementById('step-text').textContent.length > 0");
        return (await tab.Page.Locator("#step-text").TextContentAsync())!;
    }

    private static async Task ApplyStepAsync(PlaygroundPage tab, int handSteps)
    {
        await tab.Button("Apply step").ClickAsync();
        await tab.WaitAsync($"document.getElementById('step-summary').textContent.startsWith('Applied') && document.body.dataset.handSteps === '{handSteps}'");
    }

    // The text cut at the lines that start a part ("Rule:", "── Step N …"): each part's lines under its heading.
    private static Dictionary<string, string> Sections(string text)
    {
        var sections = new Dictionary<string, string>();
        string? heading = null;
        foreach (string line in text.Split('\n'))
        {
            string? start = line.StartsWith("Rule:", StringComparison.Ordinal) ? "Rule"
                : line.StartsWith("── Step", StringComparison.Ordinal) ? line[..line.IndexOf(':', StringComparison.Ordinal)]
                : line.StartsWith("Loss on the example", StringComparison.Ordinal) ? "end" : null;
            if (start is not null && start != heading)
            {
                heading = start;
                sections[heading] = "";
            }
            if (heading is not null)
            {
                sections[heading] += line + "\n";
            }
        }
        return sections;
    }

    private async Task<PlaygroundPage> TrainedAsync(int epochs, string query = "")
    {
        PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, $"?epochs={epochs}&speed=0{query}");
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(epochs);
        return tab;
    }

    private static async Task<string> PAsync(PlaygroundPage tab) => (await tab.Page.Locator("#prediction").GetAttributeAsync("data-p"))!;

    private static string Join(double[] pixels) => string.Join(",", pixels.Select(p => p.ToString("R", CultureInfo.InvariantCulture)));

    private static string[] Numbers(string text) =>
        [.. text.Split('\n').Where(line => !line.StartsWith("Network:", StringComparison.Ordinal) && !line.StartsWith("Example:", StringComparison.Ordinal))];
}
