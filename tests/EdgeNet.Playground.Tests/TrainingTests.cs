using System.Globalization;
using System.Text.RegularExpressions;
using EdgeNet.Optimizers;
using EdgeNet.Playground.Tests.Support;
using EdgeNet.Testing;
using static Microsoft.Playwright.Assertions;

namespace EdgeNet.Playground.Tests;

/// <summary>Given the page in Chromium, when it trains, then it shows the engine's numbers: those of <c>edgenet train</c>.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed partial class TrainingTests(PlaygroundFixture playground)
{
    private const string HeatmapPixels = "Array.from(document.querySelectorAll('#network .heatmap')).map(i => i.getAttribute('href')).join('|')";

    [ChromiumFact]
    public async Task Play_makes_the_loss_fall_and_the_hidden_weights_change()
    {
        // Given: the tutorial's run, flat out
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?speed=0");
        string before = await tab.Page.EvaluateAsync<string>(HeatmapPixels);
        int hiddenNeurons = await tab.Page.Locator("#network .heatmap").CountAsync();

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

    [ChromiumTheory]
    [InlineData("?seed=7&epochs=20&batch=4&shuffle=true&speed=0", "--seed 7 --epochs 20 --batch-size 4 --shuffle")]
    [InlineData("?data=varied&train=300&test=100&epochs=4&hidden=12,6&lr=0.05&speed=0", "--dataset varied --train-samples 300 --test-samples 100 --epochs 4 --hidden 12,6 --lr 0.05")]
    [InlineData("?optimizer=adam&activation=tanh&weight-decay=0.01&init=xavier&lr=0.01&beta2=0.99&epochs=12&batch=4&shuffle=true&speed=0", "--optimizer adam --activation tanh --weight-decay 0.01 --init xavier --lr 0.01 --beta2 0.99 --epochs 12 --batch-size 4 --shuffle")]
    [InlineData("?optimizer=nesterov&momentum=0.8&activation=leaky-relu&init=he&lr=0.02&epochs=6&speed=0", "--optimizer nesterov --momentum 0.8 --activation leaky-relu --init he --lr 0.02 --epochs 6")]
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

    [ChromiumTheory]
    [InlineData("", "")]
    [InlineData("&optimizer=adamw&weight-decay=0.05&activation=sigmoid", " --optimizer adamw --weight-decay 0.05 --activation sigmoid")]
    public async Task Single_steps_then_epochs_walk_the_same_order_as_edgenet_train(string query, string arguments)
    {
        // Given: 15 patches in batches of 4 with shuffling, so steps cross an epoch's end mid-way (and the optimizer's
        // state must carry from steps to epochs)
        using var folder = new TempFolder();
        CliRun.Of([.. $"train --log-every 0 --seed 3 --train-samples 15 --epochs 3 --batch-size 4 --shuffle{arguments} --metrics".Split(' '), folder.File("cli.csv")]).Succeeded();
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?seed=3&train=15&epochs=3&batch=4&shuffle=true&speed=0" + query);

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

    [ChromiumFact]
    public async Task Every_training_option_is_a_labelled_field_that_goes_into_the_url_and_trains_as_edgenet_train()
    {
        // Given: the page with the defaults: SGD, so no optimizer settings shown but weight decay
        using var folder = new TempFolder();
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?epochs=5&speed=0");
        await Expect(tab.Field("Weight decay λ")).ToBeVisibleAsync();
        await Expect(tab.Field("Momentum μ")).ToBeHiddenAsync();

        // When: the form is filled by label: RMSprop with its ρ and ε, sigmoid units, He's initial weights, weight decay
        await tab.Field("Optimizer").SelectOptionAsync("rmsprop");
        await Expect(tab.Field("RMSprop decay ρ")).ToHaveValueAsync("0.99");
        await Expect(tab.Field("ε")).ToHaveValueAsync("1e-8");
        await Expect(tab.Field("β1")).ToBeHiddenAsync();
        await Fill(tab, "RMSprop decay ρ", "0.9");
        await Fill(tab, "ε", "1e-6");
        await Fill(tab, "Weight decay λ", "0.001");
        await tab.Field("Hidden activation").SelectOptionAsync("sigmoid");
        await tab.Field("Initial weights").SelectOptionAsync("he");
        string rule = new OptimizerSettings { Kind = OptimizerKind.RmsProp, RmsDecay = 0.9, Eps = 1e-6, WeightDecay = 0.001 }.ToString();
        await tab.WaitAsync($"document.getElementById('shape').textContent.includes('sigmoid hidden units, he initial weights; optimizer {rule}.')");

        // Then: the URL carries every one of them, and five epochs are edgenet train's to the bit
        string url = tab.Page.Url;
        foreach (string setting in new[] { "optimizer=rmsprop", "rms-decay=0.9", "eps=1e-6", "weight-decay=0.001", "activation=sigmoid", "init=he" })
        {
            Assert.Contains(setting, url, StringComparison.Ordinal);
        }
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(5);
        CliRun.Of("train", "--log-every", "0", "--epochs", "5", "--optimizer", "rmsprop", "--rms-decay", "0.9", "--eps", "1e-6", "--weight-decay", "0.001",
            "--activation", "sigmoid", "--init", "he", "--metrics", folder.File("cli.csv")).Succeeded();
        Assert.Equal(File.ReadAllText(folder.File("cli.csv")), await tab.DownloadAsync("Download metrics", folder.File("page.csv")));

        // and a link with those settings opens with the same form
        await using PlaygroundPage shared = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, new Uri(url).Query);
        await Expect(shared.Field("Optimizer")).ToHaveValueAsync("rmsprop");
        await Expect(shared.Field("ε")).ToHaveValueAsync("1e-6");
        await Expect(shared.Field("Hidden activation")).ToHaveValueAsync("sigmoid");
        tab.AssertClean();
        shared.AssertClean();
    }

    private static async Task Fill(PlaygroundPage tab, string label, string value)
    {
        await tab.Field(label).FillAsync(value);
        await tab.Field(label).PressAsync("Tab");                 // 'change' fires when the field loses focus
    }

    [GeneratedRegex(@"Test Accuracy: (\d+)/(\d+)")]
    private static partial Regex TestAccuracy();
}
