using System.Numerics;
using EdgeNet.Kernels;
using EdgeNet.Layers;
using EdgeNet.Passes;
using EdgeNet.Reference;

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
    private PassBuffers<T> _activations;
    private readonly RowLayers<T> _rowLayers;            // the layers' arrays, as the one-row kernels take them
    private PassBuffers<T>? _nextRow;                    // the per-sample pipeline's second set of one-row buffers
    private TransposedWeights<T>? _transposed;          // and its copy of Wᵀ
    private FeatureMajorBatch<T>? _columns;
    private ColumnState _columnState;
    private PassPath _path;                              // the path of the last forward pass: the backward pass takes it too
    private readonly HiddenActivation _activation;

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
        _activations = new PassBuffers<T>(_layers, 1);
        _rowLayers = new RowLayers<T>(
            [_layers[0].Inputs, .. _layers.Select(l => l.Outputs)],
            [.. _layers.Select(l => l.Weights)],
            [.. _layers.Select(l => l.Bias)],
            [.. _layers.Select(l => l.WeightGradient)],
            [.. _layers.Select(l => l.BiasGradient)]);
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
    public ReadOnlySpan<T> Probabilities => RowMajor().P.AsSpan(0, _activations.Batch * Classes);

    /// <summary>z of layer <paramref name="layer"/> from the last forward pass, [batch × outputs].</summary>
    public ReadOnlySpan<T> PreActivation(int layer) => RowMajor().Z[layer].AsSpan(0, _activations.Batch * _layers[layer].Outputs);

    /// <summary>h = f(z) (ReLU unless another activation was chosen) of hidden layer <paramref name="layer"/> from the last forward pass.</summary>
    public ReadOnlySpan<T> Activation(int layer) => RowMajor().H[layer].AsSpan(0, _activations.Batch * _layers[layer].Outputs);

    /// <summary>dL/dz of layer <paramref name="layer"/> from the last backward pass.</summary>
    public ReadOnlySpan<T> PreActivationGradient(int layer) => RowMajor().DZ[layer].AsSpan(0, _activations.Batch * _layers[layer].Outputs);

    /// <summary>dL/dh of hidden layer <paramref name="layer"/> from the last backward pass.</summary>
    public ReadOnlySpan<T> ActivationGradient(int layer) => RowMajor().DH[layer].AsSpan(0, _activations.Batch * _layers[layer].Outputs);

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
        PassBuffers<T> a = Prepare(batch);
        PassPath path = PassPlanner.Choose(_layers, _activation, batch, withLoss: false, UseReferenceKernels);
        if (path == PassPath.Reference)
        {
            ReferencePass.Forward(_layers, a, x, batch, _activation);                  // z, h, p: the plain loops
            return a.P.AsSpan(0, batch * Classes);
        }
        ForwardLayers(path, x, batch);
        int classes = Classes;
        for (int n = 0; n < batch; n++)
        {
            SoftmaxCrossEntropy.Softmax<T>(a.Z[^1].AsSpan(n * classes, classes), a.P.AsSpan(n * classes, classes), out _);
        }
        return a.P.AsSpan(0, batch * classes);
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
        int batch = labels.Length;
        CheckInputs(x, batch);
        PassBuffers<T> a = Prepare(batch);
        _path = PassPlanner.Choose(_layers, _activation, batch, withLoss: true, UseReferenceKernels);
        switch (_path)
        {
            case PassPath.Reference:
                ReferencePass.Forward(_layers, a, x, batch, _activation);              // z, h, p
                return ReferencePass.Loss(a, labels, Classes, out correct);            // L
            case PassPath.FeatureMajor:
                _columns = FeatureMajorBatch<T>.For(_columns, _layers, batch);
                _columnState = ColumnState.Forward;
                return _columns.ForwardLoss(x, labels, out correct);                   // the batch across the lanes
            default:
                ForwardLayers(_path, x, batch);
                int size = batch * Classes;
                return SoftmaxCrossEntropy.Forward<T>(a.Z[^1].AsSpan(0, size), a.P.AsSpan(0, size), labels, Classes, out correct); // p, L
        }
    }

    /// <summary>
    /// The backward pass after <see cref="ForwardLoss"/> on the same batch (tutorial Part 7): fills each
    /// layer's gradients with the mean over the batch.
    /// </summary>
    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<int> labels) => BackwardAndDescend(x, labels, descend: false, T.Zero);

    /// <summary>
    /// <see cref="Backward(ReadOnlySpan{T}, ReadOnlySpan{int})"/>, and with <paramref name="descend"/> the SGD update
    /// of each layer as soon as its gradients are known (same numbers as Backward, then <see cref="Optimizers.Sgd.Step{T}(Network{T}, T)"/>).
    /// Takes the path the forward pass took.
    /// </summary>
    internal void BackwardAndDescend(ReadOnlySpan<T> x, ReadOnlySpan<int> labels, bool descend, T learningRate)
    {
        int batch = labels.Length;
        if (_path == PassPath.FeatureMajor && _columns is not null && _columns.Batch == batch)
        {
            _columns.Backward(descend, learningRate);                                   // the batch across the lanes
            _columnState = ColumnState.Backward;                                        // the row-major copies are stale now
            return;
        }
        PassBuffers<T> a = RowMajor();
        if (_path == PassPath.Reference)
        {
            ReferencePass.Backward(_layers, a, x, labels, _activation);                // dL/dz, dW, db, dL/dh
            if (descend)
            {
                ReferencePass.Update(_layers, learningRate);                           // W −= α·dW, b −= α·db
            }
            return;
        }
        int last = _layers.Length - 1;
        SoftmaxCrossEntropy.Backward<T>(a.P.AsSpan(0, batch * Classes), labels, Classes, a.DZ[last]); // dL/dz = p − y
        if (_path == PassPath.OneRow && batch == 1)
        {
            SingleRow.BackwardAll(_rowLayers, a.Z, a.H, a.DZ, a.DH, x, descend, learningRate); // every layer, one row
            return;
        }
        for (int l = last; l >= 0; l--)
        {
            int size = batch * _layers[l].Outputs;
            ReadOnlySpan<T> input = l == 0 ? x : a.H[l - 1].AsSpan(0, batch * _layers[l].Inputs);
            Span<T> dInput = l == 0 ? [] : a.DH[l - 1].AsSpan(0, batch * _layers[l].Inputs);
            _layers[l].Backward(input, a.DZ[l].AsSpan(0, size), dInput, batch);       // dW, db, dL/dh
            if (descend)
            {
                VectorOps.Descend<T>(_layers[l].Weights, _layers[l].WeightGradient, learningRate); // W −= α·dL/dW
                VectorOps.Descend<T>(_layers[l].Bias, _layers[l].BiasGradient, learningRate);      // b −= α·dL/db
            }
            if (l > 0 && _activation == HiddenActivation.Relu)
            {
                VectorOps.ReluGate<T>(a.Z[l - 1].AsSpan(0, dInput.Length), dInput, a.DZ[l - 1].AsSpan(0, dInput.Length)); // through ReLU
            }
            else if (l > 0)
            {
                HiddenActivations.Backward<T>(_activation, a.Z[l - 1].AsSpan(0, dInput.Length), a.H[l - 1].AsSpan(0, dInput.Length), dInput, a.DZ[l - 1].AsSpan(0, dInput.Length)); // dL/dz = dL/dh ⊙ f′
            }
        }
    }

    /// <summary>
    /// <see cref="Optimizers.Sgd.TrainPerSample{T}"/> as one pipeline (<see cref="PerSampleSgd"/>), when the planner
    /// puts a row on the one-row kernels; false, and nothing done, otherwise. The arguments are checked by the caller.
    /// </summary>
    internal bool TryTrainPerSample(ReadOnlySpan<T> x, ReadOnlySpan<int> labels, ReadOnlySpan<int> order, T learningRate, out Optimizers.SamplePass pass)
    {
        if (PassPlanner.Choose(_layers, _activation, 1, withLoss: true, UseReferenceKernels) != PassPath.OneRow)
        {
            pass = default;
            return false;
        }
        PassBuffers<T> a = Prepare(1);
        if (_nextRow is null || _nextRow.Capacity != a.Capacity)
        {
            _nextRow = new PassBuffers<T>(_layers, a.Capacity);                        // the same sizes: the pipeline swaps their arrays
        }
        _transposed ??= new TransposedWeights<T>(_rowLayers);
        int steps = PerSampleSgd.Run(_rowLayers, a.Z, a.H, _nextRow.Z, _nextRow.H, a.P, a.DZ, a.DH, _transposed, x, labels, order, learningRate,
            out double lossSum, out int correct);
        _path = PassPath.OneRow;
        pass = new Optimizers.SamplePass(lossSum, correct, steps);
        return true;
    }

    /// <summary>z and h of every layer for a batch on a fast path (one-row or matrix products); the softmax is left to the caller.</summary>
    private void ForwardLayers(PassPath path, ReadOnlySpan<T> x, int batch)
    {
        PassBuffers<T> a = _activations;
        if (path == PassPath.OneRow)
        {
            SingleRow.ForwardAll(_rowLayers, a.Z, a.H, x);                             // every layer, one row
            return;
        }
        ReadOnlySpan<T> input = x;
        for (int l = 0; l < _layers.Length; l++)
        {
            int size = batch * _layers[l].Outputs;
            Span<T> z = a.Z[l].AsSpan(0, size);
            _layers[l].Forward(input, z, batch);                                       // z = x·W + b
            if (l < _layers.Length - 1)
            {
                Span<T> h = a.H[l].AsSpan(0, size);
                if (_activation == HiddenActivation.Relu)
                {
                    VectorOps.Relu<T>(z, h);                                           // h = ReLU(z)
                }
                else
                {
                    HiddenActivations.Forward<T>(_activation, z, h);                    // h = f(z)
                }
                input = h;
            }
        }
    }

    private void CheckInputs(ReadOnlySpan<T> x, int batch)
    {
        if (x.Length != batch * Inputs)
        {
            throw new ArgumentException($"Expected {batch}×{Inputs} inputs, got {x.Length}.", nameof(x));
        }
    }

    /// <summary>The row-major buffers, copied from the feature-major pass first if that ran last.</summary>
    private PassBuffers<T> RowMajor()
    {
        if (_columnState != ColumnState.None && _columns is not null)
        {
            _columns.CopyTo(_activations, _columnState == ColumnState.Backward);
            _columnState = ColumnState.None;
        }
        return _activations;
    }

    private PassBuffers<T> Prepare(int batch)
    {
        _columnState = ColumnState.None;
        if (batch > _activations.Capacity)
        {
            _activations = new PassBuffers<T>(_layers, batch);
        }
        _activations.Batch = batch;
        return _activations;
    }

    /// <summary>Which pass last ran in the feature-major layout (its row-major copies not yet made).</summary>
    private enum ColumnState
    {
        None,
        Forward,
        Backward,
    }
}
