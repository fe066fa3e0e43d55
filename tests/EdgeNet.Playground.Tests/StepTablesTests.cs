using System.Globalization;
using EdgeNet.Playground.Tests.Support;
using EdgeNet.Testing;

namespace EdgeNet.Playground.Tests;

/// <summary>
/// Given a step shown in the step panel, then its numbers are small tables, each named by its quantity, holding the
/// engine's numbers: with SGD dL/dz2 is p − y; with Adam each parameter's table has the text's columns and
/// W after = W + ΔW, row by row.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class StepTablesTests(PlaygroundFixture playground)
{
    [ChromiumFact]
    public async Task With_sgd_every_quantity_is_a_table_beside_its_formula()
    {
        await using PlaygroundPage tab = await ShownAsync("?speed=0&epochs=3");

        string[] symbols = await tab.Page.EvalOnSelectorAllAsync<string[]>("#step-tables .quantity", "q => q.map(x => x.dataset.symbol)");
        double[] p = await CellsAsync(tab, "p");
        double[] y = await CellsAsync(tab, "y");
        double[] dz = await CellsAsync(tab, "dL/dz2");

        Assert.Equal(["x", "W1", "b1", "z1", "h", "W2", "b2", "z2", "p", "y", "L", "dL/dz2"], symbols.Take(12));
        Assert.Equal(2, dz.Length);
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(p[k] - y[k], dz[k], 0.0002);
        }
        Assert.Equal("z1 = x·W1 + b1", await tab.Page.Locator("#step-tables .quantity[data-symbol=z1] .formula-line").InnerTextAsync());
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task With_adam_each_parameter_is_a_table_of_the_texts_columns()
    {
        await using PlaygroundPage tab = await ShownAsync("?speed=0&epochs=3&optimizer=adam");

        string[] header = await tab.Page.EvalOnSelectorAllAsync<string[]>("#step-tables .quantity[data-symbol=W2] thead th", "h => h.map(x => x.textContent)");
        double[][] rows = await tab.Page.EvalOnSelectorAllAsync<double[][]>("#step-tables .quantity[data-symbol=W2] tbody tr", "r => r.map(x => [...x.querySelectorAll('td')].map(c => Number(c.textContent)))");

        Assert.Equal(["index", "W2", "g", "m before", "m after", "v before", "v after", "m̂", "v̂", "ΔW2", "W2 after"], header);
        Assert.Equal(16, rows.Length);
        foreach (double[] row in rows)
        {
            Assert.Equal(row[0] + row[8], row[9], 0.0002);
        }
        Assert.Contains("m ← β1·m", await tab.Page.Locator("#step-tables").InnerTextAsync(), StringComparison.Ordinal);
        tab.AssertClean();
    }

    private async Task<PlaygroundPage> ShownAsync(string query)
    {
        PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, query);
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(3);
        await tab.Button("Show step").ClickAsync();
        await tab.WaitAsync("document.querySelectorAll('#step-tables table').length > 0");
        return tab;
    }

    private static async Task<double[]> CellsAsync(PlaygroundPage tab, string symbol)
    {
        string[] cells = await tab.Page.EvalOnSelectorAllAsync<string[]>($"#step-tables .quantity[data-symbol='{symbol}'] tbody td", "c => c.map(x => x.textContent)");
        return [.. cells.Select(c => double.Parse(c, CultureInfo.InvariantCulture))];
    }
}
