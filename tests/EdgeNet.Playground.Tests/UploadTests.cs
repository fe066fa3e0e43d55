using System.Globalization;
using System.Text;
using EdgeNet.Data;
using EdgeNet.Imaging;
using EdgeNet.Models;
using EdgeNet.Playground.Tests.Support;
using EdgeNet.Testing;

namespace EdgeNet.Playground.Tests;

/// <summary>Given files of one's own, when they are uploaded, then the page trains on them as the CLI does and scans photos.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class UploadTests(PlaygroundFixture playground)
{
    [ChromiumFact]
    public async Task A_training_and_a_test_csv_train_as_edgenet_train_data_does()
    {
        // Given: 40 training and 12 test patches in the --data format
        using var folder = new TempFolder();
        string train = folder.File("train.csv"), test = folder.File("test.csv");
        File.WriteAllText(train, Csv(TutorialPatches.Generate(new NumpyRandom(5), 40)));
        File.WriteAllText(test, Csv(TutorialPatches.Generate(new NumpyRandom(6), 12)));
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?epochs=6&speed=0");

        // When
        await tab.Field("Data").SelectOptionAsync("csv");
        await tab.Field("Training CSV").SetInputFilesAsync(train);
        await tab.WaitAsync("document.getElementById('data-summary').textContent.startsWith('train.csv: 40 training')");
        await tab.Field("Test CSV").SetInputFilesAsync(test);
        await tab.WaitAsync("document.getElementById('data-summary').textContent.includes('12 test')");
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(6);

        // Then
        CliRun.Of("train", "--data", train, "--test-data", test, "--epochs", "6", "--log-every", "0", "--metrics", folder.File("cli.csv")).Succeeded();
        Assert.Equal(File.ReadAllText(folder.File("cli.csv")), await tab.DownloadAsync("Download metrics", folder.File("page.csv")));
        Assert.Contains("data=csv", tab.Page.Url, StringComparison.Ordinal);
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task A_photo_comes_back_as_the_networks_edge_map()
    {
        // Given: a 64×48 photo, dark on the left and bright on the right, and the page's trained model
        using var folder = new TempFolder();
        const int width = 64, height = 48;
        byte[] gray = new byte[width * height];
        for (int i = 0; i < gray.Length; i++)
        {
            gray[i] = (byte)(i % width < 30 ? 40 : 220);
        }
        string photo = folder.File("step.png");
        File.WriteAllBytes(photo, PngFile.EncodeGray(gray, width, height));
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?epochs=20&speed=0");
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(20);
        string model = folder.File("model.json");
        await tab.DownloadAsync("Download model", model);

        // When
        await tab.Field("Photo (PNG or JPEG)").SetInputFilesAsync(photo);
        await tab.WaitAsync("(document.getElementById('photo-map').getAttribute('src') || '').startsWith('data:image/png')");
        await tab.WaitAsync("document.getElementById('photo-map').naturalWidth > 0");

        // Then: the map is the engine's scan of that photo with that model, pixel for pixel
        Model loaded = ModelFile.Load(model);
        EdgeScanResult scan = EdgeScan.Run(loaded.Network, loaded.ClassNames, ImageDecoder.Decode(photo), 5);
        string expected = "data:image/png;base64," + Convert.ToBase64String(EdgeMapImages.Probability(scan.Map));
        Assert.Equal(expected, await tab.Page.Locator("#photo-map").GetAttributeAsync("src"));
        Assert.Equal(width, await tab.Page.EvaluateAsync<int>("document.getElementById('photo-map').naturalWidth"));
        Assert.Contains("step.png: 64×48 pixels", await tab.Page.Locator("#photo-summary").InnerTextAsync(), StringComparison.Ordinal);
        tab.AssertClean();
    }

    internal static string Csv(Dataset data)
    {
        var text = new StringBuilder("# label, 25 pixels\n");
        for (int i = 0; i < data.Count; i++)
        {
            text.Append(data.Labels[i].ToString(CultureInfo.InvariantCulture));
            foreach (double v in data.Sample(i))
            {
                text.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
