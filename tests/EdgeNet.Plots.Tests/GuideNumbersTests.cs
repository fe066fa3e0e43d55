using System.Globalization;
using System.Text.RegularExpressions;
using EdgeNet.Diagnostics;
using EdgeNet.Plots.Tests.Support;
using EdgeNet.Training;

namespace EdgeNet.Plots.Tests;

/// <summary>
/// Each number the guide shows equals what the test computes itself, from the engine or from the plain formula,
/// and Part 1 also matches what NumPy printed for the tutorial.
/// </summary>
[Collection(GuideCollection.Name)]
public sealed partial class GuideNumbersTests(GuideFixture guide)
{
    private const double Tight = 1e-12;

    [Fact]
    public void Part1_forward_trace_is_the_engines_with_seed_123()
    {
        // Given: the tutorial's network, seed 123, and its perfect edge
        var network = Network<double>.Create(25, [8], 2);
        network.InitializeLikeTutorial(new NumpyRandom(123), 0.3);
        double[] x = [.. Enumerable.Range(0, 25).Select(i => new[] { 0.1, 0.1, 0.5, 0.9, 0.9 }[i % 5])];

        // When
        double[] p = network.Forward(x, 1).ToArray();

        // Then
        for (int j = 0; j < 8; j++)
        {
            Assert.Equal(network.PreActivation(0)[j], guide.Value($"part1.z1[{j}]"), Tight);
            Assert.Equal(network.Activation(0)[j], guide.Value($"part1.h[{j}]"), Tight);
        }
        Assert.Equal(network.Layers[0].Weights[0], guide.Value("part1.W1[0,0]"), Tight);
        Assert.Equal(network.Layers[0].Weights[9], guide.Value("part1.W1[1,1]"), Tight);
        Assert.Equal(network.Layers[1].Weights[3], guide.Value("part1.W2[1,1]"), Tight);
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(network.PreActivation(1)[k], guide.Value($"part1.z2[{k}]"), Tight);
            Assert.Equal(p[k], guide.Value($"part1.p[{k}]"), Tight);
        }
        Assert.Equal(100 * p.Max(), guide.Value("part1.confidence"), Tight);
    }

    [Theory]
    [InlineData("z1", "part1.z1", 3)]
    [InlineData("h ", "part1.h", 3)]
    [InlineData("z2", "part1.z2", 2)]
    [InlineData("p ", "part1.p", 2)]
    public void Part1_shows_what_numpy_printed_for_the_tutorial(string line, string key, int count)
    {
        // Given: NumPy's own printout of the tutorial's Part 1
        string reference = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", "part1-forward-trace-seed123.txt"))
            .Single(l => l.StartsWith(line + " = [", StringComparison.Ordinal) || l.StartsWith(line + "= [", StringComparison.Ordinal));
        string[] printed = [.. Number().Matches(reference).Select(m => m.Value.TrimStart('+'))];

        // Then
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(printed[i].Replace('-', '−'), guide.Text($"{key}[{i}]").TrimStart('+'));
        }
    }

    [Fact]
    public void Part2_template_match_gives_z_8_and_the_five_inputs_their_z_and_h()
    {
        // Given: the template −1, −1, 0, +1, +1 per row
        double[] row = [-1, -1, 0, 1, 1];
        double[] edge = [0.1, 0.1, 0.5, 0.9, 0.9];
        double[][] inputs = [edge, [0.1, 0.1, 0.1, 0.5, 0.9], [0.5, 0.5, 0.5, 0.5, 0.5], [0.1, 0.5, 0.9, 0.9, 0.9], [0.9, 0.9, 0.5, 0.1, 0.1]];

        // When: z = Σ x·w over the whole patch (5 equal rows), and over one row for the five inputs
        double z = 5 * row.Zip(edge).Sum(p => p.First * p.Second);

        // Then
        Assert.Equal(z, guide.Value("part2.match.z"), 1e-12);
        Assert.Equal(Math.Max(0, z), guide.Value("part2.match.h"), 1e-12);
        Assert.Equal("+8.0", guide.Text("part2.match.z"));
        for (int i = 0; i < inputs.Length; i++)
        {
            double zi = row.Zip(inputs[i]).Sum(p => p.First * p.Second);
            Assert.Equal(zi, guide.Value($"part2.five{i}.z"), 1e-12);
            Assert.Equal(Math.Max(0, zi), guide.Value($"part2.five{i}.h"), 1e-12);
        }
        Assert.Equal(0, guide.Value("part2.neuronB.h"));
        Assert.Equal(3.5, guide.Value("part2.neuronA.h"));
    }

    [Fact]
    public void Part3_softmax_steps_are_exp_then_divide_by_the_sum()
    {
        // Given
        double[] z = [2.5, 0.5];
        double[] exp = [.. z.Select(Math.Exp)];

        // Then
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(exp[k], guide.Value($"part3.exp[{k}]"), 1e-12);
            Assert.Equal(exp[k] / exp.Sum(), guide.Value($"part3.p[{k}]"), 1e-12);
        }
        Assert.Equal(["12.18", "1.65", "0.88", "0.12"], [guide.Text("part3.exp[0]"), guide.Text("part3.exp[1]"), guide.Text("part3.p[0]"), guide.Text("part3.p[1]")]);
    }

    [Fact]
    public void Part4_losses_are_minus_log_p()
    {
        // Given
        double[] p = [0.99, 0.50, 0.10, 0.01];

        // Then
        for (int i = 0; i < p.Length; i++)
        {
            Assert.Equal(p[i], guide.Value($"part4.p{i}"));
            Assert.Equal(-Math.Log(p[i]), guide.Value($"part4.loss{i}"), 1e-9);
        }
        Assert.Equal(["0.010", "0.693", "2.303", "4.605"], Enumerable.Range(0, 4).Select(i => guide.Text($"part4.loss{i}")));
        Assert.Equal(-Math.Log(0.88), guide.Value("part4.sum.loss"), 1e-12);
        Assert.Equal("0.128", guide.Text("part4.sum.loss"));
    }

    [Fact]
    public void Part5_update_and_quadratic_descent()
    {
        // Given / When: w − α·dL/dw, then descent on (w − 1)² + 0.5 from −2 with α = 0.3
        Assert.Equal(0.5 - 0.1 * -0.32, guide.Value("part5.updated"), 1e-15);
        double w = -2.0;
        for (int i = 0; i < 8; i++)
        {
            double gradient = 2 * (w - 1);
            Assert.Equal(w, guide.Value($"part5.descent{i}.w"), 1e-12);
            Assert.Equal((w - 1) * (w - 1) + 0.5, guide.Value($"part5.descent{i}.loss"), 1e-12);
            Assert.Equal(gradient, guide.Value($"part5.descent{i}.gradient"), 1e-12);
            w -= 0.3 * gradient;
            Assert.Equal(w, guide.Value($"part5.descent{i}.next"), 1e-12);
        }

        // Then: the tutorial's −2.0 → −0.2 → 0.52 → 0.81
        Assert.Equal(["−2.00", "−0.20", "0.52", "0.81"], Enumerable.Range(0, 4).Select(i => guide.Text($"part5.descent{i}.w")));
    }

    [Fact]
    public void Part6_chain_rule_and_its_finite_difference_check()
    {
        // Given: z = w·x, L = z², w = 3, x = 2
        double z = 3 * 2, nudged = 3.01 * 2;

        // Then
        Assert.Equal(2 * z * 2, guide.Value("part6.dLdw"));
        Assert.Equal(nudged * nudged, guide.Value("part6.nudgedLoss"), 1e-12);
        Assert.Equal("24", guide.Text("part6.dLdw"));
        Assert.Equal("36.24", guide.Text("part6.nudgedLoss"));
        Assert.Equal(nudged * nudged - z * z, guide.Value("part6.change"), 1e-12);
    }

    [Fact]
    public void Part7_gradient_check_table_is_the_engines()
    {
        // Given
        var network = Network<double>.Create(25, [8], 2);
        network.InitializeLikeTutorial(new NumpyRandom(123), 0.3);
        double[] x = [.. Enumerable.Range(0, 25).Select(i => new[] { 0.1, 0.1, 0.5, 0.9, 0.9 }[i % 5])];

        // When
        IReadOnlyList<ParameterGradient> results = GradientCheck.Run(network, x, [0]);

        // Then
        Assert.Equal(results.Count, guide.Value("gradcheck.count"));
        Assert.Equal(results.Max(r => r.RelativeError), guide.Value("gradcheck.worst"), 1e-15);
        ParameterGradient largest = results.Where(r => r.Parameter == "W2").MaxBy(r => Math.Abs(r.Analytic))!;
        Assert.Equal(largest.Analytic, guide.Value($"gradcheck.W2{largest.Index}.analytic"), Tight);
        Assert.Equal(largest.Numeric, guide.Value($"gradcheck.W2{largest.Index}.numeric"), Tight);
    }

    [Fact]
    public void Part7_step_walk_through_is_the_engines_step_trace_and_lowers_the_loss()
    {
        // Given: Part 1's network and image, one SGD step with α = 0.1
        var network = Network<double>.Create(25, [8], 2);
        network.InitializeLikeTutorial(new NumpyRandom(123), 0.3);
        double[] x = [.. Enumerable.Range(0, 25).Select(i => new[] { 0.1, 0.1, 0.5, 0.9, 0.9 }[i % 5])];

        // When
        StepTrace trace = StepTrace.Record(network, x, 0, 0.1);

        // Then: every quantity the trace lists is on the page, value for value
        foreach (StepQuantity quantity in trace.Quantities)
        {
            string key = "step." + quantity.Symbol;
            TraceMatrix value = quantity.Value;
            for (int i = 0; i < value.Count; i++)
            {
                string cell = value.IsScalar ? key : value.IsVector ? $"{key}[{i}]" : $"{key}[{i / value.Columns},{i % value.Columns}]";
                Assert.Equal(value[i], guide.Value(cell), Tight);
            }
        }
        Assert.True(guide.Value("step.lossAfter") < guide.Value("step.loss"));
        Assert.Equal(trace.LossDrop, guide.Value("step.lossDrop"), Tight);
        Assert.Equal(trace.Layers[0].ReluGate![2], guide.Value("step.gate1[2]"));
    }

    [Fact]
    public void Part8_is_the_tutorials_run_with_50_patches()
    {
        // Given: seed 42, 50 patches, no test set, 100 epochs, α = 0.1
        var options = new TrainingOptions { TrainSamples = 50, TestSamples = 0 };
        var setup = SeededSetup<double>.Create(options);

        // When
        IReadOnlyList<EpochStats> history = Trainer.Train(setup.Network, setup.Train, setup.Test, options, setup.Random);

        // Then
        Assert.Equal(history[0].TrainLoss, guide.Value("part8.loss.first"), Tight);
        Assert.Equal(history[^1].TrainLoss, guide.Value("part8.loss.last"), Tight);
        Assert.Equal(100 * history[^1].TrainAccuracy, guide.Value("part8.accuracy.last"), Tight);
        Assert.Equal(setup.Network.ParameterCount, guide.Value("part8.parameters"));
        Assert.Equal(50, guide.Value("part8.samples"));
    }

    [Fact]
    public void Try_it_yourself_reports_the_tutorial_programs_test_accuracy()
    {
        // Given
        var options = new TrainingOptions();
        var setup = SeededSetup<double>.Create(options);
        IReadOnlyList<EpochStats> history = Trainer.Train(setup.Network, setup.Train, setup.Test, options, setup.Random);

        // When
        Evaluation test = Evaluation.Of(setup.Network, setup.Test!);

        // Then
        Assert.Equal(test.Correct, guide.Value("try.correct"));
        Assert.Equal(100 * test.Accuracy, guide.Value("try.accuracy"), Tight);
        Assert.Equal(history[0].TrainLoss, guide.Value("try.loss0"), Tight);
        Assert.Equal("0.1423", guide.Text("try.loss0"));
    }

    [Fact]
    public void Appendix_a1_backpropagated_p_minus_y_matches_the_finite_difference()
    {
        for (int j = 0; j < 2; j++)
        {
            Assert.Equal(guide.Value($"a1.p[{j}]") - (j == 0 ? 1 : 0), guide.Value($"a1.dz2[{j}]"), Tight);
            Assert.Equal(guide.Value($"a1.dz2[{j}]"), guide.Value($"a1.numeric[{j}]"), 1e-8);
        }
    }

    [GeneratedRegex("[+-]?\\d+\\.\\d+")]
    private static partial Regex Number();
}
