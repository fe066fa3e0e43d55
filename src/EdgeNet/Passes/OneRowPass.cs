using System.Numerics;
using EdgeNet.Kernels;
using EdgeNet.Layers;
using EdgeNet.Optimizers;

namespace EdgeNet.Passes;

/// <summary>
/// One row through narrow layers, the output row in registers (<see cref="SingleRow"/>), ReLU between them; and an
/// epoch of batch-1 SGD steps as one pipeline (<see cref="PerSampleSgd"/>), with its second set of buffers and its
/// copy of Wᵀ. The same bits as one-row steps one by one; within 1e-12 (double) of the reference pass.
/// </summary>
internal sealed class OneRowPass<T> : IForwardPass<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Dense<T>[] _layers;
    private readonly RowLayers<T> _rowLayers;            // the layers' arrays, as the one-row kernels take them
    private readonly PassBuffers<T> _a;
    private PassBuffers<T>? _next;                       // the per-sample pipeline's second set of buffers
    private TransposedWeights<T>? _transposed;          // and its copy of Wᵀ
    private long _generation;

    public OneRowPass(Dense<T>[] layers)
    {
        _layers = layers;
        _rowLayers = new RowLayers<T>(
            [layers[0].Inputs, .. layers.Select(l => l.Outputs)],
            [.. layers.Select(l => l.Weights)],
            [.. layers.Select(l => l.Bias)],
            [.. layers.Select(l => l.WeightGradient)],
            [.. layers.Select(l => l.BiasGradient)]);
        _a = new PassBuffers<T>(layers, 1);
    }

    public PassPath Path => PassPath.OneRow;

    public ReadOnlySpan<T> Forward(ReadOnlySpan<T> x, int batch)
    {
        ForwardLayers(x);
        return _a.Softmax(1);                                                          // p = softmax(z)
    }

    public Forwarded<T> ForwardLoss(ReadOnlySpan<T> x, ReadOnlySpan<int> labels)
    {
        ForwardLayers(x);
        T loss = _a.SoftmaxLoss(labels, out int correct);                              // p, L
        return new Forwarded<T>(this, 1, _generation, loss, correct);
    }

    public void Backward(in Forwarded<T> forwarded, ReadOnlySpan<T> x, ReadOnlySpan<int> labels, bool descend, T learningRate)
    {
        forwarded.Check(this, _generation, labels);
        int last = _layers.Length - 1;
        SoftmaxCrossEntropy.Backward<T>(_a.P.AsSpan(0, _layers[last].Outputs), labels, _layers[last].Outputs, _a.DZ[last]); // dL/dz = p − y
        SingleRow.BackwardAll(_rowLayers, _a.Z, _a.H, _a.DZ, _a.DH, x, descend, learningRate); // every layer, one row
    }

    public PassBuffers<T> RowMajor() => _a;

    /// <summary>
    /// The tutorial's per-sample loop over <paramref name="order"/> as one pipeline (see <see cref="PerSampleSgd"/>);
    /// leaves the last sample's forward pass and gradients in the buffers. The arguments are checked by the caller.
    /// </summary>
    public SamplePass TrainPerSample(ReadOnlySpan<T> x, ReadOnlySpan<int> labels, ReadOnlySpan<int> order, T learningRate)
    {
        _generation++;
        _a.Batch = 1;
        _next ??= new PassBuffers<T>(_layers, 1);                                     // the same sizes: the pipeline swaps their arrays
        _transposed ??= new TransposedWeights<T>(_rowLayers);
        int steps = PerSampleSgd.Run(_rowLayers, _a.Z, _a.H, _next.Z, _next.H, _a.P, _a.DZ, _a.DH, _transposed, x, labels, order, learningRate,
            out double lossSum, out int correct);
        return new SamplePass(lossSum, correct, steps);
    }

    private void ForwardLayers(ReadOnlySpan<T> x)
    {
        _generation++;
        _a.Batch = 1;
        SingleRow.ForwardAll(_rowLayers, _a.Z, _a.H, x);                              // every layer, one row
    }
}
