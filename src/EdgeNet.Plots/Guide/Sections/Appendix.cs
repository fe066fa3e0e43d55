namespace EdgeNet.Plots.Guide.Sections;

/// <summary>The appendix: A.1–A.5, each gradient formula derived in words and checked on Part 1's network and image.</summary>
internal static class Appendix
{
    private const string G = "+0.0000;-0.0000;0.0000";

    public static void Write(GuidePage page, Network<double> network, double[] x, int label)
    {
        ArgumentNullException.ThrowIfNull(network);
        network.ForwardLoss(x, [label], out _);
        network.Backward(x, [label]);
        double[] z1 = network.PreActivation(0).ToArray();
        double[] h = network.Activation(0).ToArray();
        double[] z2 = network.PreActivation(1).ToArray();
        double[] p = network.Probabilities.ToArray();
        double[] dz2 = network.PreActivationGradient(1).ToArray();
        double[] dh = network.ActivationGradient(0).ToArray();
        double[] dz1 = network.PreActivationGradient(0).ToArray();
        var output = network.Layers[1];
        int classes = output.Outputs;

        page.Section("appendix", "Appendix: Deriving the Backpropagation Gradients");
        page.Paragraph("Each formula of Part 7, derived with the chain rule of Part 6, and checked with the numbers of Part 1's network " +
            "(seed 123) on Part 1's perfect edge, true class “Edge”.");

        page.Raw("<h3 id=\"appendix-a1\">A.1: Softmax + cross-entropy: ∂L/∂z<sub>j</sub> = p<sub>j</sub> − y<sub>j</sub></h3>\n");
        page.Paragraph("From L = −Σ<sub>i</sub> y<sub>i</sub> log p<sub>i</sub>, ∂L/∂p<sub>i</sub> = −y<sub>i</sub>/p<sub>i</sub>. Softmax couples all outputs: " +
            "∂p<sub>i</sub>/∂z<sub>j</sub> = p<sub>i</sub>(δ<sub>ij</sub> − p<sub>j</sub>) (quotient rule, two cases). Summing over i: " +
            "∂L/∂z<sub>j</sub> = −y<sub>j</sub> + p<sub>j</sub> Σ<sub>i</sub> y<sub>i</sub> = p<sub>j</sub> − y<sub>j</sub>, since the one-hot y sums to 1.");
        const double epsilon = 1e-6;
        page.Table(["j", "p<sub>j</sub>", "y<sub>j</sub>", "p<sub>j</sub> − y<sub>j</sub> (backpropagation)", "(L(z<sub>j</sub> + ε) − L(z<sub>j</sub> − ε)) / 2ε"],
            Enumerable.Range(0, classes).Select(j => (IReadOnlyList<string>)[
                GuidePage.Show(j, "0"),
                page.Num($"a1.p[{j}]", p[j], "0.0000"),
                GuidePage.Show(j == label ? 1 : 0, "0"),
                page.Num($"a1.dz2[{j}]", dz2[j], G),
                page.Num($"a1.numeric[{j}]", NumericLossSlope(z2, j, label, epsilon), G)]));

        page.Raw("<h3 id=\"appendix-a2\">A.2: Weight gradient: ∂L/∂W<sub>2</sub> = h<sup>T</sup> · ∂L/∂z<sub>2</sub></h3>\n");
        page.Paragraph("z<sub>2j</sub> = Σ<sub>i</sub> h<sub>i</sub> w<sub>ij</sub> + b<sub>j</sub>, so ∂z<sub>2j</sub>/∂w<sub>ij</sub> = h<sub>i</sub> and " +
            "∂L/∂w<sub>ij</sub> = h<sub>i</sub> · ∂L/∂z<sub>2j</sub>: every entry is an outer product of input and upstream gradient, shaped like W<sub>2</sub> (8×2).");
        int active = Array.FindIndex(h, v => v > 0);
        if (active >= 0)
        {
            page.Paragraph($"Hidden neuron {active}: h = {page.Num("a2.h", h[active], "0.0000")}, ∂L/∂z<sub>2,0</sub> = {GuidePage.Show(dz2[0], G)}, " +
                $"product {page.Num("a2.product", h[active] * dz2[0], G)}; the engine's ∂L/∂W<sub>2</sub>[{active}, 0] = {page.Num("a2.engine", output.WeightGradient[active * classes], G)}.");
        }

        page.Raw("<h3 id=\"appendix-a3\">A.3: Bias gradient: ∂L/∂b<sub>2</sub> = ∂L/∂z<sub>2</sub></h3>\n");
        page.Paragraph("∂z<sub>2j</sub>/∂b<sub>j</sub> = 1, so the bias gradient is the upstream gradient itself: " +
            $"the engine's ∂L/∂b<sub>2</sub> = {page.Vec("a3.db2", output.BiasGradient, G)}, the same as p − y above.");

        page.Raw("<h3 id=\"appendix-a4\">A.4: Back to the hidden layer: ∂L/∂h = ∂L/∂z<sub>2</sub> · W<sub>2</sub><sup>T</sup></h3>\n");
        page.Paragraph("Each h<sub>i</sub> feeds every output, so its gradient sums over them: ∂L/∂h<sub>i</sub> = Σ<sub>j</sub> ∂L/∂z<sub>2j</sub> · w<sub>ij</sub>. " +
            "Gradients flow back through the same weights as the forward pass, transposed.");
        page.Paragraph($"∂L/∂h = {page.Vec("a4.dh", dh, G)}");

        page.Raw("<h3 id=\"appendix-a5\">A.5: Through ReLU: ∂L/∂z<sub>1</sub> = ∂L/∂h ⊙ 1[z<sub>1</sub> &gt; 0]</h3>\n");
        page.Paragraph("ReLU's derivative is 1 where z &gt; 0 and 0 elsewhere, so it acts as a <b>gate</b>: the gradient passes where the neuron fired and is blocked where it did not.");
        page.Table(["Neuron", "z<sub>1</sub>", "gate 1[z<sub>1</sub> &gt; 0]", "∂L/∂h", "∂L/∂z<sub>1</sub>"],
            Enumerable.Range(0, z1.Length).Select(i => (IReadOnlyList<string>)[
                GuidePage.Show(i, "0"),
                page.Num($"a5.z1[{i}]", z1[i], "+0.00;-0.00;0.00"),
                z1[i] > 0 ? "1 (passes)" : "0 (blocked)",
                page.Num($"a5.dh[{i}]", dh[i], G),
                page.Num($"a5.dz1[{i}]", dz1[i], G)]));
        page.EndSection();
    }

    // The loss's slope in z_j by central differences, through the engine's softmax cross-entropy.
    private static double NumericLossSlope(double[] z, int j, int label, double epsilon)
    {
        double[] plus = [.. z];
        double[] minus = [.. z];
        plus[j] += epsilon;
        minus[j] -= epsilon;
        var p = new double[z.Length];
        double lossPlus = SoftmaxCrossEntropy.Forward<double>(plus, p, [label], z.Length, out _);
        double lossMinus = SoftmaxCrossEntropy.Forward<double>(minus, p, [label], z.Length, out _);
        return (lossPlus - lossMinus) / (2 * epsilon);
    }
}
