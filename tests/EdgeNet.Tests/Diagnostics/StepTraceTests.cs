using EdgeNet.Data;
using EdgeNet.Diagnostics;
using EdgeNet.Training;

namespace EdgeNet.Tests.Diagnostics;

/// <summary>What a step records: the update, the loss before and after, the names, and bad input.</summary>
public sealed class StepTraceTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.01)]
    public void Updated_weights_are_old_weights_minus_learning_rate_times_gradient(double learningRate)
    {
        // Given
        Network<double> network = StepNetworks.Seeded(25, [16, 8], 2, 7);

        // When
        StepTrace trace = StepTrace.Record(network, TutorialExamples.ForwardTraceEdge(), 0, learningRate);

        // Then W_new = W − α·dL/dW and b_new = b − α·dL/db, and the network holds the new values
        Assert.Equal(learningRate, trace.LearningRate);
        foreach (LayerStep layer in trace.Layers)
        {
            for (int i = 0; i < layer.Weights.Count; i++)
            {
                Assert.Equal(layer.Weights[i] - learningRate * layer.WeightGradient[i], layer.UpdatedWeights[i], 15);
                Assert.Equal(network.Layers[layer.Number - 1].Weights[i], layer.UpdatedWeights[i]);
            }
            for (int o = 0; o < layer.Bias.Count; o++)
            {
                Assert.Equal(layer.Bias[o] - learningRate * layer.BiasGradient[o], layer.UpdatedBias[o], 15);
                Assert.Equal(network.Layers[layer.Number - 1].Bias[o], layer.UpdatedBias[o]);
            }
        }
    }

    [Fact]
    public void Default_example_loss_is_lower_after_the_step()
    {
        // Given Part 1's network and its perfect edge
        Network<double> network = StepNetworks.Part1();
        double[] x = TutorialExamples.ForwardTraceEdge();

        // When
        StepTrace trace = StepTrace.Record(network, x, TutorialExamples.ForwardTraceEdgeLabel, 0.1);

        // Then the loss fell, and the recorded loss after is the updated network's loss on x
        Assert.True(trace.LossAfter < trace.Loss, $"loss {trace.Loss} → {trace.LossAfter}");
        Assert.True(trace.LossDecreased);
        Assert.Equal(trace.Loss - trace.LossAfter, trace.LossDrop);
        Assert.Equal(network.ForwardLoss(x, [TutorialExamples.ForwardTraceEdgeLabel], out _), trace.LossAfter);
        Assert.True(trace.ProbabilitiesAfter[0] > trace.Probabilities[0], "p[Edge] should rise");
    }

    [Fact]
    public void A_huge_learning_rate_can_raise_the_loss_and_the_trace_says_so()
    {
        // Given a 25→16→8→2 network and an example where α = 5 overshoots (with one hidden layer and one
        // example the loss keeps falling even for huge α: the logits saturate towards the label instead)
        Network<double> network = StepNetworks.Seeded(25, [16, 8], 2, 26);

        // When
        StepTrace trace = StepTrace.Record(network, StepNetworks.RandomExample(25, 1026), 1, 5);

        // Then
        Assert.True(trace.LossAfter > trace.Loss, $"loss {trace.Loss} → {trace.LossAfter}");
        Assert.False(trace.LossDecreased);
        Assert.True(trace.LossDrop < 0);
    }

    [Fact]
    public void Loss_probabilities_and_output_gradient_agree_with_each_other()
    {
        // Given
        int label = 1;
        StepTrace trace = StepTrace.Record(StepNetworks.Seeded(25, [8], 2, 3), StepNetworks.RandomExample(25, 9), label, 0.1);

        // Then p sums to 1, L = −log p[label], y is one-hot, dL/dz2 = p − y, and each layer's input is the h below it
        Assert.Equal(1.0, trace.Probabilities[0] + trace.Probabilities[1], 12);
        Assert.Equal(-Math.Log(trace.Probabilities[label]), trace.Loss, 12);
        Assert.Equal(-Math.Log(trace.ProbabilitiesAfter[label]), trace.LossAfter, 12);
        Assert.Equal([0.0, 1.0], trace.Target.Values.ToArray());
        for (int j = 0; j < 2; j++)
        {
            Assert.Equal(trace.Probabilities[j] - trace.Target[j], trace.OutputGradient[j], 15);
        }
        Assert.Same(trace.Layers[0].Activation, trace.Layers[1].Input);
        Assert.Equal(trace.Input.Values.ToArray(), trace.Layers[0].Input.Values.ToArray());
        Assert.Equal(SoftmaxCrossEntropy.ArgMax(trace.Probabilities.Values), trace.Predicted);
    }

    [Fact]
    public void Relu_gate_is_one_exactly_where_z_is_positive_and_blocks_the_gradient_elsewhere()
    {
        // Given
        StepTrace trace = StepTrace.Record(StepNetworks.Part1(), TutorialExamples.ForwardTraceEdge(), 0, 0.1);
        LayerStep hidden = trace.Layers[0];

        // Then
        Assert.Contains(hidden.PreActivation.Values.ToArray(), z => z <= 0);   // the example does exercise the gate
        for (int i = 0; i < hidden.PreActivation.Count; i++)
        {
            bool open = hidden.PreActivation[i] > 0;
            Assert.Equal(open ? 1.0 : 0.0, hidden.ReluGate![i]);
            Assert.Equal(open ? hidden.ActivationGradient![i] : 0.0, hidden.PreActivationGradient[i]);
            Assert.Equal(Math.Max(0, hidden.PreActivation[i]), hidden.Activation![i]);
        }
        Assert.Null(trace.Layers[^1].ReluGate);
        Assert.Null(trace.Layers[^1].Activation);
        Assert.Null(trace.Layers[^1].ActivationGradient);
    }

    [Fact]
    public void Shapes_are_the_tutorials()
    {
        // Given / When
        StepTrace trace = StepTrace.Record(StepNetworks.Part1(), TutorialExamples.ForwardTraceEdge(), 0, 0.1);

        // Then x(1,25), W1(25,8), z1(1,8), W2(8,2), p(1,2), dL/dW1(25,8)
        Assert.Equal((1, 25), (trace.Input.Rows, trace.Input.Columns));
        Assert.Equal((25, 8), (trace.Layers[0].Weights.Rows, trace.Layers[0].Weights.Columns));
        Assert.Equal((25, 8), (trace.Layers[0].WeightGradient.Rows, trace.Layers[0].WeightGradient.Columns));
        Assert.Equal((1, 8), (trace.Layers[0].PreActivation.Rows, trace.Layers[0].PreActivation.Columns));
        Assert.Equal((8, 2), (trace.Layers[1].UpdatedWeights.Rows, trace.Layers[1].UpdatedWeights.Columns));
        Assert.Equal((1, 2), (trace.Probabilities.Rows, trace.Probabilities.Columns));
    }

    [Fact]
    public void A_recorded_step_is_exactly_the_trainers_first_step()
    {
        // Given the tutorial's draw order with one training patch: seed → make_data(1) → weights
        var options = new TrainingOptions { Seed = 42, TrainSamples = 1, TestSamples = 0, Epochs = 1 };
        var forTrace = SeededSetup<double>.Create(options);
        var forTrainer = SeededSetup<double>.Create(options);

        // When one is stepped by StepTrace and the other trained for one epoch (one update)
        StepTrace trace = StepTrace.Record(forTrace.Network, forTrace.Train.Sample(0), forTrace.Train.Labels[0], options.LearningRate);
        IReadOnlyList<EpochStats> history = Trainer.Train(forTrainer.Network, forTrainer.Train, null, options, forTrainer.Random);

        // Then the weights after are the same bits, and the trainer's loss is the trace's loss before the update
        for (int l = 0; l < trace.Layers.Count; l++)
        {
            Assert.Equal(forTrainer.Network.Layers[l].Weights, trace.Layers[l].UpdatedWeights.Values.ToArray());
            Assert.Equal(forTrainer.Network.Layers[l].Bias, trace.Layers[l].UpdatedBias.Values.ToArray());
        }
        Assert.Equal(history[0].TrainLoss, trace.Loss, 12);
    }
}
