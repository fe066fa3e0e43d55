using System.Globalization;
using EdgeNet.Data;
using EdgeNet.Imaging;
using EdgeNet.Plots.Diagrams;
using EdgeNet.Plots.Figures;
using EdgeNet.Plots.Lessons;
using EdgeNet.Training;

namespace EdgeNet.Plots.Guide.Sections;

/// <summary>
/// After the tutorial: does the network generalise? The tutorial's model against one trained on varied patches, on
/// held-out varied patches and scanning the same drawn scene, and an orientation model's colour map.
/// </summary>
internal static class BeyondToyPatches
{
    /// <summary>Patches shown per generator.</summary>
    private const int Shown = 7;

    public static void Write(GuidePage page)
    {
        GeneralisationLesson lesson = GeneralisationLesson.Run();
        GeneralisationReport report = lesson.Report;
        VariedOptions varied = LessonData.Varied.Varied!;
        TrainingOptions tutorialRun = GeneralisationLesson.TutorialOptions, variedRun = GeneralisationLesson.VariedOptions;

        page.Section("beyond", "Beyond the Toy Patches");
        page.Paragraph("The network above scores 100% on its test patches. But those patches are a toy: every edge goes from exactly 0.1 " +
            "to exactly 0.9 at column 1, 2 or 3, and the only patches without an edge are a uniform gray or that edge reversed. " +
            "Does the network know what an edge is, or only what these patches look like? EdgeNet's <code>varied</code> generator " +
            $"draws patches that look more like the world: random dark and bright levels (at least {page.Num("beyond.minContrast", varied.MinContrast, "0.0")} apart), " +
            $"Gaussian noise (σ {page.Num("beyond.noise", varied.Noise, "0.00")}), soft edges (up to {page.Num("beyond.softness", varied.MaxSoftness, "0.0")} pixels wide), " +
            "the edge at any column, and negatives that include bright-to-dark and horizontal edges, diagonals, gradients, textures and uniform patches. " +
            "The question stays the tutorial's: <b>Edge</b> only for a vertical dark→bright step.");
        page.Figure("beyond-patches", GeneratorPatchesFigure.Create("Tutorial patches against varied patches (levels: dark–bright, before noise)",
            [("Tutorial data (make_data)", TutorialRow()), ("Varied data", VariedRow())]), GeneratorPatchesFigure.SizeFor(2, Shown),
            "The first patches of the tutorial's generator (seed 42) and one of each kind from the varied generator, with their labels.");

        page.Heading("Two networks, one held-out test");
        page.Paragraph($"Both networks are the same {PartEight.NetworkShape(lesson.Tutorial.Network)} network from seed {page.Num("beyond.seed", LessonData.Seed, "0")}. " +
            $"The <b>tutorial-trained</b> one is the tutorial's run: {page.Num("beyond.tutorial.train", tutorialRun.TrainSamples, "0")} tutorial patches, " +
            $"{page.Num("beyond.tutorial.epochs", tutorialRun.Epochs, "0")} epochs. The <b>varied-trained</b> one sees " +
            $"{page.Num("beyond.varied.train", variedRun.TrainSamples, "0")} varied patches for {page.Num("beyond.varied.epochs", variedRun.Epochs, "0")} epochs. " +
            $"Both are then tested on the same {page.Num("beyond.heldOut", GeneralisationLesson.HeldOut, "0")} held-out varied patches, which neither has seen.");
        string[] ids = ["tutorial", "varied"];
        var rows = new List<IReadOnlyList<string>>
        {
            Row(page, "<b>Held-out varied patches</b>", ids.Select((id, m) => ($"beyond.accuracy.{id}", 100 * report.Varied[m].Accuracy))),
            Row(page, "Held-out tutorial patches", ids.Select((id, m) => ($"beyond.tutorialData.{id}", 100 * report.Tutorial[m].Accuracy))),
        };
        for (int k = 0; k < report.ByKind.Count; k++)
        {
            KindAccuracy kind = report.ByKind[k];
            rows.Add(Row(page, $"&nbsp;&nbsp;{GuidePage.Escape(kind.Kind)} ({page.Num($"beyond.kind{k}.count", kind.Count, "0")})",
                ids.Select((id, m) => ($"beyond.kind{k}.{id}", 100 * kind.Accuracy(m)))));
        }
        page.Table(["Accuracy on", "tutorial-trained", "varied-trained"], rows,
            caption: "Accuracy of both networks; the indented rows split the held-out varied patches by what they show");
        page.Figure("beyond-accuracy", KindAccuracyFigure.Create(report), KindAccuracyFigure.SizeFor(report.ByKind.Count),
            "Tutorial-trained (orange) against varied-trained (blue) on each kind of held-out varied patch.");

        page.Heading("What did the tutorial's network learn?");
        page.Note("The tutorial's network learned the exact values 0.1 and 0.9, not “darker on the left”. Every Edge it ever saw went " +
            "from 0.1 to 0.9, and any rule that separates its few patches scores 100%: the rule gradient descent found is tied to those values. " +
            $"It finds only {page.Num("beyond.positive.tutorial", 100 * report.ByKind[0].Accuracy(0), "0.0")}% of the held-out dark→bright steps, " +
            $"where the varied-trained network finds {page.Num("beyond.positive.varied", 100 * report.ByKind[0].Accuracy(1), "0.0")}%.");
        page.Paragraph("The same hard step (columns 0–1 dark, 2–4 bright) at other levels shows it directly: the shape is the same edge, only the values change.");
        page.Table(["Dark", "Bright", "p(Edge), tutorial-trained", "p(Edge), varied-trained"],
            GeneralisationLesson.ProbeLevels.Select((levels, i) =>
            {
                double[] step = GeneralisationLesson.Step(levels.Dark, levels.Bright);
                return (IReadOnlyList<string>)[
                    page.Num($"beyond.probe{i}.dark", levels.Dark, "0.0"), page.Num($"beyond.probe{i}.bright", levels.Bright, "0.0"),
                    page.Num($"beyond.probe{i}.tutorial", GeneralisationLesson.EdgeProbability(lesson.Tutorial, step), "0.000"),
                    page.Num($"beyond.probe{i}.varied", GeneralisationLesson.EdgeProbability(lesson.Varied, step), "0.000")];
            }),
            caption: "The network's probability that a vertical dark→bright step is an Edge, by its levels");

        page.Heading("Scanning a picture");
        page.Paragraph($"A network that classifies 5×5 patches can scan an image: slide the window over every pixel and keep p(Edge) of the window centred there " +
            $"(<code>edgenet scan</code>). Here both networks and Sobel scan the same drawn scene, {page.Num("beyond.scene.width", lesson.Scene.Width, "0")}×" +
            $"{page.Num("beyond.scene.height", lesson.Scene.Height, "0")} pixels (<code>edgenet scene</code>): a shaded background, a dark rectangle, a bright disc, a triangle and a bar. " +
            "Both networks answer the tutorial's question, so they should light up only where dark is on the left and bright on the right; " +
            "the classic Sobel filter answers every edge.");
        page.Raw("<div class=\"maps\">");
        page.Picture("beyond-scene", lesson.ScenePng, lesson.Scene.Width, lesson.Scene.Height, "The scene (drawn, with a little noise).");
        (string Name, EdgeScanResult Result) tutorialScan = lesson.Scans[0], variedScan = lesson.Scans[1];
        page.Picture("beyond-scan-tutorial", EdgeMapImages.Probability(tutorialScan.Result.Map), lesson.Scene.Width, lesson.Scene.Height,
            $"Tutorial-trained p(Edge): {page.Num("beyond.scan.tutorial.edges", 100 * tutorialScan.Result.EdgeFraction(), "0.0")}% of pixels above 0.5.");
        page.Picture("beyond-scan-varied", EdgeMapImages.Probability(variedScan.Result.Map), lesson.Scene.Width, lesson.Scene.Height,
            $"Varied-trained p(Edge): {page.Num("beyond.scan.varied.edges", 100 * variedScan.Result.EdgeFraction(), "0.0")}% of pixels above 0.5.");
        double[] sobel = tutorialScan.Result.Sobel;
        page.Picture("beyond-scan-sobel", EdgeMapImages.Gray(sobel, lesson.Scene.Width, lesson.Scene.Height, sobel.Max()), lesson.Scene.Width, lesson.Scene.Height,
            "Sobel magnitude √(g<sub>x</sub>² + g<sub>y</sub>²), scaled to its maximum.");
        page.Raw("</div>");
        page.Paragraph("Look at the bright disc. Its left edge is a dark→bright step, but from the background's light gray to 0.95: not 0.1 → 0.9. " +
            $"The tutorial-trained network's highest p(Edge) there is {page.Num("beyond.scan.disc.tutorial", GeneralisationLesson.DiscLeftEdge(tutorialScan.Result.Map), "0.000")}; " +
            $"the varied-trained network's is {page.Num("beyond.scan.disc.varied", GeneralisationLesson.DiscLeftEdge(variedScan.Result.Map), "0.000")}. " +
            "Both stay dark on the bright→dark edges (the rectangle's left side, the disc's right side) and on the horizontal ones, as their question asks; " +
            "Sobel's magnitude answers every edge alike.");
        page.Table(["", "tutorial-trained", "varied-trained"],
            [
                Row(page, "r with Sobel's max(g<sub>x</sub>, 0) (the same question)", ids.Select((id, m) => ($"beyond.scan.{id}.rDirectional", lesson.Scans[m].Result.DarkToBrightCorrelation ?? double.NaN)), "0.000", percent: false),
                Row(page, "r with Sobel's magnitude (every edge)", ids.Select((id, m) => ($"beyond.scan.{id}.r", lesson.Scans[m].Result.Correlation)), "0.000", percent: false),
            ],
            caption: "Pearson's r between each network's p(Edge) map and Sobel over all pixels (1 is perfect agreement)");
        page.Paragraph("Correlation with Sobel is a rough yardstick: Sobel's response grows with the contrast, a network's probability does not, " +
            "so a map that lights up only the strongest edge can score as well as one that finds the faint ones too.");

        page.Heading("Which way does the edge go?");
        page.Paragraph("With five classes instead of two, the same network can say which way an edge goes (<code>--task orientation</code>): vertical or horizontal, " +
            $"dark→bright or bright→dark, or none. Trained on {page.Num("beyond.orientation.train", variedRun.TrainSamples, "0")} varied patches for " +
            $"{page.Num("beyond.orientation.epochs", variedRun.Epochs, "0")} epochs, it gets {page.Num("beyond.orientation.accuracy", 100 * lesson.OrientationHeldOut.Accuracy, "0.0")}% " +
            $"of {page.Num("beyond.orientation.heldOut", lesson.OrientationHeldOut.Count, "0")} held-out patches right. Softmax and cross-entropy are unchanged: they already work for any number of classes.");
        page.Raw("<div class=\"maps\">");
        page.Picture("beyond-scan-orientation", EdgeMapImages.Orientation(lesson.OrientationScan.Map), lesson.Scene.Width, lesson.Scene.Height,
            "The orientation network's map: the colour says which way, the brightness how sure (Σ p(class)·colour).");
        page.Raw(Legend(lesson.OrientationScan.Map.ClassNames, lesson.OrientationScan.Map.NoEdgeClass));
        page.Raw("</div>");
        page.EndSection();
    }

