using System.Numerics;
using EdgeNet.Kernels;
using EdgeNet.Layers;

namespace EdgeNet.Passes;

/// <summary>
/// The matrix-product pass, row-major: each layer's z = x·W + b and its gradients on the register-tiled kernels
/// (<see cref="Dense{T}"/>, <c>Kernels/Gemm</c>), the hidden activation between them. Any batch, any width, any
/// activation: the path everything else falls back to. The same bits as the reference pass.
/// </summary>
/// <remarks>
/// With <c>plainMultiplyAdd</c> it is the no-FMA path (<see cref="PassPath.NoFma"/>): each layer on
/// <see cref="PlainRows"/> instead, 128-bit vectors with a plain multiply and add, for engines that have no fused
/// multiply-add in hardware; within 1e-12 of the reference pass (float64) instead of the same bits.
/// </remarks>
internal sealed class GemmPass<T>(Dense<T>[] layers, HiddenActivation activation, bool plainMultiplyAdd = false) : IForwardPass<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private PassBuffers<T>? _a;
    private long _generation;

    public PassPath Path => plainMultiplyAdd ? PassPath.NoFma : PassPath.Gemm;

    public ReadOnlySpan<T> Forward(ReadOnlySpan<T> x, int batch)
    {
        ForwardLayers(x, batch);
        return _a!.Softmax(batch);                                                   // p = softmax(z)
    }

    public Forwarded<T> ForwardLoss(ReadOnlySpan<T> x, ReadOnlySpan<int> labels)
    {
        ForwardLayers(x, labels.Length);
        T loss = _a!.SoftmaxLoss(labels, out int correct);                           // p, L
        return new Forwarded<T>(this, labels.Length, _generation, loss, correct);
    }

    public void Backward(in Forwarded<T> forwarded, ReadOnlySpan<T> x, ReadOnlySpan<int> labels, bool descend, T learningRate)
    {
        forwarded.Check(this, _generation, labels);
        PassBuffers<T> a = _a!;
        int batch = labels.Length, last = layers.Length - 1;
        SoftmaxCrossEntropy.Backward<T>(a.P.AsSpan(0, batch * layers[last].Outputs), labels, layers[last].Outputs, a.DZ[last]); // dL/dz = p − y
        for (int l = last; l >= 0; l--)
        {
            int size = batch * layers[l].Outputs;
            ReadOnlySpan<T> input = l == 0 ? x : a.H[l - 1].AsSpan(0, batch * layers[l].Inputs);
            Span<T> dInput = l == 0 ? [] : a.DH[l - 1].AsSpan(0, batch * layers[l].Inputs);
            if (plainMultiplyAdd)
            {
                PlainRows.Backward(input, a.DZ[l].AsSpan(0, size), layers[l].Weights, layers[l].WeightGradient, layers[l].BiasGradient, dInput, batch, layers[l].Inputs, layers[l].Outputs); // dW, db, dL/dh
            }
            else
            {
                layers[l].Backward(input, a.DZ[l].AsSpan(0, size), dInput, batch);    // dW, db, dL/dh
            }
            if (descend)
            {
                VectorOps.Descend<T>(layers[l].Weights, layers[l].WeightGradient, learningRate); // W −= α·dL/dW
                VectorOps.Descend<T>(layers[l].Bias, layers[l].BiasGradient, learningRate);      // b −= α·dL/db
            }
            if (l > 0)
            {
                HiddenActivations.Backward<T>(activation, a.Z[l - 1].AsSpan(0, dInput.Length), a.H[l - 1].AsSpan(0, dInput.Length), dInput, a.DZ[l - 1].AsSpan(0, dInput.Length)); // dL/dz = dL/dh ⊙ f′
            }
        }
    }

    public PassBuffers<T> RowMajor() => _a ??= new PassBuffers<T>(layers, 1);

    /// <summary>z and h of every layer; the softmax is left to the caller.</summary>
    private void ForwardLayers(ReadOnlySpan<T> x, int batch)
    {
        _generation++;
        PassBuffers<T> a = _a = PassBuffers<T>.For(_a, layers, batch);
        ReadOnlySpan<T> input = x;
        for (int l = 0; l < layers.Length; l++)
        {
            int size = batch * layers[l].Outputs;
            Span<T> z = a.Z[l].AsSpan(0, size);
            if (plainMultiplyAdd)
            {
                PlainRows.Forward(input, layers[l].Weights, layers[l].Bias, z, batch, layers[l].Inputs, layers[l].Outputs); // z = x·W + b
            }
            else
            {
                layers[l].Forward(input, z, batch);                                   // z = x·W + b
            }
            if (l < layers.Length - 1)
            {
                Span<T> h = a.H[l].AsSpan(0, size);
                HiddenActivations.Forward<T>(activation, z, h);                        // h = f(z), ReLU in the tutorial
                input = h;
            }
        }
    }
}
