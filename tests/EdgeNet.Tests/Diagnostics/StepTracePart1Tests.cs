using System.Globalization;
using System.Text.RegularExpressions;
using EdgeNet.Data;
using EdgeNet.Diagnostics;

namespace EdgeNet.Tests.Diagnostics;

/// <summary>The forward half of the default step is the tutorial's Part 1 trace (seed 123), number for number.</summary>
public sealed partial class StepTracePart1Tests
{
    private static readonly string[] Reference = File.ReadAllLines(ReferenceFiles.PathOf("part1-forward-trace-seed123.txt"));

    [Fact]
    public void Forward_numbers_match_the_tutorials_part1_trace()
    {
        // Given Part 1: seed 123, W1 = randn(25,8)·0.3, W2 = randn(8,2)·0.3, the perfect edge
        // When
        StepTrace trace = StepTrace.Record(StepNetworks.Part1(), TutorialExamples.ForwardTraceEdge(), 0, 0.1);
        LayerStep layer1 = trace.Layers[0], layer2 = trace.Layers[1];

        // Then each value NumPy printed equals ours rounded the way it was printed
        AssertPrinted(After("W1: shape", 1), layer1.Weights.GetRow(0));
        AssertPrinted(After("W1: shape", 2), layer1.Weights.GetRow(1));
        AssertPrinted(After("b1: shape", 1), layer1.Bias.Values);
        AssertPrinted(Line("z1 = ["), layer1.PreActivation.Values);
        AssertPrinted(Line("h  = ["), layer1.Activation!.Values);
        AssertPrinted(After("W2: shape", 1), layer2.Weights.GetRow(0));
        AssertPrinted(After("W2: shape", 2), layer2.Weights.GetRow(1));
        AssertPrinted(Line("z2 = ["), layer2.PreActivation.Values);
        AssertPrinted(Line("p = ["), trace.Probabilities.Values);
        Assert.Equal(0, trace.Predicted);                                   // "→ Prediction: Edge"
        Assert.Equal([0.1, 0.1, 0.5, 0.9, 0.9], trace.Input.Values[..5].ToArray());
    }

    [Fact]
    public void The_reference_values_are_the_ones_the_task_quotes()
    {
        // Given the reference file (a guard that the parser reads what it should)
        // Then z1 starts [-0.27, -1.06, +0.58] and p = [0.583, 0.417]
        Assert.Equal([-0.27, -1.06, 0.58], Numbers(Line("z1 = [")).Select(n => n.Value));
        Assert.Equal([0.583, 0.417], Numbers(Line("p = [")).Select(n => n.Value));
    }

    private static void AssertPrinted(string line, ReadOnlySpan<double> computed)
    {
        var printed = Numbers(line);
        Assert.NotEmpty(printed);
        for (int i = 0; i < printed.Count; i++)
        {
            double rounded = Math.Round(computed[i], printed[i].Decimals, MidpointRounding.ToEven);
            Assert.True(rounded == printed[i].Value, $"'{line.Trim()}' value {i}: NumPy printed {printed[i].Value}, ours {computed[i]}");
        }
    }

    // The decimal numbers of a printed line, with how many decimals each was printed with.
    private static List<(double Value, int Decimals)> Numbers(string line) =>
        [.. DecimalNumber().Matches(line.Split('=').Last()).Select(m => (double.Parse(m.Value, CultureInfo.InvariantCulture), m.Groups[1].Length))];

    private static string Line(string start) => Reference.Single(l => l.StartsWith(start, StringComparison.Ordinal));

    private static string After(string start, int offset) => Reference[Array.FindIndex(Reference, l => l.StartsWith(start, StringComparison.Ordinal)) + offset];

    [GeneratedRegex(@"[+-]?\d+\.(\d+)")]
    private static partial Regex DecimalNumber();
}
