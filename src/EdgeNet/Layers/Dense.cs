using System.Numerics;
using EdgeNet.Kernels;

namespace EdgeNet.Layers;

/// <summary>
/// A fully connected layer <c>z = x·W + b</c> (tutorial Part 2), with <c>W</c> shaped
/// [inputs × outputs] like the tutorial's W1 (25×8), stored row by row.
/// </summary>
/// <remarks>Shapes: x [batch × inputs], W [inputs × outputs], b [outputs], z [batch × outputs].</remarks>
public sealed class Dense<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates a layer with zero weights and biases.</summary>
    public Dense(int inputs, int outputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        if ((long)inputs * outputs > Limits.MaxParameters)
        {
            throw new ArgumentOutOfRangeException(nameof(outputs), $"A {inputs}×{outputs} layer has more than {Limits.Count(Limits.MaxParameters)} weights.");
        }
        Inputs = inputs;
        Outputs = outputs;
        Weights = new T[inputs * outputs];
        Bias = new T[outputs];
        WeightGradient = new T[inputs * outputs];
        BiasGradient = new T[outputs];
        _weightsTransposed = new T[outputs * inputs];
    }

    private readonly T[] _weightsTransposed;             // Wᵀ for dL/dx = dL/dz · Wᵀ, refreshed each backward

    /// <summary>Number of inputs (rows of W).</summary>
    public int Inputs { get; }

    /// <summary>Number of outputs (columns of W).</summary>
    public int Outputs { get; }

    /// <summary>W, [inputs × outputs] row by row: <c>Weights[i * Outputs + o]</c>.</summary>
    public T[] Weights { get; }

    /// <summary>b, one per output.</summary>
    public T[] Bias { get; }

    /// <summary>dL/dW after <see cref="Backward"/>, same shape as W.</summary>
    public T[] WeightGradient { get; }

    /// <summary>dL/db after <see cref="Backward"/>.</summary>
    public T[] BiasGradient { get; }

    /// <summary>Threads the fast kernels may use for a large batch (set through <see cref="Network{T}.Threads"/>).</summary>
    internal int Threads { get; set; } = 1;

    /// <summary>Number of trainable numbers: W and b.</summary>
    public int ParameterCount => Weights.Length + Bias.Length;

    /// <summary>
    /// Forward: z = x·W + b for every row of the batch (tutorial Part 2), with the matrix-product kernel. Gives the
    /// same bits as the reference pass's plain loop (<c>ReferencePass.DenseForward</c>).
    /// </summary>
    public void Forward(ReadOnlySpan<T> x, Span<T> z, int batch)
    {
        CheckShapes(x, z, batch);
        Gemm.Multiply<T>(batch, Outputs, Inputs, x, Inputs, 1, Weights, Outputs, z, Outputs, GemmStart.BiasPerColumn, Bias, threads: Threads); // z = x·W + b
    }

    /// <summary>
    /// Backward with the fast kernels: from dL/dz, the gradients of W and b, and dL/dx when <paramref name="dx"/>
    /// is not empty. Gives the same bits as the reference pass's plain loops (<c>ReferencePass.DenseBackward</c>).
    /// </summary>
    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> dz, Span<T> dx, int batch)
    {
        CheckShapes(x, dz, batch);
        Gemm.Multiply<T>(Inputs, Outputs, batch, x, 1, Inputs, dz, Outputs, WeightGradient, Outputs, GemmStart.Zero, default, threads: Threads); // dL/dW = xᵀ · dL/dz
        VectorOps.SumRows<T>(dz, batch, Outputs, BiasGradient);                                                                  // dL/db = Σ dL/dz
        if (dx.IsEmpty)
        {
            return;
        }
        if (batch == 1)
        {
            Gemm.Multiply<T>(Inputs, 1, Outputs, Weights, Outputs, 1, dz, 1, dx, 1, GemmStart.Zero, default); // dL/dxᵀ = W · dL/dzᵀ: one row needs no Wᵀ
            return;
        }
        VectorOps.Transpose<T>(Weights, Inputs, Outputs, _weightsTransposed);
        Gemm.Multiply<T>(batch, Inputs, Outputs, dz, Outputs, 1, _weightsTransposed, Inputs, dx, Inputs, GemmStart.Zero, default, threads: Threads); // dL/dx = dL/dz · Wᵀ
    }

    private void CheckShapes(ReadOnlySpan<T> x, ReadOnlySpan<T> z, int batch)
    {
        if (x.Length < batch * Inputs || z.Length < batch * Outputs)
        {
            throw new ArgumentException($"A batch of {batch} needs {batch * Inputs} inputs and {batch * Outputs} outputs.");
        }
    }
}