    private static IReadOnlyList<string> Row(GuidePage page, string name, IEnumerable<(string Key, double Value)> cells, string format = "0.0", bool percent = true) =>
        [name, .. cells.Select(c => page.Num(c.Key, c.Value, format) + (percent ? "%" : ""))];

    private static string Legend(IReadOnlyList<string> classNames, int noEdgeClass)
    {
        var html = new System.Text.StringBuilder("<ul class=\"legend\" aria-label=\"Colours of the orientation map\">");
        for (int k = 0; k < classNames.Count; k++)
        {
            (byte r, byte g, byte b) = EdgeColors.Of(k, noEdgeClass);
            html.Append(CultureInfo.InvariantCulture,
                $"<li><span class=\"swatch\" style=\"background:rgb({r},{g},{b})\"></span>{GuidePage.Escape(classNames[k])} ({EdgeColors.NameOf(k, noEdgeClass)})</li>");
        }
        return html.Append("</ul>").ToString();
    }

    // The first patches of the tutorial's make_data with seed 42: its training set's start.
    private static List<ShownPatch> TutorialRow()
    {
        Dataset data = TutorialPatches.Generate(new NumpyRandom(LessonData.Seed), Shown);
        return [.. Enumerable.Range(0, Shown).Select(n =>
        {
            double[] pixels = data.Sample(n).ToArray();
            double left = pixels[0], right = pixels[TutorialPatches.Size - 1];
            string kind = left < right ? "vertical\ndark→bright step" : left > right ? "vertical\nbright→dark step" : "uniform";
            return ShowPatch(kind, Math.Min(left, right), Math.Max(left, right), pixels, data.Labels[n], data.ClassNames);
        })];
    }

