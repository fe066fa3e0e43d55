using System.Numerics;
using EdgeNet.Layers;
using EdgeNet.Passes;

namespace EdgeNet;

/// <summary>
/// A stack of dense layers with a hidden activation between them (the tutorial's ReLU unless another is chosen) and
/// softmax at the end: hidden sizes [8] make the tutorial's 25→8→2, [16, 8] its sequel's 25→16→8→2.
/// </summary>
/// <remarks>
/// Not thread-safe: the network keeps the activations of its last forward pass for the backward pass.
/// Buffers are sized on the first batch of a given size, so training steps allocate nothing.
/// </remarks>
public sealed class Network<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Dense<T>[] _layers;
    private readonly HiddenActivation _activation;
    private readonly PassPlanner<T> _passes;             // one pass object per path, made when first chosen
    private IPass<T> _last;                              // the pass of the last forward: the accessors read its numbers
    private Forwarded<T>? _forwarded;                    // the last forward pass with the loss: the backward pass takes it

    /// <summary>
    /// Builds a network from layers whose sizes chain (each layer's inputs = the previous outputs), with
    /// <paramref name="activation"/> between them.
    /// </summary>
    public Network(IReadOnlyList<Dense<T>> layers, HiddenActivation activation = HiddenActivation.Relu)
    {
        if (!Enum.IsDefined(activation))
        {
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }
        _activation = activation;
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        }
        for (int l = 1; l < layers.Count; l++)
        {
            if (layers[l].Inputs != layers[l - 1].Outputs)
            {
                throw new ArgumentException(
                    $"Layer {l + 1} takes {layers[l].Inputs} inputs but layer {l} gives {layers[l - 1].Outputs}.",
                    nameof(layers));
            }
        }
        Limits.CheckNetwork([layers[0].Inputs, .. layers.Select(l => l.Outputs)]);
        _layers = [.. layers];
        _passes = new PassPlanner<T>(_layers, activation);
        _last = _passes.ForPrediction(1, reference: false);
    }

    /// <summary>A network of the given sizes with zero weights and <paramref name="activation"/> between the layers.</summary>
    public static Network<T> Create(int inputs, IReadOnlyList<int> hidden, int classes, HiddenActivation activation = HiddenActivation.Relu)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        var sizes = new List<int> { inputs };
        sizes.AddRange(hidden);
        sizes.Add(classes);
        Limits.CheckNetwork(sizes);                                       // 64-bit sizes against the caps, before allocating
        var layers = new Dense<T>[sizes.Count - 1];
        for (int l = 0; l < layers.Length; l++)
        {
            layers[l] = new Dense<T>(sizes[l], sizes[l + 1]);
        }
        return new Network<T>(layers, activation);
    }

    /// <summary>The function between the dense layers: ReLU (the tutorial's), leaky ReLU, tanh or sigmoid.</summary>
    public HiddenActivation HiddenActivation => _activation;

    /// <summary>The dense layers, input side first.</summary>
    public IReadOnlyList<Dense<T>> Layers => _layers;

    /// <summary>Inputs of the first layer (25 pixels for a 5×5 patch).</summary>
    public int Inputs => _layers[0].Inputs;

    /// <summary>Outputs of the last layer: the number of classes.</summary>
    public int Classes => _layers[^1].Outputs;

    /// <summary>Sizes of the hidden layers.</summary>
    public int[] HiddenSizes => [.. _layers.Take(_layers.Length - 1).Select(l => l.Outputs)];

    /// <summary>All weights and biases together (226 for the tutorial's 25→8→2).</summary>
    public int ParameterCount => _layers.Sum(l => l.ParameterCount);

    /// <summary>
    /// The tutorial's initialisation, layer by layer in order: <c>W = randn(inputs, outputs) · scale</c>, <c>b = 0</c>.
    /// </summary>
    public void InitializeLikeTutorial(NumpyRandom random, double scale = 0.3)
    {
        ArgumentNullException.ThrowIfNull(random);
        foreach (Dense<T> layer in _layers)
        {
            for (int i = 0; i < layer.Weights.Length; i++)
            {
                layer.Weights[i] = T.CreateChecked(random.Randn() * scale);
            }
            Array.Clear(layer.Bias);
        }
    }

    /// <summary>
    /// The same network in another number type (float ↔ double): every weight and bias converted, this network
    /// itself when the type is already <typeparamref name="TTo"/>. Float to double is exact.
    /// </summary>
    public Network<TTo> ConvertTo<TTo>()
        where TTo : unmanaged, IFloatingPointIeee754<TTo>
    {
        if (this is Network<TTo> same)
        {
            return same;
        }
        var converted = Network<TTo>.Create(Inputs, HiddenSizes, Classes, _activation);
        for (int l = 0; l < _layers.Length; l++)
        {
            Convert(_layers[l].Weights, converted.Layers[l].Weights);
            Convert(_layers[l].Bias, converted.Layers[l].Bias);
        }
        return converted;

        static void Convert(T[] from, TTo[] to)
        {
            for (int i = 0; i < from.Length; i++)
            {
                to[i] = TTo.CreateChecked(from[i]);
            }
        }
    }

    /// <summary>p = softmax(z) of the last forward pass, [batch × classes].</summary>
    public ReadOnlySpan<T> Probabilities => Numbers(out int batch).P.AsSpan(0, batch * Classes);

    /// <summary>z of layer <paramref name="layer"/> from the last forward pass, [batch × outputs].</summary>
    public ReadOnlySpan<T> PreActivation(int layer) => Numbers(out int batch).Z[layer].AsSpan(0, batch * _layers[layer].Outputs);

    /// <summary>h = f(z) (ReLU unless another activation was chosen) of hidden layer <paramref name="layer"/> from the last forward pass.</summary>
    public ReadOnlySpan<T> Activation(int layer) => Numbers(out int batch).H[layer].AsSpan(0, batch * _layers[layer].Outputs);

    /// <summary>dL/dz of layer <paramref name="layer"/> from the last backward pass.</summary>
    public ReadOnlySpan<T> PreActivationGradient(int layer) => Numbers(out int batch).DZ[layer].AsSpan(0, batch * _layers[layer].Outputs);

    /// <summary>dL/dh of hidden layer <paramref name="layer"/> from the last backward pass.</summary>
    public ReadOnlySpan<T> ActivationGradient(int layer) => Numbers(out int batch).DH[layer].AsSpan(0, batch * _layers[layer].Outputs);

    /// <summary>
    /// Threads the matrix products of a large batch may use (1, the default: the calling thread alone). Each thread
    /// takes a block of rows of the product, and every number is summed as on one thread: the results do not depend on
    /// it. Products under about a million multiply-adds, one-row steps and the per-sample loop stay on one thread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int Threads
    {
        get => _layers[0].Threads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            foreach (Dense<T> layer in _layers)
            {
                layer.Threads = value;
            }
        }
    }

    /// <summary>
    /// Run the reference pass (<c>Reference/ReferencePass.cs</c>, the plain loops) instead of the fast kernels: for
    /// tests, teaching and <c>edgenet train --reference</c>. The planner reads it (see <see cref="Plan"/>).
    /// </summary>
    public bool UseReferenceKernels { get; set; }

    /// <summary>
    /// The path a training step (forward with the loss, backward, update) of <paramref name="batch"/> rows takes, and
    /// why: the planner's choice for this network, number type, batch size and processor.
    /// </summary>
    public PassPlan Plan(int batch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        return PassPlanner.Explain(_layers, _activation, batch, withLoss: true, UseReferenceKernels);
    }

    /// <summary>
    /// The forward pass for a batch of rows (tutorial Part 1): returns p, [batch × classes]. The span is
    /// the network's own buffer, valid until the next call.
    /// </summary>
    public ReadOnlySpan<T> Forward(ReadOnlySpan<T> x, int batch)
    {
        CheckInputs(x, batch);
        IForwardPass<T> pass = _passes.ForPrediction(batch, UseReferenceKernels);
        _last = pass;
        return pass.Forward(x, batch);
    }

    /// <summary>
    /// Probabilities for <paramref name="batch"/> rows of <paramref name="x"/> written to
    /// <paramref name="probabilities"/> [batch × classes], in chunks so that any batch size works.
    /// </summary>
    public void Predict(ReadOnlySpan<T> x, int batch, Span<T> probabilities)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        if (x.Length != batch * Inputs || probabilities.Length != batch * Classes)
        {
            throw new ArgumentException($"Expected {batch}×{Inputs} inputs and {batch}×{Classes} probabilities, got {x.Length} and {probabilities.Length}.");
        }
        const int chunk = 256;
        for (int start = 0; start < batch; start += chunk)
        {
            int rows = Math.Min(chunk, batch - start);
            Forward(x.Slice(start * Inputs, rows * Inputs), rows).CopyTo(probabilities.Slice(start * Classes, rows * Classes));
        }
    }

    /// <summary>
    /// Forward pass with the loss: returns the summed cross-entropy of the batch and counts the rows
    /// predicted right (as the tutorial counts them, before the update).
    /// </summary>
    public T ForwardLoss(ReadOnlySpan<T> x, ReadOnlySpan<int> labels, out int correct)
    {
        CheckInputs(x, labels.Length);
        IPass<T> pass = _passes.ForTraining(labels.Length, UseReferenceKernels);
        _last = pass;
        Forwarded<T> forwarded = pass.ForwardLoss(x, labels);
        _forwarded = forwarded;
        correct = forwarded.Correct;
        return forwarded.Loss;
    }

    /// <summary>
    /// The backward pass after <see cref="ForwardLoss"/> on the same batch (tutorial Part 7): fills each
    /// layer's gradients with the mean over the batch.
    /// </summary>
    /// <exception cref="InvalidOperationException">No <see cref="ForwardLoss"/> ran before, or another forward pass on its path since.</exception>
    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<int> labels) => BackwardAndDescend(x, labels, descend: false, T.Zero);

    /// <summary>
    /// <see cref="Backward(ReadOnlySpan{T}, ReadOnlySpan{int})"/>, and with <paramref name="descend"/> the SGD update
    /// of each layer as soon as its gradients are known (same numbers as Backward, then <see cref="Optimizers.Sgd.Step{T}(Network{T}, T)"/>).
    /// Takes the pass the forward pass took.
    /// </summary>
    internal void BackwardAndDescend(ReadOnlySpan<T> x, ReadOnlySpan<int> labels, bool descend, T learningRate)
    {
        if (_forwarded is not { } forwarded)
        {
            throw new InvalidOperationException("A backward pass follows ForwardLoss on the same batch.");
        }
        _last = forwarded.Pass;
        forwarded.Pass.Backward(forwarded, x, labels, descend, learningRate);
    }

    /// <summary>
    /// <see cref="Optimizers.Sgd.TrainPerSample{T}"/> as one pipeline (<see cref="OneRowPass{T}.TrainPerSample"/>), when
    /// the planner puts a row on the one-row kernels; false, and nothing done, otherwise. The arguments are checked by
    /// the caller.
    /// </summary>
    internal bool TryTrainPerSample(ReadOnlySpan<T> x, ReadOnlySpan<int> labels, ReadOnlySpan<int> order, T learningRate, out Optimizers.SamplePass pass)
    {
        if (_passes.ForPerSample(UseReferenceKernels) is not { } oneRow)
        {
            pass = default;
            return false;
        }
        _last = oneRow;
        _forwarded = null;
        pass = oneRow.TrainPerSample(x, labels, order, learningRate);
        return true;
    }

    private void CheckInputs(ReadOnlySpan<T> x, int batch)
    {
        if (x.Length != batch * Inputs)
        {
            throw new ArgumentException($"Expected {batch}×{Inputs} inputs, got {x.Length}.", nameof(x));
        }
    }

    /// <summary>The numbers of the last pass, row by row, and its batch.</summary>
    private PassBuffers<T> Numbers(out int batch)
    {
        PassBuffers<T> numbers = _last.RowMajor();
        batch = numbers.Batch;
        return numbers;
    }
}
