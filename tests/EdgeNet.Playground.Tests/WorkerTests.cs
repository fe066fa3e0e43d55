using System.Globalization;
using System.Text.Json;
using EdgeNet.Data;
using EdgeNet.Imaging;
using EdgeNet.Models;
using EdgeNet.Playground.Tests.Support;
using Microsoft.Playwright;

namespace EdgeNet.Playground.Tests;

/// <summary>
/// Given the exported static site on a plain file server, when the page trains, probes and scans, then the engine in
/// its Web Worker (WebAssembly) gives edgenet's numbers: byte for byte with the reference setting, within the no-FMA
/// path's contract without it; and the page stays responsive and asks nothing of any other machine.
/// </summary>
[Collection(StaticSiteCollection.Name)]
public sealed class WorkerTests(StaticSiteFixture site)
{
    /// <summary>
    /// The browser's path (no fused multiply-add: docs/architecture.md) against the CLI's after whole epochs: each
    /// number within this relative difference.
    /// </summary>
    private const double EpochTolerance = 1e-9;

    [SkippableFact]
    public async Task Play_in_the_worker_makes_the_loss_fall_with_no_server_and_no_outside_request()
    {
        // Given: the tutorial's run, flat out, on the static site
        Skip.If(site.Missing is not null, site.Missing);
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(site.Browser, site.Url, "?speed=0");

        // When
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(100);

        // Then: it trained (the static server has no socket and runs no EdgeNet code: the engine was the worker)
        double[] losses = await tab.Page.EvaluateAsync<double[]>("state.points.map(p => p[1])");
        Assert.Equal(100, losses.Length);
        Assert.True(losses[^1] < losses[0] / 5, $"the loss went from {losses[0]} to {losses[^1]}");
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task A_lesson_in_a_teachers_iframe_runs_from_the_static_site()
    {
        // Given: a teacher's page on another origin with the docs' one iframe line, pointing at the exported site
        Skip.If(site.Missing is not null, site.Missing);
        using var teacher = new TeacherSite();
        await using IBrowserContext context = await site.Browser.NewContextAsync();

        // When
        IFrame embedded = await teacher.EmbedLessonAsync(context, site.Url);

        // Then: the frame is the page on lesson 1, its engine in the frame's own worker, drawing frames
        await embedded.Locator("#lesson-title").WaitForAsync();
        Assert.Equal("Lesson 1: The forward pass", await embedded.Locator("#lesson-title").InnerTextAsync());
        await Assertions.Expect(embedded.Locator("body")).ToHaveAttributeAsync("data-frames", new System.Text.RegularExpressions.Regex("^[1-9]"));
        Assert.False(await embedded.Locator("header").IsVisibleAsync(), "embed=1 hides the page's header");
    }

    [SkippableTheory]
    [InlineData("?reference=1&seed=7&epochs=20&batch=4&shuffle=true&speed=0", "--reference --seed 7 --epochs 20 --batch-size 4 --shuffle", true)]
    [InlineData("?seed=7&epochs=20&batch=4&shuffle=true&speed=0", "--seed 7 --epochs 20 --batch-size 4 --shuffle", false)]
    [InlineData("?epochs=15&speed=0", "--epochs 15", false)]
    public async Task The_numbers_after_the_epochs_are_edgenet_trains(string query, string arguments, bool exact)
    {
        // Given
        Skip.If(site.Missing is not null, site.Missing);
        using var folder = new TempFolder();
        CliRun.Of([.. "train --log-every 0 --metrics".Split(' '), folder.File("cli.csv"), .. arguments.Split(' ')]).Succeeded();
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(site.Browser, site.Url, query);

        // When
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(int.Parse(System.Text.RegularExpressions.Regex.Match(query, "epochs=(\\d+)").Groups[1].Value, CultureInfo.InvariantCulture));
        string page = await tab.DownloadAsync("Download metrics", folder.File("page.csv"));

        // Then: with the reference pass, the same bytes; on the browser's own path, every number within the contract
        string cli = File.ReadAllText(folder.File("cli.csv"));
        if (exact)
        {
            Assert.Equal(cli, page);
        }
        else
        {
            AssertClose(cli, page);
        }
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task Probe_and_download_give_predicts_numbers_and_a_model_edgenet_loads()
    {
        // Given: ten epochs in the worker, the model downloaded
        Skip.If(site.Missing is not null, site.Missing);
        using var folder = new TempFolder();
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(site.Browser, site.Url, "?epochs=10&speed=0");
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(10);
        string model = folder.File("model.json");
        await tab.DownloadAsync("Download model", model);

        // When: a patch is probed
        await tab.Field("Example").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "Uniform gray" });
        await tab.WaitAsync("state.probe && state.probe.x.every(v => v === 0.5)");
        double[] pixels = await tab.Page.EvaluateAsync<double[]>("state.probe.x");
        double[] p = await tab.Page.EvaluateAsync<double[]>("state.probe.p");

        // Then: the CLI loads the model and computes the same p (the page's network is the file's, to the bit)
        CliRun.Of("eval", "--model", model).Succeeded();
        Model loaded = ModelFile.Load(model);
        loaded.Network.UseReferenceKernels = true;
        double[] expected = loaded.Network.Forward(pixels, 1).ToArray();
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.True(Math.Abs(expected[k] - p[k]) <= 1e-12 * Math.Max(1, Math.Abs(expected[k])), $"p[{k}]: CLI {expected[k]:R}, page {p[k]:R}");
        }
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task A_csv_trains_and_a_photo_is_decoded_by_the_browser_and_scanned_by_the_engine()
    {
        // Given: 40 training patches, and a 64×48 photo, dark on the left and bright on the right
        Skip.If(site.Missing is not null, site.Missing);
        using var folder = new TempFolder();
        string train = folder.File("train.csv");
        File.WriteAllText(train, UploadTests.Csv(TutorialPatches.Generate(new NumpyRandom(5), 40)));
        const int width = 64, height = 48;
        byte[] gray = new byte[width * height];
        for (int i = 0; i < gray.Length; i++)
        {
            gray[i] = (byte)(i % width < 30 ? 40 : 220);
        }
        string photo = folder.File("step.png");
        File.WriteAllBytes(photo, PngFile.EncodeGray(gray, width, height));
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(site.Browser, site.Url, "?epochs=6&speed=0");

        // When
        await tab.Field("Data").SelectOptionAsync("csv");
        await tab.Field("Training CSV").SetInputFilesAsync(train);
        await tab.WaitAsync("document.getElementById('data-summary').textContent.startsWith('train.csv: 40 training')");
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(6);
        string model = folder.File("model.json");
        await tab.DownloadAsync("Download model", model);
        await tab.Field("Photo (PNG or JPEG)").SetInputFilesAsync(photo);
        await tab.WaitAsync("document.getElementById('photo-map').naturalWidth > 0");

        // Then: the CSV run is the CLI's within the contract; a gray PNG decodes exactly, so the map is the CLI's scan
        CliRun.Of("train", "--data", train, "--epochs", "6", "--log-every", "0", "--metrics", folder.File("cli.csv")).Succeeded();
        AssertClose(File.ReadAllText(folder.File("cli.csv")), await tab.DownloadAsync("Download metrics", folder.File("page.csv")));
        Model loaded = ModelFile.Load(model);
        EdgeScanResult scan = EdgeScan.Run(loaded.Network, loaded.ClassNames, ImageDecoder.Decode(photo), 5);
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(EdgeMapImages.Probability(scan.Map)), await tab.Page.Locator("#photo-map").GetAttributeAsync("src"));
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task While_it_trains_flat_out_the_page_answers_a_click_within_100_ms()
    {
        // Given: a long run, flat out, in the worker
        Skip.If(site.Missing is not null, site.Missing);
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(site.Browser, site.Url, "?epochs=10000&speed=0");
        await tab.Button("Play").ClickAsync();
        await tab.WaitAsync("Number(document.body.dataset.epoch || 0) >= 20");

        // When: five real clicks (through the browser's input pipeline) on the page; the page's clock notes, for each,
        // the time from the input event to its handler on the page's thread
        await tab.Page.EvaluateAsync("() => { window.latencies = []; addEventListener('click', e => latencies.push(performance.now() - e.timeStamp), { capture: true }); }");
        for (int i = 0; i < 5; i++)
        {
            await tab.Page.Mouse.ClickAsync(5, 5 + i);
            await tab.WaitAsync($"window.latencies.length === {i + 1}");
        }
        double[] latencies = await tab.Page.EvaluateAsync<double[]>("window.latencies");
        int frames = await tab.FramesAsync();
        await tab.WaitAsync($"Number(document.body.dataset.frames) > {frames} && document.body.dataset.playing === 'true'");

        // Then: the page's thread was free (training runs in the worker): the median click is handled within 100 ms,
        // and frames kept coming
        Array.Sort(latencies);
        Assert.True(latencies[2] < 100, $"clicks waited {string.Join(", ", latencies)} ms for the page's thread");
        tab.AssertClean();
    }

    private static void AssertClose(string expected, string actual)
    {
        string[] a = expected.TrimEnd().Split('\n'), b = actual.TrimEnd().Split('\n');
        Assert.Equal(a.Length, b.Length);
        Assert.Equal(a[0], b[0]);
        for (int line = 1; line < a.Length; line++)
        {
            string[] x = a[line].Split(','), y = b[line].Split(',');
            Assert.Equal(x.Length, y.Length);
            for (int c = 0; c < x.Length; c++)
            {
                if (x[c] == y[c])
                {
                    continue;
                }
                double u = double.Parse(x[c], CultureInfo.InvariantCulture), v = double.Parse(y[c], CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(u - v) <= EpochTolerance * Math.Max(1e-300, Math.Abs(u)), $"line {line}, column {c}: CLI {x[c]}, page {y[c]}");
            }
        }
    }
}
