using System.Globalization;
using System.Text.RegularExpressions;
using EdgeNet.Data;
using EdgeNet.Imaging;
using EdgeNet.Inference;
using EdgeNet.Plots.Lessons;
using EdgeNet.Plots.Tests.Support;
using EdgeNet.Training;

namespace EdgeNet.Plots.Tests;

/// <summary>
/// "Beyond the Toy Patches": the section sits after the tutorial's program, shows its figures, and every number it
/// shows is what this test computes itself with the engine, from the same seeds and sizes.
/// </summary>
[Collection(GuideCollection.Name)]
public sealed partial class GuideGeneralisationTests(GuideFixture guide)
{
    private const double Tight = 1e-12;

    private static readonly string[] SectionFigures =
        ["beyond-patches", "beyond-accuracy", "beyond-scene", "beyond-scan-tutorial", "beyond-scan-varied", "beyond-scan-sobel", "beyond-scan-orientation"];

    private static readonly Lazy<Models> Trained = new(Models.Train);

    [Fact]
    public void The_section_comes_after_try_it_yourself_and_before_the_summary_and_is_in_the_contents()
    {
        guide.AssertSectionsInOrder("try-it", "beyond", "summary", "appendix");
        Assert.Contains("<a href=\"#beyond\">Beyond the Toy Patches</a>", guide.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sections_figures_are_inside_it_are_listed_and_are_not_blank()
    {
        // Given
        string section = guide.Section("beyond");

        // Then
        foreach (string name in SectionFigures)
        {
            PngImage image = guide.ShownFigure(section, name);
            if (GuideFilesTests.Pictures.Contains(name))
            {
                image.AssertNotBlankPicture(name);
            }
            else
            {
                image.AssertNotBlank(name);
            }
        }
    }

    [Fact]
    public void The_tutorial_trained_network_does_worse_on_varied_data_than_the_varied_trained_one()
    {
        Assert.True(guide.Value("beyond.accuracy.tutorial") < guide.Value("beyond.accuracy.varied"));
        Assert.True(guide.Value("beyond.positive.tutorial") < guide.Value("beyond.positive.varied"));
        Assert.True(guide.Value("beyond.scan.disc.tutorial") < 0.5, "the tutorial's network should miss the disc's faint left edge");
        Assert.True(guide.Value("beyond.scan.disc.varied") > 0.5, "the varied network should find the disc's left edge");

        // and both are perfect on the tutorial's own patches: the toy data hides the difference
        Assert.Equal(100, guide.Value("beyond.tutorialData.tutorial"));
    }

    [Fact]
    public void Held_out_accuracies_overall_and_by_kind_are_the_engines()
    {
        // Given: seed → the varied training patches → the held-out patches, with what each one shows
        Models models = Trained.Value;
        var drawings = new List<PatchDrawing>();
        Dataset heldOut = TrainedRun.HeldOut(LessonData.Seed, GeneralisationLesson.VariedOptions.TrainSamples, GeneralisationLesson.HeldOut, LessonData.Varied.Varied!, drawings);

        // When
        int[] tutorial = Predictions.Of(models.Tutorial, heldOut), varied = Predictions.Of(models.Varied, heldOut);

        // Then: overall
        Assert.Equal(100.0 * Correct(tutorial, heldOut, _ => true) / heldOut.Count, guide.Value("beyond.accuracy.tutorial"), Tight);
        Assert.Equal(100.0 * Correct(varied, heldOut, _ => true) / heldOut.Count, guide.Value("beyond.accuracy.varied"), Tight);

        // and by kind, each row naming its kind and count
        string[] kinds = [.. drawings.Select(d => d.Describe())];
        string section = guide.Section("beyond");
        int rows = 0;
        for (int k = 0; guide.Numbers.ContainsKey($"beyond.kind{k}.count"); k++, rows++)
        {
            string kind = KindOfRow().Match(section, section.IndexOf($"data-key=\"beyond.kind{k}.count\"", StringComparison.Ordinal) - 120).Groups["kind"].Value;
            kind = System.Net.WebUtility.HtmlDecode(kind);
            int count = kinds.Count(x => x == kind);
            Assert.Equal(count, guide.Value($"beyond.kind{k}.count"));
            Assert.Equal(100.0 * Correct(tutorial, heldOut, i => kinds[i] == kind) / count, guide.Value($"beyond.kind{k}.tutorial"), Tight);
            Assert.Equal(100.0 * Correct(varied, heldOut, i => kinds[i] == kind) / count, guide.Value($"beyond.kind{k}.varied"), Tight);
        }
        Assert.Equal(kinds.Distinct().Count(), rows);
        Assert.Equal(guide.Value("beyond.kind0.tutorial"), guide.Value("beyond.positive.tutorial"));
    }

    [Fact]
    public void Accuracy_on_the_tutorials_own_patches_is_the_engines()
    {
        // Given: seed → the tutorial's 100 training patches → the held-out ones
        Models models = Trained.Value;
        var random = new NumpyRandom(LessonData.Seed);
        TutorialPatches.Generate(random, 100);
        Dataset heldOut = TutorialPatches.Generate(random, GeneralisationLesson.HeldOut);

        // Then
        Assert.Equal(100 * Evaluation.Of(models.Tutorial, heldOut).Accuracy, guide.Value("beyond.tutorialData.tutorial"), Tight);
        Assert.Equal(100 * Evaluation.Of(models.Varied, heldOut).Accuracy, guide.Value("beyond.tutorialData.varied"), Tight);
    }

    [Fact]
    public void The_probe_steps_get_the_networks_own_probabilities()
    {
        Models models = Trained.Value;
        for (int i = 0; i < GeneralisationLesson.ProbeLevels.Count; i++)
        {
            // Given: a hard step, columns 0–1 dark and 2–4 bright
            double dark = guide.Value($"beyond.probe{i}.dark"), bright = guide.Value($"beyond.probe{i}.bright");
            double[] step = [.. Enumerable.Range(0, 25).Select(p => p % 5 < 2 ? dark : bright)];

            // Then
            Assert.Equal(models.Tutorial.Forward(step, 1)[0], guide.Value($"beyond.probe{i}.tutorial"), Tight);
            Assert.Equal(models.Varied.Forward(step, 1)[0], guide.Value($"beyond.probe{i}.varied"), Tight);
        }
        Assert.Equal((0.1, 0.9), (guide.Value("beyond.probe0.dark"), guide.Value("beyond.probe0.bright")));
    }

    [Fact]
    public void The_scan_numbers_and_pictures_are_the_engines()
    {
        // Given: the same drawn scene, scanned by both networks
        Models models = Trained.Value;
        byte[] png = SyntheticScene.Png(SyntheticScene.DefaultWidth, SyntheticScene.DefaultHeight);
        GrayImage scene = ImageDecoder.Decode(png, "scene");
        EdgeScanResult tutorial = EdgeScan.Run(models.Tutorial, Dataset.EdgeClasses, scene, 5);
        EdgeScanResult varied = EdgeScan.Run(models.Varied, Dataset.EdgeClasses, scene, 5);

        // Then: the pictures are those maps, byte for byte
        Assert.Equal(png, File.ReadAllBytes(Path.Combine(guide.Folder, "beyond-scene.png")));
        Assert.Equal(EdgeMapImages.Probability(tutorial.Map), File.ReadAllBytes(Path.Combine(guide.Folder, "beyond-scan-tutorial.png")));
        Assert.Equal(EdgeMapImages.Probability(varied.Map), File.ReadAllBytes(Path.Combine(guide.Folder, "beyond-scan-varied.png")));
        Assert.Equal(scene.Width, guide.Value("beyond.scene.width"));
        Assert.Equal(scene.Height, guide.Value("beyond.scene.height"));

        // and the numbers are theirs
        Assert.Equal(100 * tutorial.EdgeFraction(), guide.Value("beyond.scan.tutorial.edges"), Tight);
        Assert.Equal(100 * varied.EdgeFraction(), guide.Value("beyond.scan.varied.edges"), Tight);
        Assert.Equal(tutorial.Correlation, guide.Value("beyond.scan.tutorial.r"), Tight);
        Assert.Equal(varied.Correlation, guide.Value("beyond.scan.varied.r"), Tight);
        Assert.Equal(tutorial.DarkToBrightCorrelation!.Value, guide.Value("beyond.scan.tutorial.rDirectional"), Tight);
        Assert.Equal(varied.DarkToBrightCorrelation!.Value, guide.Value("beyond.scan.varied.rDirectional"), Tight);
        Assert.Equal(DiscLeftEdge(tutorial.Map), guide.Value("beyond.scan.disc.tutorial"), Tight);
        Assert.Equal(DiscLeftEdge(varied.Map), guide.Value("beyond.scan.disc.varied"), Tight);
    }

    [Fact]
    public void The_orientation_map_is_the_engines_and_its_legend_names_every_class_in_its_colour()
    {
        // Given
        Models models = Trained.Value;
        GrayImage scene = ImageDecoder.Decode(SyntheticScene.Png(), "scene");
        ProbabilityMap map = EdgeScan.Run(models.Orientation, EdgeTasks.OrientationClasses, scene, 5).Map;
        Dataset heldOut = TrainedRun.HeldOut(LessonData.Seed, GeneralisationLesson.VariedOptions.TrainSamples, GeneralisationLesson.HeldOut, GeneralisationLesson.OrientationData.Varied!);

        // Then
        Assert.Equal(EdgeMapImages.Orientation(map), File.ReadAllBytes(Path.Combine(guide.Folder, "beyond-scan-orientation.png")));
        Assert.Equal(100 * Evaluation.Of(models.Orientation, heldOut).Accuracy, guide.Value("beyond.orientation.accuracy"), Tight);
        string section = guide.Section("beyond");
        for (int k = 0; k < map.Classes; k++)
        {
            (byte r, byte g, byte b) = EdgeColors.Of(k, map.NoEdgeClass);
            string swatch = string.Create(CultureInfo.InvariantCulture, $"background:rgb({r},{g},{b})\"></span>{System.Net.WebUtility.HtmlEncode(map.ClassNames[k])}");
            Assert.Contains(swatch, section, StringComparison.Ordinal);
        }
    }

    private static int Correct(int[] predicted, Dataset data, Func<int, bool> which) =>
        Enumerable.Range(0, data.Count).Count(i => which(i) && predicted[i] == data.Labels[i]);

    private static double DiscLeftEdge(ProbabilityMap map)
    {
        (float x, float y, float radius) = SyntheticScene.Disc(map.Width, map.Height);
        int row = (int)Math.Round(y), edge = (int)Math.Round(x - radius);
        double best = 0;
        for (int column = edge - 3; column <= edge + 3; column++)
        {
            best = Math.Max(best, 1 - map.Probability(map.NoEdgeClass, column, row));
        }
        return best;
    }

    [GeneratedRegex("<td>&nbsp;&nbsp;(?<kind>[^<(]+) \\(")]
    private static partial Regex KindOfRow();

    /// <summary>The three networks, trained here with the engine's own loop from the section's seeds and sizes.</summary>
    private sealed record Models(Network<double> Tutorial, Network<double> Varied, Network<double> Orientation)
    {
        public static Models Train() => new(
            new TrainedRun(GeneralisationLesson.TutorialOptions).Network,
            new TrainedRun(GeneralisationLesson.VariedOptions, LessonData.Varied).Network,
            new TrainedRun(GeneralisationLesson.VariedOptions, GeneralisationLesson.OrientationData).Network);
    }
}
