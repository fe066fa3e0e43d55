namespace EdgeNet.Diagnostics;

/// <summary>
/// What one dense layer did during one SGD step: its forward numbers, its gradients and its update.
/// Names follow the tutorial: layer 1 of 25→8→2 reads x, has W1, b1, z1, h; layer 2 reads h, has W2, b2, z2.
/// </summary>
public sealed class LayerStep
{
    internal LayerStep(int number, bool isOutput, StepNames names)
    {
        Number = number;
        IsOutput = isOutput;
        InputName = names.Input;
        WeightsName = names.Weights;
        BiasName = names.Bias;
        PreActivationName = names.PreActivation;
        ActivationName = names.Activation;
    }

    /// <summary>1 for the first layer (W1), 2 for the next, …</summary>
    public int Number { get; }

    /// <summary>True for the last layer, whose z goes to softmax instead of the hidden activation.</summary>
    public bool IsOutput { get; }

    /// <summary>The tutorial's name for this layer's input: "x", "h", or "h1", "h2" in deeper networks.</summary>
    public string InputName { get; }

    /// <summary>"W1", "W2", …</summary>
    public string WeightsName { get; }

    /// <summary>"b1", "b2", …</summary>
    public string BiasName { get; }

    /// <summary>"z1", "z2", …</summary>
    public string PreActivationName { get; }

    /// <summary>"h" (one hidden layer) or "h1", "h2", … (deeper); null for the output layer.</summary>
    public string? ActivationName { get; }

    /// <summary>Number of inputs (rows of W).</summary>
    public int Inputs => Weights.Rows;

    /// <summary>Number of outputs (columns of W).</summary>
    public int Outputs => Weights.Columns;

    /// <summary>This layer's input (x or the previous h), 1×inputs.</summary>
    public required TraceMatrix Input { get; init; }

    /// <summary>W before the update, inputs×outputs.</summary>
    public required TraceMatrix Weights { get; init; }

    /// <summary>b before the update, 1×outputs.</summary>
    public required TraceMatrix Bias { get; init; }

    /// <summary>z = input·W + b (tutorial Part 2, Step 1), 1×outputs.</summary>
    public required TraceMatrix PreActivation { get; init; }

    /// <summary>h = f(z), the hidden activation (ReLU in the tutorial, Part 2, Step 2); null for the output layer.</summary>
    public TraceMatrix? Activation { get; init; }

    /// <summary>dL/dh, the gradient reaching this layer's activation output (tutorial A.4); null for the output layer.</summary>
    public TraceMatrix? ActivationGradient { get; init; }

    /// <summary>
    /// The ReLU gate 1[z &gt; 0]: 1 where the gradient passes, 0 where it is blocked (A.5); null for the output layer
    /// and for any other activation (see <see cref="ActivationDerivative"/>).
    /// </summary>
    public TraceMatrix? ReluGate { get; init; }

    /// <summary>
    /// f′ at each neuron, as the backward pass applied it (dL/dz = dL/dh ⊙ f′): the ReLU gate, 1 or 0.01 for leaky ReLU,
    /// 1 − h² for tanh, h·(1 − h) for sigmoid; null for the output layer.
    /// </summary>
    public TraceMatrix? ActivationDerivative { get; init; }

    /// <summary>dL/dz: p − y for the output layer (A.1), dL/dh ⊙ f′(z) for a hidden one (A.5).</summary>
    public required TraceMatrix PreActivationGradient { get; init; }

    /// <summary>dL/dW = inputᵀ · dL/dz (tutorial A.2), inputs×outputs.</summary>
    public required TraceMatrix WeightGradient { get; init; }

    /// <summary>dL/db = dL/dz (tutorial A.3), 1×outputs.</summary>
    public required TraceMatrix BiasGradient { get; init; }

    /// <summary>W after the update, W − α·dL/dW (tutorial Part 5).</summary>
    public required TraceMatrix UpdatedWeights { get; init; }

    /// <summary>b after the update, b − α·dL/db (tutorial Part 5).</summary>
    public required TraceMatrix UpdatedBias { get; init; }
}

/// <summary>The tutorial's names for one layer's quantities.</summary>
internal sealed record StepNames(string Input, string Weights, string Bias, string PreActivation, string? Activation)
{
    /// <summary>Names for layer <paramref name="index"/> (0-based) of <paramref name="layerCount"/> layers.</summary>
    public static StepNames For(int index, int layerCount)
    {
        int hiddenCount = layerCount - 1;
        return new StepNames(
            index == 0 ? "x" : HiddenName(index - 1, hiddenCount),
            $"W{index + 1}",
            $"b{index + 1}",
            $"z{index + 1}",
            index < hiddenCount ? HiddenName(index, hiddenCount) : null);
    }

    // The tutorial writes h for its single hidden layer, h1, h2 … when there are more.
    private static string HiddenName(int hidden, int hiddenCount) => hiddenCount == 1 ? "h" : $"h{hidden + 1}";
}
