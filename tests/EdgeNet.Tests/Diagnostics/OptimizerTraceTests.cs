using EdgeNet.Data;
using EdgeNet.Diagnostics;
using EdgeNet.Optimizers;

namespace EdgeNet.Tests.Diagnostics;

public sealed class OptimizerTraceTests
{
    [Fact]
    public void Adams_first_step_is_about_alpha_for_every_weight_with_a_gradient()
    {
        // Given Part 1's network and edge
        Network<double> network = Part1();

        // When Adam takes one step with α = 0.1
        OptimizerTrace trace = OptimizerTrace.Record(network, TutorialExamples.ForwardTraceEdge(), 0, OptimizerSettings.For(OptimizerKind.Adam), 0.1, 1);

        // Then every number whose |g| is well above ε moved by α (|g| from 1e-3 to 0.4 all the same), the others not at all
        int moved = 0;
        foreach (ParameterTrace parameter in trace.Steps[0].Parameters)
        {
            for (int i = 0; i < parameter.Step.Count; i++)
            {
                double g = parameter.Gradient[i];
                if (Math.Abs(g) > 1e-6)
                {
                    Assert.Equal(0.1, Math.Abs(parameter.Step[i]), 4);
                    Assert.Equal(-Math.Sign(g), Math.Sign(parameter.Step[i]));
                    moved++;
                }
                else if (g == 0)
                {
                    Assert.Equal(0.0, parameter.Step[i]);
                }
            }
        }
        Assert.True(moved > 10);
        Assert.True(trace.Steps[0].LossAfter < trace.Steps[0].Loss);
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Momentum)]
    [InlineData(OptimizerKind.Nesterov)]
    [InlineData(OptimizerKind.Adagrad)]
    [InlineData(OptimizerKind.RmsProp)]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.AdamW)]
    public void Steps_chain_state_and_weights_and_give_the_optimizers_own_numbers(OptimizerKind kind)
    {
        // Given a trace of three steps and, beside it, the same network trained by the optimizer directly
        OptimizerSettings settings = OptimizerSettings.For(kind) with { WeightDecay = 0.02 };
        double[] x = TutorialExamples.ForwardTraceEdge();
        OptimizerTrace trace = OptimizerTrace.Record(Part1(), x, 0, settings, 0.05, 3);
        Network<double> direct = Part1();
        var optimizer = new Optimizer<double>(settings, 0.05, direct.Layers);

        for (int s = 0; s < 3; s++)
        {
            direct.ForwardLoss(x, [0], out _);
            direct.Backward(x, [0]);
            optimizer.Step(direct.Layers);
            OptimizerStepTrace step = trace.Steps[s];
            Assert.Equal(s + 1, step.Number);
            for (int p = 0; p < step.Parameters.Count; p++)
            {
                ParameterTrace parameter = step.Parameters[p];
                Layers.Dense<double> layer = direct.Layers[p / 2];
                Assert.Equal(parameter.IsBias ? layer.Bias : layer.Weights, parameter.After.Values.ToArray());     // the optimizer's numbers
                if (s > 0)
                {
                    ParameterTrace previous = trace.Steps[s - 1].Parameters[p];
                    Assert.Equal(previous.After.Values.ToArray(), parameter.Before.Values.ToArray());              // W chains
                    Assert.Equal(previous.FirstAfter?.Values.ToArray(), parameter.FirstBefore?.Values.ToArray());  // so does the state
                    Assert.Equal(previous.SecondAfter?.Values.ToArray(), parameter.SecondBefore?.Values.ToArray());
                }
                for (int i = 0; i < parameter.Step.Count; i++)
                {
                    Assert.Equal(parameter.After[i] - parameter.Before[i], parameter.Step[i]);
                }
            }
            Assert.Equal(s == 0 ? step.Loss : trace.Steps[s - 1].LossAfter, step.Loss);
        }
        Assert.Equal(kind != OptimizerKind.Sgd, trace.Steps[0].Parameters[0].FirstAfter is not null);
        Assert.Equal(settings.UsesBetas, trace.Steps[0].Parameters[0].SecondCorrected is not null);
    }

    [Fact]
    public void Adams_bias_corrected_moments_are_m_and_v_over_their_corrections()
    {
        OptimizerTrace trace = OptimizerTrace.Record(Part1(), TutorialExamples.ForwardTraceEdge(), 0, OptimizerSettings.For(OptimizerKind.Adam), 0.1, 2);
        OptimizerStepTrace second = trace.Steps[1];
        ParameterTrace b2 = second.Parameters[^1];
        Assert.Equal(1 - 0.9 * 0.9, second.BiasCorrections!.Value.First, 1e-15);
        Assert.Equal(1 - 0.999 * 0.999, second.BiasCorrections.Value.Second, 1e-15);
        Assert.Equal(b2.FirstAfter![0] / second.BiasCorrections.Value.First, b2.FirstCorrected![0]);
        Assert.Equal(b2.SecondAfter![1] / second.BiasCorrections.Value.Second, b2.SecondCorrected![1]);
    }

    [Theory]
    [InlineData(OptimizerKind.Momentum)]
    [InlineData(OptimizerKind.Adam)]
    public void A_trace_continues_a_given_optimizers_state_and_a_copy_leaves_the_original_as_it_was(OptimizerKind kind)
    {
        // Given three steps in one trace, and beside it one step with an optimizer of our own, then a copy of it
        OptimizerSettings settings = OptimizerSettings.For(kind) with { WeightDecay = 0.01 };
        double[] x = TutorialExamples.ForwardTraceEdge();
        OptimizerTrace three = OptimizerTrace.Record(Part1(), x, 1, settings, 0.05, 3);
        Network<double> network = Part1();
        var optimizer = new Optimizer<double>(settings, 0.05, network.Layers);
        OptimizerTrace.Record(network, x, 1, optimizer, 1);
        double[] state = [.. optimizer.FirstState[0].Weights];
        Optimizer<double> copy = optimizer.Copy();

        // When the copy takes the next two steps on a copy of the network
        Network<double> twin = Network<double>.Create(25, [8], 2);
        for (int l = 0; l < twin.Layers.Count; l++)
        {
            network.Layers[l].Weights.CopyTo(twin.Layers[l].Weights, 0);
            network.Layers[l].Bias.CopyTo(twin.Layers[l].Bias, 0);
        }
        OptimizerTrace rest = OptimizerTrace.Record(twin, x, 1, copy, 2);

        // Then they are the three-step trace's steps 2 and 3, number for number; the original kept its state and t = 1
        Assert.Equal([2, 3], rest.Steps.Select(s => s.Number));
        for (int p = 0; p < rest.Steps[1].Parameters.Count; p++)
        {
            ParameterTrace expected = three.Steps[2].Parameters[p], actual = rest.Steps[1].Parameters[p];
            Assert.Equal(expected.After.Values.ToArray(), actual.After.Values.ToArray());
            Assert.Equal(expected.FirstAfter!.Values.ToArray(), actual.FirstAfter!.Values.ToArray());
            Assert.Equal(expected.SecondAfter?.Values.ToArray(), actual.SecondAfter?.Values.ToArray());
        }
        Assert.Equal(three.Steps[2].LossAfter, rest.Steps[1].LossAfter);
        Assert.Equal(1, optimizer.Steps);
        Assert.Equal(state, optimizer.FirstState[0].Weights);
        Assert.Equal(3, copy.Steps);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        double[] x = TutorialExamples.ForwardTraceEdge();
        Assert.Throws<ArgumentOutOfRangeException>(() => OptimizerTrace.Record(Part1(), x, 0, OptimizerSettings.Tutorial, 0.1, 0));
        Assert.Throws<ArgumentException>(() => OptimizerTrace.Record(Part1(), x, 0, OptimizerSettings.For(OptimizerKind.Adam) with { Beta1 = 1 }, 0.1, 1));
        Assert.Throws<ArgumentException>(() => OptimizerTrace.Record(Part1(), x[..5], 0, OptimizerSettings.Tutorial, 0.1, 1));
    }

    private static Network<double> Part1()
    {
        var network = Network<double>.Create(25, [8], 2);
        network.InitializeLikeTutorial(new NumpyRandom(TutorialExamples.ForwardTraceSeed));
        return network;
    }
}
