using System.Net;
using System.Text.Json;
using EdgeNet.Layers;
using EdgeNet.Optimizers;
using EdgeNet.Playground.Tests.Support;
using EdgeNet.Testing;
using EdgeNet.Training;

namespace EdgeNet.Playground.Tests;

/// <summary>
/// Given the page's ES modules, then the server serves each of them and engine.json, the form the page builds is the
/// engine's (hello's tables), and no engine name table is written in the page's JavaScript.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class PageModuleTests(PlaygroundFixture playground)
{
    private static readonly string Scripts = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "EdgeNet.Playground", "wwwroot", "js");

    [Fact]
    public async Task The_server_serves_engine_json_and_every_module_the_page_imports()
    {
        // Given
        using var http = new HttpClient();
        string[] modules = [.. Directory.GetFiles(Scripts, "*.js").Select(Path.GetFileName)!];

        // When
        string engine = await http.GetStringAsync(new Uri(playground.Url, "/engine.json"));
        HttpResponseMessage[] responses = await Task.WhenAll(modules.Select(m => http.GetAsync(new Uri(playground.Url, "/js/" + m))));

        // Then: the native server's engine is its WebSocket, and each module is JavaScript (a browser refuses others)
        Assert.Equal("websocket", JsonDocument.Parse(engine).RootElement.GetProperty("transport").GetString());
        Assert.Contains("main.js", modules);
        foreach (HttpResponseMessage response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public void No_engine_name_table_is_written_in_the_pages_javascript()
    {
        // Given: every name the engine's tables hold that is not also an ordinary word of the page
        string[] names = [.. OptimizerNames.Names.Where(n => n != "momentum"), .. HiddenActivations.Names, .. WeightInits.Names.Where(n => n != "tutorial"), "Nesterov", "RMSprop", "Xavier"];

        // When
        string text = string.Join("\n", Directory.GetFiles(Scripts, "*.js").Select(File.ReadAllText));

        // Then: the modules exist and name none of them (quoted, as a table would)
        Assert.Contains("export", text, StringComparison.Ordinal);
        foreach (string name in names)
        {
            Assert.DoesNotContain($"'{name}'", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain($"\"{name}\"", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [ChromiumFact]
    public async Task The_form_is_built_from_the_engines_tables_in_hello()
    {
        // Given
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?optimizer=adam&speed=0");

        // When: the page's selects and the fields it shows for Adam
        string[] activations = await tab.Page.EvalOnSelectorAllAsync<string[]>("#field-activation option", "o => o.map(x => x.value)");
        string[] optimizers = await tab.Page.EvalOnSelectorAllAsync<string[]>("#field-optimizer option", "o => o.map(x => x.value)");
        string[] inits = await tab.Page.EvalOnSelectorAllAsync<string[]>("#field-init option", "o => o.map(x => x.value)");
        string[] shown = await tab.Page.EvalOnSelectorAllAsync<string[]>("#train-fields .field:not([hidden])", "f => f.map(x => x.dataset.key)");

        // Then: the engine's names in its order, and exactly the settings Adam reads (OptimizerSettings.Uses…)
        Assert.Equal(HiddenActivations.Names, activations);
        Assert.Equal(OptimizerNames.Names, optimizers);
        Assert.Equal(WeightInits.Names, inits);
        OptimizerSettings adam = OptimizerSettings.For(OptimizerKind.Adam);
        Assert.True(adam.UsesBetas && adam.UsesEps && !adam.UsesMomentum && !adam.UsesRmsDecay);
        Assert.Equal(["lr", "batch", "epochs", "shuffle", "reference", "activation", "init", "optimizer", "beta1", "beta2", "eps", "weight-decay"], shown);
        Assert.Equal(PageTables.Fields.Where(f => f.Panel == "train").Select(f => f.Key).Except(["momentum", "rms-decay"]), shown);
        tab.AssertClean();
    }
}