    // One varied patch of each kind, two of the Edge kind, in the order they are drawn from seed 42.
    private static List<ShownPatch> VariedRow()
    {
        var drawings = new List<PatchDrawing>();
        Dataset data = VariedPatches.Generate(new NumpyRandom(LessonData.Seed), 400, LessonData.Varied.Varied!, drawings);
        string[] wanted = [GeneralisationReport.PositiveKind, GeneralisationReport.PositiveKind, "vertical bright→dark step", "horizontal dark→bright step", "diagonal step", "gradient", "texture"];
        var picked = new List<int>();
        foreach (string kind in wanted)
        {
            picked.Add(Enumerable.Range(0, drawings.Count).First(i => !picked.Contains(i) && drawings[i].Describe() == kind));
        }
        return [.. picked.Select(i => ShowPatch(drawings[i].Describe().Replace("vertical ", "vertical\n", StringComparison.Ordinal).Replace("horizontal ", "horizontal\n", StringComparison.Ordinal),
            drawings[i].Dark, drawings[i].Bright, data.Sample(i).ToArray(), data.Labels[i], data.ClassNames))];
    }

    private static ShownPatch ShowPatch(string kind, double dark, double bright, double[] pixels, int label, IReadOnlyList<string> classNames)
    {
        string levels = dark == bright
            ? dark.ToString("0.00", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{dark:0.00}–{bright:0.00}");
        return new ShownPatch($"{kind}\n{levels}", pixels, classNames[label], label == 0);
    }
}
