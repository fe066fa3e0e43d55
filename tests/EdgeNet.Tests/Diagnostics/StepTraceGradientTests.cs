using EdgeNet.Data;
using EdgeNet.Diagnostics;

namespace EdgeNet.Tests.Diagnostics;

/// <summary>Every gradient a step records agrees with finite differences of the loss.</summary>
public sealed class StepTraceGradientTests
{
    private const double Epsilon = 1e-5;

    public static TheoryData<int, int[], int, uint, int> Networks => new()
    {
        { 25, [8], 2, 123, 0 },     // the tutorial's 25→8→2
        { 25, [16, 8], 2, 7, 1 },   // its sequel's 25→16→8→2
        { 9, [6, 5], 3, 5, 2 },     // 3×3 patches, three classes, two hidden layers
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Weight_and_bias_gradients_match_gradient_check(int inputs, int[] hidden, int classes, uint seed, int label)
    {
        // Given a network, a copy of it, and an example
        Network<double> network = StepNetworks.Seeded(inputs, hidden, classes, seed);
        Network<double> copy = StepNetworks.Copy(network);
        double[] x = Example(inputs, seed);

        // When the step is recorded on one and the other is checked by finite differences
        StepTrace trace = StepTrace.Record(network, x, label, 0.1);
        IReadOnlyList<ParameterGradient> check = GradientCheck.Run(copy, x, [label], Epsilon);

        // Then dL/dW and dL/db of every layer, in GradientCheck's order (W then b, layer by layer), agree
        int k = 0;
        foreach (LayerStep layer in trace.Layers)
        {
            foreach ((TraceMatrix recorded, string name) in new[] { (layer.WeightGradient, layer.WeightsName), (layer.BiasGradient, layer.BiasName) })
            {
                for (int i = 0; i < recorded.Count; i++, k++)
                {
                    Assert.Equal(name, check[k].Parameter);
                    AssertClose(check[k].Numeric, recorded[i], $"{name}{check[k].Index}");
                }
            }
        }
        Assert.Equal(check.Count, k);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Pre_activation_gradients_match_the_bias_finite_differences(int inputs, int[] hidden, int classes, uint seed, int label)
    {
        // Given (z = input·W + b, so moving b moves z by the same amount)
        Network<double> network = StepNetworks.Seeded(inputs, hidden, classes, seed);
        Network<double> copy = StepNetworks.Copy(network);
        double[] x = Example(inputs, seed);

        // When
        StepTrace trace = StepTrace.Record(network, x, label, 0.1);

        // Then dL/dz of every layer equals (L(b + ε) − L(b − ε)) / 2ε
        foreach (LayerStep layer in trace.Layers)
        {
            double[] bias = copy.Layers[layer.Number - 1].Bias;
            for (int o = 0; o < bias.Length; o++)
            {
                double numeric = FiniteDifference(bias, o, () => copy.ForwardLoss(x, [label], out _));
                AssertClose(numeric, layer.PreActivationGradient[o], $"dL/d{layer.PreActivationName}[{o}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Output_gradient_matches_finite_differences_of_softmax_cross_entropy(int inputs, int[] hidden, int classes, uint seed, int label)
    {
        // Given
        Network<double> network = StepNetworks.Seeded(inputs, hidden, classes, seed);
        StepTrace trace = StepTrace.Record(network, Example(inputs, seed), label, 0.1);
        double[] z = trace.Layers[^1].PreActivation.Values.ToArray();
        var p = new double[classes];

        // When L is moved through the last z directly
        // Then dL/dz = p − y agrees
        for (int j = 0; j < classes; j++)
        {
            double numeric = FiniteDifference(z, j, () => SoftmaxCrossEntropy.Forward<double>(z, p, [label], classes, out _));
            AssertClose(numeric, trace.OutputGradient[j], $"dL/dz[{j}]");
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Hidden_activation_gradients_match_finite_differences_through_the_layers_above(int inputs, int[] hidden, int classes, uint seed, int label)
    {
        // Given the network before the step
        Network<double> network = StepNetworks.Seeded(inputs, hidden, classes, seed);
        Network<double> before = StepNetworks.Copy(network);

        // When
        StepTrace trace = StepTrace.Record(network, Example(inputs, seed), label, 0.1);

        // Then for every hidden layer, dL/dh equals the finite difference of L over h, fed to the layers above it
        foreach (LayerStep layer in trace.Layers.Where(l => !l.IsOutput))
        {
            Network<double> tail = StepNetworks.Tail(before, layer.Number - 1);
            double[] h = layer.Activation!.Values.ToArray();
            for (int i = 0; i < h.Length; i++)
            {
                double numeric = FiniteDifference(h, i, () => tail.ForwardLoss(h, [label], out _));
                AssertClose(numeric, layer.ActivationGradient![i], $"dL/d{layer.ActivationName}[{i}]");
            }
        }
    }

    private static double[] Example(int inputs, uint seed) =>
        inputs == 25 && seed == TutorialExamples.ForwardTraceSeed ? TutorialExamples.ForwardTraceEdge() : StepNetworks.RandomExample(inputs, seed + 1000);

    private static double FiniteDifference(double[] values, int index, Func<double> loss)
    {
        double saved = values[index];
        values[index] = saved + Epsilon;
        double plus = loss();
        values[index] = saved - Epsilon;
        double minus = loss();
        values[index] = saved;
        return (plus - minus) / (2 * Epsilon);
    }

    // Central differences are exact to about ε² (1e-10) plus rounding; dead ReLUs give exact zeros.
    private static void AssertClose(double numeric, double analytic, string what)
    {
        double difference = Math.Abs(numeric - analytic);
        Assert.True(difference <= 1e-8 + 1e-6 * Math.Abs(analytic), $"{what}: recorded {analytic}, finite difference {numeric} (difference {difference})");
    }
}
