using EdgeNet.Layers;
using EdgeNet.Optimizers;

namespace EdgeNet.Diagnostics;

/// <summary>
/// One SGD update on one example with every number kept: x, each layer's z = x·W + b and h = f(z) (the network's
/// hidden activation: ReLU as in the tutorial, or leaky ReLU, tanh, sigmoid),
/// p = softmax(z), the loss, dL/dz = p − y, each layer's dL/dW, dL/db, dL/dh and dL/dz, the weights before
/// and after W ← W − α·dL/dW, and the loss on the same example after the update (tutorial Parts 1–7).
/// </summary>
/// <remarks>
/// The numbers come from the engine itself (<see cref="Network{T}.ForwardLoss"/>, <see cref="Network{T}.Backward"/>,
/// <see cref="Sgd.Step{T}"/>); nothing is recomputed here. Views (console text, HTML) read
/// <see cref="Quantities"/> so that all show the same formulas and tutorial references.
/// </remarks>
public sealed class StepTrace
{
    private IReadOnlyList<StepQuantity>? _quantities;

    private StepTrace(HiddenActivation activation, TraceMatrix input, int label, TraceMatrix target, double learningRate, IReadOnlyList<LayerStep> layers,
        TraceMatrix probabilities, double loss, TraceMatrix probabilitiesAfter, double lossAfter)
    {
        Activation = activation;
        Input = input;
        Label = label;
        Target = target;
        LearningRate = learningRate;
        Layers = layers;
        Probabilities = probabilities;
        Loss = loss;
        ProbabilitiesAfter = probabilitiesAfter;
        LossAfter = lossAfter;
    }

    /// <summary>The hidden layers' activation f in h = f(z) (the network's).</summary>
    public HiddenActivation Activation { get; }

    /// <summary>x, the example's pixels as a 1×inputs row.</summary>
    public TraceMatrix Input { get; }

    /// <summary>The example's class (0 = Edge, 1 = No Edge in the tutorial).</summary>
    public int Label { get; }

    /// <summary>y = one-hot(label), 1×classes.</summary>
    public TraceMatrix Target { get; }

    /// <summary>α, the learning rate of the update.</summary>
    public double LearningRate { get; }

    /// <summary>Each dense layer's numbers, input side first (W1 first).</summary>
    public IReadOnlyList<LayerStep> Layers { get; }

    /// <summary>p = softmax(z) of the last layer before the update (tutorial Part 3).</summary>
    public TraceMatrix Probabilities { get; }

    /// <summary>L = −log p[label] before the update (tutorial Part 4).</summary>
    public double Loss { get; }

    /// <summary>dL/dz of the last layer, p − y (tutorial Part 7, Step 1 and A.1).</summary>
    public TraceMatrix OutputGradient => Layers[^1].PreActivationGradient;

    /// <summary>The class with the highest p before the update.</summary>
    public int Predicted => SoftmaxCrossEntropy.ArgMax(Probabilities.Values);

    /// <summary>p for the same example after the update.</summary>
    public TraceMatrix ProbabilitiesAfter { get; }

    /// <summary>L for the same example after the update.</summary>
    public double LossAfter { get; }

    /// <summary>The class with the highest p after the update.</summary>
    public int PredictedAfter => SoftmaxCrossEntropy.ArgMax(ProbabilitiesAfter.Values);

    /// <summary>Loss − LossAfter: positive when the step helped.</summary>
    public double LossDrop => Loss - LossAfter;

    /// <summary>True when the update lowered the loss on this example (a too-large α can make it rise).</summary>
    public bool LossDecreased => LossAfter < Loss;

    /// <summary>
    /// Every number of the step in the tutorial's order (forward, loss, backward, update, after), each with
    /// its symbol, formula and tutorial part.
    /// </summary>
    public IReadOnlyList<StepQuantity> Quantities => _quantities ??= StepQuantities.Of(this);

