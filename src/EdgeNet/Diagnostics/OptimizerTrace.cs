using EdgeNet.Layers;
using EdgeNet.Optimizers;

namespace EdgeNet.Diagnostics;

/// <summary>
/// Several updates in a row on one example with any optimizer, every number kept: for each step the loss before
/// and after, and for every parameter the gradient, the optimizer's state before and after (velocity; sum or average
/// of squares; m and v with Adam's bias-corrected m̂ and v̂), the step each weight took and the weights after.
/// </summary>
/// <remarks>
/// The numbers come from the engine itself: <see cref="Network{T}.ForwardLoss"/>, <see cref="Network{T}.Backward"/>
/// and <see cref="Optimizer{T}.Step"/>; only m̂, v̂ and the per-weight step (after − before) are derived here, for
/// display. The network is updated, as training would update it.
/// </remarks>
public sealed class OptimizerTrace
{
    private OptimizerTrace(OptimizerSettings settings, double learningRate, IReadOnlyList<OptimizerStepTrace> steps)
    {
        Settings = settings;
        LearningRate = learningRate;
        Steps = steps;
    }

    /// <summary>The rule and its settings.</summary>
    public OptimizerSettings Settings { get; }

    /// <summary>α.</summary>
    public double LearningRate { get; }

    /// <summary>Each update, the first (t = 1) first.</summary>
    public IReadOnlyList<OptimizerStepTrace> Steps { get; }

    /// <summary>
    /// Runs <paramref name="steps"/> updates of <paramref name="network"/> on one example with a fresh optimizer and
    /// records every number.
    /// </summary>
    /// <exception cref="ArgumentException">The example does not fit the network, a value is not finite, the label is out of range, a setting is out of range, or fewer than 1 step.</exception>
    public static OptimizerTrace Record(Network<double> network, ReadOnlySpan<double> x, int label, OptimizerSettings settings, double learningRate, int steps)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(settings);
        StepTrace.Validate(network, x, label, learningRate);
        return Record(network, x, label, new Optimizer<double>(settings, learningRate, network.Layers), steps);
    }

    /// <summary>
    /// As <see cref="Record(Network{double}, ReadOnlySpan{double}, int, OptimizerSettings, double, int)"/>, continuing
    /// <paramref name="optimizer"/>'s state (a run's velocity or moments, its step count t), which the updates advance.
    /// </summary>
    /// <exception cref="ArgumentException">The example does not fit the network, a value is not finite, the label is out of range, the optimizer was made for other layers, or fewer than 1 step.</exception>
    public static OptimizerTrace Record(Network<double> network, ReadOnlySpan<double> x, int label, Optimizer<double> optimizer, int steps)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizer);
        StepTrace.Validate(network, x, label, optimizer.LearningRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        OptimizerSettings settings = optimizer.Settings;
        double learningRate = optimizer.LearningRate;
        ReadOnlySpan<int> labels = [label];
        var records = new OptimizerStepTrace[steps];
        for (int s = 0; s < steps; s++)
        {
            double loss = network.ForwardLoss(x, labels, out _);             // forward and loss
            network.Backward(x, labels);                                     // dL/dW, dL/db into the layers
            Snapshot[] before = Snapshots(network.Layers, optimizer);
            optimizer.Step(network.Layers);                                  // the rule
            Snapshot[] after = Snapshots(network.Layers, optimizer);
            double lossAfter = network.ForwardLoss(x, labels, out _);
            records[s] = new OptimizerStepTrace(optimizer.Steps, loss, lossAfter, Corrections(settings, optimizer.Steps), Parameters(network.Layers, before, after, settings, optimizer.Steps));
        }
        return new OptimizerTrace(settings, learningRate, records);
    }

    private static (double, double)? Corrections(OptimizerSettings settings, int t) =>
        settings.UsesBetas ? AdamRule.BiasCorrections(settings.Beta1, settings.Beta2, t) : null;

    private static Snapshot[] Snapshots(IReadOnlyList<Dense<double>> layers, Optimizer<double> optimizer)
    {
        var snapshots = new Snapshot[layers.Count * 2];
        for (int l = 0; l < layers.Count; l++)
        {
            Dense<double> layer = layers[l];
            ParameterBuffers<double>? first = optimizer.FirstState.Count > 0 ? optimizer.FirstState[l] : null;
            ParameterBuffers<double>? second = optimizer.SecondState.Count > 0 ? optimizer.SecondState[l] : null;
            snapshots[2 * l] = new Snapshot(
                new TraceMatrix(layer.Inputs, layer.Outputs, layer.Weights),
                new TraceMatrix(layer.Inputs, layer.Outputs, layer.WeightGradient),
                first is null ? null : new TraceMatrix(layer.Inputs, layer.Outputs, first.Weights),
                second is null ? null : new TraceMatrix(layer.Inputs, layer.Outputs, second.Weights));
            snapshots[2 * l + 1] = new Snapshot(
                TraceMatrix.Row(layer.Bias),
                TraceMatrix.Row(layer.BiasGradient),
                first is null ? null : TraceMatrix.Row(first.Bias),
                second is null ? null : TraceMatrix.Row(second.Bias));
        }
        return snapshots;
    }

    private static ParameterTrace[] Parameters(IReadOnlyList<Dense<double>> layers, Snapshot[] before, Snapshot[] after, OptimizerSettings settings, int t)
    {
        var parameters = new ParameterTrace[before.Length];
        (double, double)? corrections = Corrections(settings, t);
        for (int i = 0; i < parameters.Length; i++)
        {
            int layer = i / 2 + 1;
            bool bias = i % 2 == 1;
            Snapshot b = before[i], a = after[i];
            parameters[i] = new ParameterTrace(bias ? $"b{layer}" : $"W{layer}", bias, bias ? 0 : settings.WeightDecay)
            {
                Before = b.Values,
                Gradient = b.Gradient,
                FirstBefore = b.First,
                FirstAfter = a.First,
                SecondBefore = b.Second,
                SecondAfter = a.Second,
                FirstCorrected = corrections is { } c1 && a.First is { } m ? Map(m, value => value / c1.Item1) : null,     // m̂ = m / (1 − β1ᵗ)
                SecondCorrected = corrections is { } c2 && a.Second is { } v ? Map(v, value => value / c2.Item2) : null, // v̂ = v / (1 − β2ᵗ)
                Step = Difference(a.Values, b.Values),                                                                 // ΔW = W after − W before
                After = a.Values,
            };
        }
        return parameters;
    }

    private static TraceMatrix Map(TraceMatrix matrix, Func<double, double> f)
    {
        var values = new double[matrix.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = f(matrix[i]);
        }
        return new TraceMatrix(matrix.Rows, matrix.Columns, values);
    }

    private static TraceMatrix Difference(TraceMatrix after, TraceMatrix before)
    {
        var values = new double[after.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = after[i] - before[i];
        }
        return new TraceMatrix(after.Rows, after.Columns, values);
    }

    private sealed record Snapshot(TraceMatrix Values, TraceMatrix Gradient, TraceMatrix? First, TraceMatrix? Second);
}
