using System.Globalization;
using System.Text.RegularExpressions;
using EdgeNet.Playground.Tests.Support;

namespace EdgeNet.Playground.Tests;

/// <summary>Given the page in Chromium, when it trains, then it shows the engine's numbers: those of <c>edgenet train</c>.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed partial class TrainingTests(PlaygroundFixture playground)
{
    private const string HeatmapPixels = "Array.from(document.querySelectorAll('#hidden canvas')).map(c => c.toDataURL()).join('|')";

    [Fact]
    public async Task Play_makes_the_loss_fall_and_the_hidden_weights_change()
    {
        // Given: the tutorial's run, flat out
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?speed=0");
        string before = await tab.Page.EvaluateAsync<string>(HeatmapPixels);
        int hiddenNeurons = await tab.Page.Locator("#hidden canvas").CountAsync();

        // When
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(100);

        // Then: 100 points, the last loss far below the first, every neuron redrawn with new weights
        double[] losses = await tab.Page.EvaluateAsync<double[]>("state.points.map(p => p[1])");
        string after = await tab.Page.EvaluateAsync<string>(HeatmapPixels);
        Assert.Equal(100, losses.Length);
        Assert.True(losses[^1] < losses[0] / 5, $"the loss went from {losses[0]} to {losses[^1]}");
        Assert.Equal(8, hiddenNeurons);
        Assert.NotEqual(before, after);
        Assert.Equal("100", await tab.Page.Locator("#epoch-count").InnerTextAsync());
        Assert.True(await tab.Button("Play").IsDisabledAsync());
        tab.AssertClean();
    }

    [Theory]
    [InlineData("?seed=7&epochs=20&batch=4&shuffle=true&speed=0", "--seed 7 --epochs 20 --batch-size 4 --shuffle")]
    [InlineData("?data=varied&train=300&test=100&epochs=4&hidden=12,6&lr=0.05&speed=0", "--dataset varied --train-samples 300 --test-samples 100 --epochs 4 --hidden 12,6 --lr 0.05")]
    public async Task The_numbers_after_the_epochs_equal_edgenet_train(string query, string arguments)
    {
        // Given: the same settings on the page (through its URL) and on the command line
        using var folder = new TempFolder();
        CliRun train = CliRun.Of([.. "train --log-every 0 --metrics".Split(' '), folder.File("cli.csv"), .. arguments.Split(' ')]).Succeeded();
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, query);

        // When
        await tab.Button("Play").ClickAsync();
        int epochs = int.Parse(Regex.Match(query, "epochs=(\\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        await tab.WaitForEpochAsync(epochs);
        string pageMetrics = await tab.DownloadAsync("Download metrics", folder.File("page.csv"));

        // Then: every epoch's losses and accuracies to the last bit, and the test accuracy shown
        Assert.Equal(File.ReadAllText(folder.File("cli.csv")), pageMetrics);
        Match accuracy = TestAccuracy().Match(train.Out);
        double expected = double.Parse(accuracy.Groups[1].Value, CultureInfo.InvariantCulture) / double.Parse(accuracy.Groups[2].Value, CultureInfo.InvariantCulture);
        double shown = double.Parse(await tab.Page.Locator("#test-accuracy").GetAttributeAsync("data-value") ?? "", CultureInfo.InvariantCulture);
        Assert.Equal(expected, shown);
        tab.AssertClean();
    }

    [Fact]
    public async Task Single_steps_then_epochs_walk_the_same_order_as_edgenet_train()
    {
        // Given: 15 patches in batches of 4 with shuffling, so steps cross an epoch's end mid-way
        using var folder = new TempFolder();
        CliRun.Of("train", "--log-every", "0", "--seed", "3", "--train-samples", "15", "--epochs", "3", "--batch-size", "4", "--shuffle", "--metrics", folder.File("cli.csv")).Succeeded();
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?seed=3&train=15&epochs=3&batch=4&shuffle=true&speed=0");

        // When: six single steps (one epoch of four batches, then two of the next), then one Epoch (the rest), then Play
        for (int i = 0; i < 6; i++)
        {
            await tab.Button("Step").ClickAsync();
        }
        await tab.WaitAsync("document.body.dataset.epoch === '1'");
        await tab.Button("Epoch").ClickAsync();
        await tab.WaitAsync("document.body.dataset.epoch === '2'");
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(3);

        // Then
        Assert.Equal(File.ReadAllText(folder.File("cli.csv")), await tab.DownloadAsync("Download metrics", folder.File("page.csv")));
        tab.AssertClean();
    }

    [GeneratedRegex(@"Test Accuracy: (\d+)/(\d+)")]
    private static partial Regex TestAccuracy();
}
