namespace EdgeNet.Plots.Guide.Sections;

/// <summary>The tutorial's summary: the forward pass, the backward pass and the key formulas.</summary>
internal static class Summary
{
    public static void Write(GuidePage page)
    {
        page.Section("summary", "Summary");
        page.Paragraph("<b>The forward pass:</b> neurons compute weighted sums and ReLU (<a href=\"#part2\">Part 2</a>); softmax turns scores into " +
            "probabilities (<a href=\"#part3\">Part 3</a>); cross-entropy measures how wrong they are (<a href=\"#part4\">Part 4</a>).");
        page.Paragraph("<b>The backward pass:</b> gradient descent moves every weight against its gradient (<a href=\"#part5\">Part 5</a>); " +
            "the chain rule gives derivatives through composed functions (<a href=\"#part6\">Part 6</a>); backpropagation computes them all, " +
            "layer by layer (<a href=\"#part7\">Part 7</a>).");
        page.Table(["", "Formula"],
            [
                ["Neuron", "h = max(0, Σ<sub>i</sub> x<sub>i</sub> w<sub>i</sub> + b)"],
                ["Softmax", "p<sub>j</sub> = e<sup>z<sub>j</sub></sup> / Σ<sub>k</sub> e<sup>z<sub>k</sub></sup>"],
                ["Cross-entropy", "L = −log(p<sub>correct</sub>)"],
                ["Update", "w ← w − α · ∂L/∂w"],
            ]);
        page.Paragraph("Repeat forward pass, loss, backward pass and update thousands of times, and the network finds the right weights by itself.");
        page.EndSection();
    }
}
