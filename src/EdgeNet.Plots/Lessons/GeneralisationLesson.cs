using EdgeNet.Data;
using EdgeNet.Imaging;
using EdgeNet.Models;
using EdgeNet.Training;

namespace EdgeNet.Plots.Lessons;

/// <summary>
/// The guide's generalisation experiment, small enough to run whenever the guide is written: the tutorial's model
/// and one trained on varied patches (same 25→8→2 network, same <see cref="LessonData.Seed"/>), both tested on held-out varied patches and
/// scanning the same drawn scene, and an orientation model scanning it too.
/// </summary>
internal sealed class GeneralisationLesson
{
    /// <summary>Held-out varied patches.</summary>
    public const int HeldOut = 1000;

    /// <summary>The tutorial's own run: 100 tutorial patches, 100 epochs.</summary>
    public static TrainingOptions TutorialOptions { get; } = new() { Seed = LessonData.Seed };

    /// <summary>The varied run: as few patches and epochs as still show the point clearly, one patch per update.</summary>
    public static TrainingOptions VariedOptions { get; } = LessonData.Options(trainSamples: 4000, testSamples: HeldOut, epochs: 10);

    /// <summary>The varied generator, orientation task.</summary>
    public static GeneratedData OrientationData { get; } = GeneratedData.VariedWith(new VariedOptions { Task = EdgeTask.Orientation });

    /// <summary>Hard vertical steps (dark columns 0–1, bright 2–4) at these levels: the tutorial's 0.1 → 0.9 first.</summary>
    public static IReadOnlyList<(double Dark, double Bright)> ProbeLevels { get; } =
        [(0.1, 0.9), (0.2, 0.8), (0.3, 0.7), (0.4, 0.6), (0.1, 0.5), (0.5, 0.9)];

    /// <summary>Side of the drawn scene.</summary>
    public const int SceneWidth = SyntheticScene.DefaultWidth;

    /// <summary>Height of the drawn scene.</summary>
    public const int SceneHeight = SyntheticScene.DefaultHeight;

    private GeneralisationLesson(Model tutorial, Model varied, Model orientation, GeneralisationReport report, Evaluation orientationHeldOut, byte[] scenePng, GrayImage scene,
        IReadOnlyList<(string Name, EdgeScanResult Result)> scans, EdgeScanResult orientationScan)
    {
        Tutorial = tutorial;
        Varied = varied;
        Orientation = orientation;
        Report = report;
        OrientationHeldOut = orientationHeldOut;
        ScenePng = scenePng;
        Scene = scene;
        Scans = scans;
        OrientationScan = orientationScan;
    }

    public Model Tutorial { get; }

    public Model Varied { get; }

    public Model Orientation { get; }

    public GeneralisationReport Report { get; }

    public Evaluation OrientationHeldOut { get; }

    public byte[] ScenePng { get; }

    public GrayImage Scene { get; }

    public IReadOnlyList<(string Name, EdgeScanResult Result)> Scans { get; }

    public EdgeScanResult OrientationScan { get; }

    /// <summary>Trains the three models, evaluates and scans.</summary>
    public static GeneralisationLesson Run()
    {
        Model tutorial = LessonData.Train(TutorialOptions, GeneratedData.Tutorial).Model;
        Model varied = LessonData.Train(VariedOptions, LessonData.Varied).Model;
        Model orientation = LessonData.Train(VariedOptions, OrientationData).Model;
        (string, Model)[] models = [("tutorial-trained", tutorial), ("varied-trained", varied)];
        GeneralisationReport report = GeneralisationReport.Build(models, LessonData.Seed, LessonData.Varied, VariedOptions.TrainSamples, HeldOut);
        Evaluation orientationHeldOut = Evaluation.Of(orientation.Network, LessonData.HeldOut(OrientationData, VariedOptions, HeldOut));
        byte[] png = SyntheticScene.Png(SceneWidth, SceneHeight);
        GrayImage scene = ImageDecoder.Decode(png, "the drawn scene");
        var scans = ModelScans.Run(models, scene);
        EdgeScanResult orientationScan = ModelScans.Run([("orientation", orientation)], scene)[0].Result;
        return new GeneralisationLesson(tutorial, varied, orientation, report, orientationHeldOut, png, scene, scans, orientationScan);
    }

    /// <summary>A hard vertical step, columns 0–1 at <paramref name="dark"/>, 2–4 at <paramref name="bright"/>.</summary>
    public static double[] Step(double dark, double bright) =>
        [.. Enumerable.Range(0, TutorialPatches.Size * TutorialPatches.Size).Select(i => i % TutorialPatches.Size < 2 ? dark : bright)];

    /// <summary>
    /// The highest p(Edge) of <paramref name="map"/> at the disc's left edge: along the row through the disc's centre,
    /// within 3 pixels of where the drawn edge is (the background's gray on the left, the disc's 0.95 on the right).
    /// </summary>
    public static double DiscLeftEdge(Inference.ProbabilityMap map)
    {
        (float x, float y, float radius) = SyntheticScene.Disc(map.Width, map.Height);
        int row = (int)Math.Round(y), edge = (int)Math.Round(x - radius);
        return Enumerable.Range(edge - 3, 7).Max(column => map.EdgeProbability(column, row));
    }

    /// <summary>p(Edge) that <paramref name="model"/> gives <paramref name="patch"/>.</summary>
    public static double EdgeProbability(Model model, double[] patch) => model.Network.Forward(patch, 1)[0];   // label 0 is Edge;
}