    /// <summary>
    /// Runs one SGD step of <paramref name="network"/> on one example and records every number.
    /// The network is updated, as a training step would update it.
    /// </summary>
    /// <param name="network">The network to train; its weights are changed by the step.</param>
    /// <param name="x">The example's values (25 pixels for a 5×5 patch; any length matching the network).</param>
    /// <param name="label">The example's class, 0 ≤ label &lt; classes.</param>
    /// <param name="learningRate">α, finite and &gt; 0.</param>
    /// <exception cref="ArgumentException">Wrong number of values, a value not finite, label out of range, or α not finite and positive.</exception>
    public static StepTrace Record(Network<double> network, ReadOnlySpan<double> x, int label, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(network);
        Validate(network, x, label, learningRate);
        ReadOnlySpan<int> labels = [label];

        double loss = network.ForwardLoss(x, labels, out _);   // forward: z, h, p and L (Parts 1–4)
        var forward = new ForwardNumbers[network.Layers.Count];
        for (int l = 0; l < forward.Length; l++)
        {
            Dense<double> layer = network.Layers[l];
            forward[l] = new ForwardNumbers(
                Matrix(layer.Weights, layer.Inputs, layer.Outputs),
                TraceMatrix.Row(layer.Bias),
                TraceMatrix.Row(network.PreActivation(l)),
                l < forward.Length - 1 ? TraceMatrix.Row(network.Activation(l)) : null);
        }
        TraceMatrix p = TraceMatrix.Row(network.Probabilities);

        network.Backward(x, labels);                            // backward: every gradient (Part 7)
        var backward = new BackwardNumbers[forward.Length];
        for (int l = 0; l < backward.Length; l++)
        {
            Dense<double> layer = network.Layers[l];
            bool hidden = l < backward.Length - 1;
            backward[l] = new BackwardNumbers(
                Matrix(layer.WeightGradient, layer.Inputs, layer.Outputs),
                TraceMatrix.Row(layer.BiasGradient),
                TraceMatrix.Row(network.PreActivationGradient(l)),
                hidden ? TraceMatrix.Row(network.ActivationGradient(l)) : null);
        }

        Sgd.Step(network, learningRate);                        // W ← W − α·dL/dW (Part 5)
        double lossAfter = network.ForwardLoss(x, labels, out _);
        TraceMatrix pAfter = TraceMatrix.Row(network.Probabilities);

        var layers = new LayerStep[forward.Length];
        for (int l = 0; l < layers.Length; l++)
        {
            Dense<double> layer = network.Layers[l];
            layers[l] = new LayerStep(l + 1, l == layers.Length - 1, StepNames.For(l, layers.Length))
            {
                Input = l == 0 ? TraceMatrix.Row(x) : forward[l - 1].Activation!,
                Weights = forward[l].Weights,
                Bias = forward[l].Bias,
                PreActivation = forward[l].PreActivation,
                Activation = forward[l].Activation,
                ActivationGradient = backward[l].ActivationGradient,
                ReluGate = forward[l].Activation is null || network.HiddenActivation != HiddenActivation.Relu ? null : Gate(forward[l].PreActivation),
                ActivationDerivative = forward[l].Activation is { } h ? Derivative(network.HiddenActivation, forward[l].PreActivation, h) : null,
                PreActivationGradient = backward[l].PreActivationGradient,
                WeightGradient = backward[l].WeightGradient,
                BiasGradient = backward[l].BiasGradient,
                UpdatedWeights = Matrix(layer.Weights, layer.Inputs, layer.Outputs),
                UpdatedBias = TraceMatrix.Row(layer.Bias),
            };
        }
        var target = new double[network.Classes];
        target[label] = 1;                                      // y = one-hot(label)
        return new StepTrace(network.HiddenActivation, TraceMatrix.Row(x), label, TraceMatrix.Row(target), learningRate, layers, p, loss, pAfter, lossAfter);
    }

    internal static void Validate(Network<double> network, ReadOnlySpan<double> x, int label, double learningRate)
    {
        if (x.Length != network.Inputs)
        {
            throw new ArgumentException($"The network takes {network.Inputs} values, the example has {x.Length}.", nameof(x));
        }
        foreach (double value in x)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"Every value of the example must be a finite number, got {value}.", nameof(x));
            }
        }
        if (label < 0 || label >= network.Classes)
        {
            throw new ArgumentOutOfRangeException(nameof(label), label, $"The label must be between 0 and {network.Classes - 1}.");
        }
        if (!double.IsFinite(learningRate) || learningRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a finite number greater than 0.");
        }
    }

    private static TraceMatrix Matrix(double[] values, int rows, int columns) => new(rows, columns, values);

    // 1[z > 0], the gate Relu.Backward applies (A.5), kept so a view can show which gradients pass.
    private static TraceMatrix Gate(TraceMatrix z)
    {
        var gate = new double[z.Count];
        for (int i = 0; i < gate.Length; i++)
        {
            gate[i] = z[i] > 0 ? 1 : 0;
        }
        return new TraceMatrix(z.Rows, z.Columns, gate);
    }

    // f′(z) as the backward pass applies it: dL/dz = dL/dh · f′ with dL/dh = 1.
    private static TraceMatrix Derivative(HiddenActivation activation, TraceMatrix z, TraceMatrix h)
    {
        var slope = new double[z.Count];
        for (int i = 0; i < slope.Length; i++)
        {
            slope[i] = HiddenActivations.Gradient(activation, z[i], h[i], 1.0);
        }
        return new TraceMatrix(z.Rows, z.Columns, slope);
    }

    private sealed record ForwardNumbers(TraceMatrix Weights, TraceMatrix Bias, TraceMatrix PreActivation, TraceMatrix? Activation);

    private sealed record BackwardNumbers(TraceMatrix WeightGradient, TraceMatrix BiasGradient, TraceMatrix PreActivationGradient, TraceMatrix? ActivationGradient);
}
