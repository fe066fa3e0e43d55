using EdgeNet.Diagnostics;

namespace EdgeNet.Plots.Guide.Sections;

/// <summary>Backpropagation checked against finite differences, on Part 1's network and image.</summary>
internal static class GradientCheckSection
{
    private const string Gradient = "+0.000000;-0.000000;0.000000";

    public static void Write(GuidePage page, Network<double> network, double[] x, int label)
    {
        IReadOnlyList<ParameterGradient> results = GradientCheck.Run(network, x, [label]);
        page.Heading("Checking the gradients");
        page.Paragraph("Is backpropagation right? Nudge each parameter θ by ±ε and watch the loss: (L(θ + ε) − L(θ − ε)) / 2ε must match ∂L/∂θ. " +
            $"EdgeNet's gradient check does this for all {page.Num("gradcheck.count", results.Count, "0")} parameters of Part 1's network on Part 1's image. " +
            "The largest gradients of each parameter group:");
        var shown = results.GroupBy(r => r.Parameter)
            .SelectMany(g => g.OrderByDescending(r => Math.Abs(r.Analytic)).ThenBy(r => r.Index, StringComparer.Ordinal).Take(3))
            .ToList();
        page.Table(["Parameter", "Backpropagation ∂L/∂θ", "Finite difference", "Relative error"],
            shown.Select(r => (IReadOnlyList<string>)[
                $"{r.Parameter}{GuidePage.Escape(r.Index)}",
                page.Num($"gradcheck.{r.Parameter}{r.Index}.analytic", r.Analytic, Gradient),
                page.Num($"gradcheck.{r.Parameter}{r.Index}.numeric", r.Numeric, Gradient),
                page.Num($"gradcheck.{r.Parameter}{r.Index}.error", r.RelativeError, "0.0e+0")]),
            caption: "Gradient check, computed now");
        double worst = results.Max(r => r.RelativeError);
        page.Paragraph($"Largest relative error over all {GuidePage.Show(results.Count, "0")} parameters: {page.Num("gradcheck.worst", worst, "0.0e+0")} " +
            "(zero gradients, from neurons ReLU switched off, agree exactly). Backpropagation and the slow, obvious method agree.");
    }
}
