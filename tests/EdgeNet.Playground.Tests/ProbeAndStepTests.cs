using System.Globalization;
using System.Text.Json;
using EdgeNet.Models;
using EdgeNet.Playground.Tests.Support;
using Microsoft.Playwright;

namespace EdgeNet.Playground.Tests;

/// <summary>
/// Given a trained network on the page, when a patch is painted or a step is shown and applied, then the page shows
/// what <c>edgenet predict</c> and <c>edgenet step</c> print for the downloaded model, and the model loads in the CLI.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class ProbeAndStepTests(PlaygroundFixture playground)
{
    [Fact]
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

    [Fact]
    public async Task A_neuron_shows_its_formula_with_the_probed_numbers()
    {
        // Given
        await using PlaygroundPage tab = await TrainedAsync(5);
        await tab.WaitAsync("state.probe !== null");

        // When: hidden neuron 3's heatmap is clicked
        await tab.Button("Neuron 3 of hidden layer 1").ClickAsync();
        await tab.WaitAsync("document.getElementById('formula').dataset.index === '3'");

        // Then: 25 products, the bias and the result: z1[3] as the probe computed it, then ReLU
        string formula = await tab.Page.Locator("#formula").InnerTextAsync();
        double z = await tab.Page.EvaluateAsync<double>("state.probe.layers[0].z[3]");
        double h = await tab.Page.EvaluateAsync<double>("state.probe.layers[0].h[3]");
        Assert.StartsWith("z1[3] = Σᵢ x[i]·W1[i, 3] + b1[3]", formula, StringComparison.Ordinal);
        Assert.Equal(25 + 1, formula.Split('\n')[1].Split(" + ").Length);
        Assert.Contains($"= {z.ToString("F4", CultureInfo.InvariantCulture)}", formula, StringComparison.Ordinal);
        Assert.Contains($"h[3] = ReLU(z1[3]) = max(0, {z.ToString("F4", CultureInfo.InvariantCulture)}) = {h.ToString("F4", CultureInfo.InvariantCulture)}", formula, StringComparison.Ordinal);
        tab.AssertClean();
    }

    [Fact]
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

    private async Task<PlaygroundPage> TrainedAsync(int epochs)
    {
        PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, $"?epochs={epochs}&speed=0");
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(epochs);
        return tab;
    }

    private static async Task<string> PAsync(PlaygroundPage tab) => (await tab.Page.Locator("#prediction").GetAttributeAsync("data-p"))!;

    private static string Join(double[] pixels) => string.Join(",", pixels.Select(p => p.ToString("R", CultureInfo.InvariantCulture)));

    private static string[] Numbers(string text) =>
        [.. text.Split('\n').Where(line => !line.StartsWith("Network:", StringComparison.Ordinal) && !line.StartsWith("Example:", StringComparison.Ordinal))];
}
