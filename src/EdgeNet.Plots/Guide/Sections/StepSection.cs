namespace EdgeNet.Plots.Guide.Sections;

/// <summary>One SGD update with all its numbers (filled from the engine's step trace).</summary>
internal static class StepSection
{
    public static void Write(GuidePage page, Network<double> network, double[] x, int label, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(network);
        page.Heading("One update, every number");
        page.Paragraph("(The step walk-through arrives with the engine's step trace.)");
    }
}
