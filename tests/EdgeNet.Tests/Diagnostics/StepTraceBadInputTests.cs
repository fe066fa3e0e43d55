using EdgeNet.Data;
using EdgeNet.Diagnostics;

namespace EdgeNet.Tests.Diagnostics;

/// <summary>Bad input is refused before the network is touched.</summary>
public sealed class StepTraceBadInputTests
{
    public static TheoryData<double[], int, double> BadInputs => new()
    {
        { new double[24], 0, 0.1 },                                     // too few pixels
        { new double[26], 0, 0.1 },                                     // too many
        { TutorialExamples.ForwardTraceEdge(), 2, 0.1 },                // label out of range
        { TutorialExamples.ForwardTraceEdge(), -1, 0.1 },
        { TutorialExamples.ForwardTraceEdge(), 0, 0 },                  // α ≤ 0
        { TutorialExamples.ForwardTraceEdge(), 0, -0.1 },
        { TutorialExamples.ForwardTraceEdge(), 0, double.NaN },         // α not finite
        { TutorialExamples.ForwardTraceEdge(), 0, double.PositiveInfinity },
        { WithNaN(TutorialExamples.ForwardTraceEdge()), 0, 0.1 },       // a pixel not finite
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_throws_and_leaves_the_network_unchanged(double[] x, int label, double learningRate)
    {
        // Given
        Network<double> network = StepNetworks.Part1();
        double[] before = network.Layers[0].Weights.ToArray();

        // When
        Assert.ThrowsAny<ArgumentException>(() => StepTrace.Record(network, x, label, learningRate));

        // Then
        Assert.Equal(before, network.Layers[0].Weights);
    }

    private static double[] WithNaN(double[] x)
    {
        x[3] = double.NaN;
        return x;
    }
}
