using System.Numerics;
using EdgeNet.Layers;

namespace EdgeNet.Optimizers;

/// <summary>
/// One of the update rules (<see cref="OptimizerKind"/>) with its state for every layer of a network: the velocity of
/// momentum and Nesterov, Adagrad's sum of squares, RMSprop's average of squares, Adam's m and v. <see cref="Step"/>
/// applies the rule to each layer's W (with weight decay) and b (without) from the gradients the backward pass left in
/// <see cref="Dense{T}.WeightGradient"/> and <see cref="Dense{T}.BiasGradient"/>. The state is allocated once, here:
/// steps allocate nothing.
/// </summary>
public sealed class Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ParameterBuffers<T>[] _first;
    private readonly ParameterBuffers<T>[] _second;
    private (double First, double Second) _corrections;   // Adam's 1 − β1ᵗ and 1 − β2ᵗ for the next step, t = Steps + 1

    /// <summary>An optimizer with fresh state (zeros, step 0) for layers of the given shapes.</summary>
    /// <exception cref="ArgumentException">A setting or the learning rate is out of range.</exception>
    public Optimizer(OptimizerSettings settings, double learningRate, IReadOnlyList<Dense<T>> layers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(layers);
        settings.Validate();
        if (!double.IsFinite(learningRate) || learningRate <= 0)
        {
            throw new ArgumentException($"The learning rate must be a finite number above 0 (got {learningRate}).", nameof(learningRate));
        }
        Settings = settings;
        LearningRate = learningRate;
        int firstCount = settings.Kind == OptimizerKind.Sgd ? 0 : layers.Count;
        int secondCount = settings.UsesBetas ? layers.Count : 0;
        _first = new ParameterBuffers<T>[firstCount];
        _second = new ParameterBuffers<T>[secondCount];
        for (int l = 0; l < firstCount; l++)
        {
            _first[l] = new ParameterBuffers<T>(layers[l].Weights.Length, layers[l].Bias.Length);
        }
        for (int l = 0; l < secondCount; l++)
        {
            _second[l] = new ParameterBuffers<T>(layers[l].Weights.Length, layers[l].Bias.Length);
        }
        LayerShapes = [.. layers.Select(l => (l.Weights.Length, l.Bias.Length))];
        _corrections = NextCorrections();
    }

    private Optimizer(Optimizer<T> source)
    {
        Settings = source.Settings;
        LearningRate = source.LearningRate;
        Steps = source.Steps;
        _corrections = source._corrections;
        LayerShapes = source.LayerShapes;
        _first = [.. source._first.Select(b => b.Copy())];
        _second = [.. source._second.Select(b => b.Copy())];
    }

    /// <summary>The rule and its settings.</summary>
    public OptimizerSettings Settings { get; }

    /// <summary>α.</summary>
    public double LearningRate { get; }

    /// <summary>Updates made so far (Adam's t after the last one).</summary>
    public int Steps { get; private set; }

    /// <summary>
    /// The first state buffer of each layer: the velocity v (momentum, Nesterov), the sum of squares s (Adagrad), the
    /// average of squares s (RMSprop), the first moment m (Adam, AdamW); empty for SGD, which keeps no state.
    /// </summary>
    public IReadOnlyList<ParameterBuffers<T>> FirstState => _first;

    /// <summary>The second moment v of each layer (Adam, AdamW); empty for the other rules.</summary>
    public IReadOnlyList<ParameterBuffers<T>> SecondState => _second;

    /// <summary>What <see cref="FirstState"/> holds, in words ("velocity", "m", …); null for SGD.</summary>
    public string? FirstStateName => Settings.Kind switch
    {
        OptimizerKind.Momentum or OptimizerKind.Nesterov => "velocity v",
        OptimizerKind.Adagrad => "sum of squares s",
        OptimizerKind.RmsProp => "average of squares s",
        OptimizerKind.Adam or OptimizerKind.AdamW => "first moment m",
        _ => null,
    };

    private (int Weights, int Bias)[] LayerShapes { get; }

    /// <summary>
    /// One update of every layer from its gradients, as torch.optim's <c>step()</c> with the weights in a group of
    /// weight decay λ and the biases in a group of weight decay 0.
    /// </summary>
    /// <exception cref="ArgumentException">The layers are not the shapes this optimizer was made for.</exception>
    public void Step(IReadOnlyList<Dense<T>> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count != LayerShapes.Length)
        {
            throw new ArgumentException($"The optimizer was made for {LayerShapes.Length} layers, got {layers.Count}.", nameof(layers));
        }
        for (int l = 0; l < layers.Count; l++)                       // for, not foreach: nothing to allocate
        {
            if (layers[l].Weights.Length != LayerShapes[l].Weights || layers[l].Bias.Length != LayerShapes[l].Bias)
            {
                throw new ArgumentException($"Layer {l + 1} is not the shape the optimizer was made for.", nameof(layers));
            }
        }
        Steps++;
        for (int l = 0; l < layers.Count; l++)
        {
            Dense<T> layer = layers[l];
            Update(layer.Weights, layer.WeightGradient, l, bias: false, Settings.WeightDecay);   // W: with weight decay
            Update(layer.Bias, layer.BiasGradient, l, bias: true, 0);                           // b: never decayed
        }
        _corrections = NextCorrections();   // once a step, not once a layer; after the update, beside the next forward pass
    }

    /// <summary>
    /// An independent copy: the same rule, settings and learning rate, the same state and step count. Stepping the copy
    /// leaves this optimizer as it was (to show an update without making it).
    /// </summary>
    public Optimizer<T> Copy()
    {
        return new Optimizer<T>(this);
    }

    /// <summary>Puts the state back to zeros and the step count to 0.</summary>
    public void Reset()
    {
        Steps = 0;
        _corrections = NextCorrections();
        foreach (ParameterBuffers<T>[] state in (ReadOnlySpan<ParameterBuffers<T>[]>)[_first, _second])   // nothing to allocate
        {
            foreach (ParameterBuffers<T> buffers in state)
            {
                Array.Clear(buffers.Weights);
                Array.Clear(buffers.Bias);
            }
        }
    }

    /// <summary>1 − β1ᵗ and 1 − β2ᵗ for t = Steps + 1 (Adam and AdamW; zeros for the others, which do not use them).</summary>
    private (double First, double Second) NextCorrections() =>
        Settings.UsesBetas ? AdamRule.BiasCorrections(Settings.Beta1, Settings.Beta2, Steps + 1) : default;

    private void Update(Span<T> p, ReadOnlySpan<T> g, int layer, bool bias, double weightDecay)
    {
        OptimizerSettings s = Settings;
        double lr = LearningRate;
        Span<T> first = _first.Length == 0 ? default : _first[layer].Of(bias);
        Span<T> second = _second.Length == 0 ? default : _second[layer].Of(bias);
        switch (s.Kind)
        {
            case OptimizerKind.Sgd:
                SgdRule.Step(p, g, lr, weightDecay);
                break;
            case OptimizerKind.Momentum:
                MomentumRule.Step(p, g, first, Steps == 1, lr, s.Momentum, weightDecay);
                break;
            case OptimizerKind.Nesterov:
                NesterovRule.Step(p, g, first, Steps == 1, lr, s.Momentum, weightDecay);
                break;
            case OptimizerKind.Adagrad:
                AdagradRule.Step(p, g, first, lr, s.Eps, weightDecay);
                break;
            case OptimizerKind.RmsProp:
                RmsPropRule.Step(p, g, first, lr, s.RmsDecay, s.Eps, weightDecay);
                break;
            case OptimizerKind.Adam:
                AdamRule.Step(p, g, first, second, _corrections.First, _corrections.Second, lr, s.Beta1, s.Beta2, s.Eps, weightDecay);
                break;
            default:
                AdamWRule.Step(p, g, first, second, _corrections.First, _corrections.Second, lr, s.Beta1, s.Beta2, s.Eps, weightDecay);
                break;
        }
    }
}
