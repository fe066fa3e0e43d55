using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using EdgeNet.Kernels;
using EdgeNet.Layers;

namespace EdgeNet.Passes;

/// <summary>
/// One training step of a batch in the feature-major layout (<see cref="FeatureMajor"/>): for networks whose layers
/// are all narrower than a vector, at batches of several vectors, the batch runs across the lanes. Same equations
/// as the row-major pass, ReLU between the layers; the buffers are the transposes of <see cref="PassBuffers{T}"/>'s,
/// copied back only when somebody asks for them (<see cref="RowMajor"/>). They start on cache lines
/// (<see cref="AlignedBuffer{T}"/>): with rows of whole vectors, no vector load or store is split across two lines.
/// Training only: a forward pass without labels takes the matrix products (the planner's choice).
/// </summary>
internal sealed class FeatureMajorPass<T>(Dense<T>[] layers) : IPass<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Dense<T>[] _layers = layers;
    private AlignedBuffer<float> _x = null!;
    private AlignedBuffer<float>[] _z = null!;
    private AlignedBuffer<float>[] _h = null!;
    private AlignedBuffer<float>[] _dz = null!;
    private AlignedBuffer<float>[] _dh = null!;
    private AlignedBuffer<float> _p = null!;
    private AlignedBuffer<float> _labels = null!;
    private PassBuffers<T>? _rows;                         // the row-major copies, made when somebody reads them
    private bool _copiedBack = true;                       // whether _rows holds the last pass's numbers
    private bool _backward;                                // whether the last pass went backward too
    private long _generation;

    /// <summary>Columns a forward chunk: four vectors, the forward kernel's tile.</summary>
    private const int Chunk = 64;

    public PassPath Path => PassPath.FeatureMajor;

    /// <summary>Sizes the buffers for <paramref name="batch"/> rows: the batch rounded up to whole vectors.</summary>
    private void Prepare(int batch)
    {
        int v = Vector512<float>.Count;
        int stride = (batch + v - 1) / v * v;
        if (stride > Stride)
        {
            Stride = stride;
            _x = new AlignedBuffer<float>(_layers[0].Inputs * stride);                       // every row starts on a cache line
            _z = [.. _layers.Select(l => new AlignedBuffer<float>(l.Outputs * stride))];
            _h = [.. _layers.Select(l => new AlignedBuffer<float>(l.Outputs * stride))];
            _dz = [.. _layers.Select(l => new AlignedBuffer<float>(l.Outputs * stride))];
            _dh = [.. _layers.Select(l => new AlignedBuffer<float>(l.Outputs * stride))];
            _p = new AlignedBuffer<float>(_layers[^1].Outputs * stride);
            _labels = new AlignedBuffer<float>(stride);
        }
        Batch = batch;
        _generation++;
    }

    /// <summary>The smallest batch that takes this path: four vectors of rows.</summary>
    public static int MinimumBatch => 4 * Vector512<float>.Count;

    /// <summary>Columns: the batch rounded up to whole vectors.</summary>
    public int Stride { get; private set; }

    /// <summary>Rows of the last forward pass.</summary>
    public int Batch { get; private set; }

    /// <summary>
    /// Whether a batch takes this path: 512-bit vectors with fused multiply-add, every layer at most one vector wide
    /// (where the row-major kernels leave lanes empty or have one vector a row), and at least four vectors of rows.
    /// </summary>
    public static bool Fits(IReadOnlyList<Dense<T>> layers, int batch)
    {
        // float only: its sums down the batch round differently from the plain loops and the path needs 512-bit
        // vectors, so float64 (the default, NumPy's numbers) stays bit-identical on every machine.
        if (!Simd512<float>.IsAccelerated || !Lanes16.IsSupported || typeof(T) != typeof(float) || batch < MinimumBatch)
        {
            return false;
        }
        for (int l = 0; l < layers.Count; l++)
        {
            if (layers[l].Outputs > Vector512<float>.Count)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Forward pass and loss (as <see cref="Network{T}.ForwardLoss"/>). Also leaves dL/dz = (p − y)/B of the last
    /// layer for <see cref="Backward"/>. Runs a chunk of columns at a time through every layer, so that a chunk's xᵀ,
    /// z and h are still in the first-level cache when the next layer reads them.
    /// </summary>
    public Forwarded<T> ForwardLoss(ReadOnlySpan<T> x, ReadOnlySpan<int> labels)
    {
        int batch = labels.Length;
        Prepare(batch);
        _copiedBack = false;
        _backward = false;
        int correct = 0;
        int inputs = _layers[0].Inputs, last = _layers.Length - 1;
        FeatureMajorSoftmax.Labels(labels, _labels.Span, Stride);                      // labels as numbers, −1: padding
        Vector512<float> loss = Vector512<float>.Zero;
        for (int start = 0; start < Stride; start += Chunk)
        {
            int end = Math.Min(start + Chunk, Stride);
            FeatureMajor.TransposeIn(Floats(x), batch, inputs, _x.Span, Stride, start, end); // xᵀ
            ReadOnlySpan<float> input = _x.Span;
            for (int l = 0; l <= last; l++)
            {
                Dense<T> layer = _layers[l];
                Span<float> h = l < last ? _h[l].Span : [];
                FeatureMajor.Forward(input, Floats(layer.Weights), Floats(layer.Bias), _z[l].Span, h, layer.Inputs, layer.Outputs, Stride, start, end); // z = x·W + b, h = ReLU(z)
                input = h;
            }
            loss += FeatureMajorSoftmax.Forward(_z[last].Span, _p.Span, _dz[last].Span, _labels.Span, batch, _layers[last].Outputs, Stride, start, end, ref correct); // p, L, dL/dz
        }
        return new Forwarded<T>(this, batch, _generation, T.CreateTruncating(Vector512.Sum(loss)), correct);
    }

    /// <summary>Backward after <see cref="ForwardLoss"/>, and the SGD update of each layer with <paramref name="descend"/>.</summary>
    public void Backward(in Forwarded<T> forwarded, ReadOnlySpan<T> x, ReadOnlySpan<int> labels, bool descend, T learningRate)
    {
        forwarded.Check(this, _generation, labels);
        _copiedBack = false;                                                           // the row-major copies are stale now
        _backward = true;
        for (int l = _layers.Length - 1; l >= 0; l--)                                  // dL/dz of the last layer: from ForwardLoss
        {
            Dense<T> layer = _layers[l];
            ReadOnlySpan<float> input = l == 0 ? _x.Span : _h[l - 1].Span;
            if (l > 0)
            {
                FeatureMajor.BackwardInput(_dz[l].Span, Floats(layer.Weights), _dh[l - 1].Span, _z[l - 1].Span, _dz[l - 1].Span, layer.Inputs, layer.Outputs, Stride); // dL/dh, through ReLU
            }
            FeatureMajorGradients.Bias(_dz[l].Span, Floats(layer.BiasGradient), layer.Outputs, Stride);        // db = Σ_n dL/dz
            FeatureMajorGradients.Weights(input, _dz[l].Span, Floats(layer.WeightGradient), layer.Inputs, layer.Outputs, Stride); // dW = xᵀ · dL/dz
            if (descend)
            {
                VectorOps.Descend<T>(layer.Weights, layer.WeightGradient, learningRate);   // W −= α·dL/dW
                VectorOps.Descend<T>(layer.Bias, layer.BiasGradient, learningRate);        // b −= α·dL/db
            }
        }
    }

    /// <summary>The same numbers as floats (T is float whenever a batch takes this path: see <see cref="Fits"/>).</summary>
    private static Span<float> Floats(T[] values) => MemoryMarshal.Cast<T, float>(values.AsSpan());

    private static ReadOnlySpan<float> Floats(ReadOnlySpan<T> values) => MemoryMarshal.Cast<T, float>(values);

    /// <summary>The numbers of the last pass row by row: z, h, p (and dL/dz, dL/dh after a backward pass), copied back once.</summary>
    public PassBuffers<T> RowMajor()
    {
        if (_copiedBack)
        {
            return _rows ??= new PassBuffers<T>(_layers, 1);
        }
        _rows = PassBuffers<T>.For(_rows, _layers, Batch);
        CopyTo(_rows, _backward);
        _copiedBack = true;
        return _rows;
    }

    /// <summary>Copies z, h, p (and dL/dz, dL/dh after a backward pass) back to the row-major buffers.</summary>
    private void CopyTo(PassBuffers<T> a, bool backward)
    {
        int batch = Batch;
        for (int l = 0; l < _layers.Length; l++)
        {
            int outputs = _layers[l].Outputs;
            Back(_z[l].Span, outputs, a.Z[l]);
            if (l < _layers.Length - 1)
            {
                Back(_h[l].Span, outputs, a.H[l]);
            }
            if (backward)
            {
                Back(_dz[l].Span, outputs, a.DZ[l]);
                if (l < _layers.Length - 1)
                {
                    Back(_dh[l].Span, outputs, a.DH[l]);
                }
            }
        }
        Back(_p.Span, _layers[^1].Outputs, a.P);

        void Back(ReadOnlySpan<float> columns, int features, T[] rows)
        {
            for (int n = 0; n < batch; n++)
            {
                for (int f = 0; f < features; f++)
                {
                    rows[(n * features) + f] = T.CreateTruncating(columns[(f * Stride) + n]);
                }
            }
        }
    }
}
