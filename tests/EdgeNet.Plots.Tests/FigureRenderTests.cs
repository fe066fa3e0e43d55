using EdgeNet.Plots.Diagrams;
using EdgeNet.Plots.Figures;
using EdgeNet.Plots.Lessons;
using EdgeNet.Plots.Tests.Support;
using EdgeNet.Training;
using ScottPlot;

namespace EdgeNet.Plots.Tests;

/// <summary>Every figure recipe renders to a PNG of its size that is not blank, and to an SVG.</summary>
public sealed class FigureRenderTests
{
    private static readonly IReadOnlyList<string> Classes = Data.Dataset.EdgeClasses;

    public static TheoryData<string> Recipes => [.. All().Keys];

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Recipe_renders_a_png_of_its_size_that_is_not_blank(string name)
    {
        // Given
        (Func<Plot> create, PixelSize size) = All()[name];

        // When
        byte[] png = FigureFile.Render(create(), size, FigureFormat.Png);

        // Then
        PngImage image = PngImage.Decode(png);
        Assert.Equal((int)size.Width, image.Width);
        Assert.Equal((int)size.Height, image.Height);
        image.AssertNotBlank(name);
    }

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Recipe_renders_an_svg_with_its_title_in_dejavu_sans(string name)
    {
        // Given
        (Func<Plot> create, PixelSize size) = All()[name];
        Plot plot = create();

        // When
        string svg = System.Text.Encoding.UTF8.GetString(FigureFile.Render(plot, size, FigureFormat.Svg));

        // Then
        Assert.StartsWith("<?xml", svg.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("DejaVu Sans", svg, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(plot.Axes.Title.Label.Text), $"{name} has no title");
    }

    [Fact]
    public void Titles_use_the_embedded_dejavu_sans_bold()
    {
        // Given / When
        Plot plot = LossFigure.Create(TrainedRun.Tutorial.History);

        // Then
        Assert.Equal("DejaVu Sans", plot.Axes.Title.Label.Font!.FamilyName);
        Assert.True(plot.Axes.Title.Label.Font.FontWeight >= 700);
        Assert.Equal(Colors.White, plot.FigureBackground.Color);
    }

    private static Dictionary<string, (Func<Plot> Create, PixelSize Size)> All()
    {
        TrainedRun run = TrainedRun.Tutorial;
        Network<double> network = run.Network;
        Data.Dataset test = run.Setup.Test!;
        double[] z = [.. TutorialInputs.FourNeurons.Select(n => n.Z)];
        return new()
        {
            ["loss"] = (() => LossFigure.Create(run.History), LossFigure.Size),
            ["accuracy"] = (() => AccuracyFigure.Create(run.History), AccuracyFigure.Size),
            ["hidden-weights"] = (() => HiddenWeightsFigure.Create(network), HiddenWeightsFigure.SizeFor(8)),
            ["output-weights"] = (() => OutputWeightsFigure.Create(network, Classes), OutputWeightsFigure.SizeFor(8, 2)),
            ["confusion-matrix"] = (() => ConfusionMatrixFigure.Create(Evaluation.Of(network, test), Classes), ConfusionMatrixFigure.SizeFor(2)),
            ["test-gallery"] = (() => TestGalleryFigure.Create(network, test), TestGalleryFigure.SizeFor(test.Count)),
            ["example-patches"] = (() => ExamplePatchesFigure.Create(TutorialInputs.FourExamples), ExamplePatchesFigure.Size),
            ["network-diagram"] = (() => NetworkDiagram.Create(25, 8, Classes), NetworkDiagram.Size),
            ["relu"] = (() => ReluFigure.Create(), ReluFigure.Size),
            ["four-neurons"] = (() => FourNeuronsDiagram.Create(TutorialInputs.FourNeurons, NeuronExamples.ReluOf(z)), FourNeuronsDiagram.Size),
            ["template-match"] = (() => TemplateMatchFigure.Create(TutorialInputs.Template, TutorialInputs.PerfectEdge), TemplateMatchFigure.Size),
            ["five-inputs"] = (() => FiveInputsFigure.Create(TutorialInputs.FiveInputs,
                [.. TutorialInputs.FiveInputs.Select(i => NeuronExamples.Fire(TutorialInputs.TemplateRow, i.Row))]), FiveInputsFigure.Size),
            ["softmax-steps"] = (() => SoftmaxStepsFigure.Create(SoftmaxExample.Steps([2.5, 0.5]), Classes), SoftmaxStepsFigure.Size),
            ["cross-entropy-curve"] = (() => CrossEntropyCurveFigure.Create(p => -Math.Log(p), [(0.99, "Great!"), (0.5, "Uncertain")]), CrossEntropyCurveFigure.Size),
            ["quadratic-descent"] = (() => QuadraticDescentFigure.Create(DescentExamples.Quadratic(), DescentExamples.QuadraticLoss, 1), QuadraticDescentFigure.Size),
            ["forward-backward"] = (() => ForwardBackwardDiagram.Create(), ForwardBackwardDiagram.Size),
            ["loss-curves"] = (() => LossCurvesFigure.Create("Two runs", [("tutorial", run.History), ("shorter", [.. run.History.Take(10)])], 0.1), LossCurvesFigure.Size),
        };
    }
}
