using System.Numerics;
using EdgeNet.Layers;
using EdgeNet.Reference;

namespace EdgeNet.Passes;

/// <summary>
/// The reference pass (<see cref="ReferencePass"/>, the plain loops) as a pass object: what <c>--reference</c> and
/// <see cref="Network{T}.UseReferenceKernels"/> run, and the oracle every other pass is tested against.
/// </summary>
internal sealed class ReferenceLoopsPass<T>(Dense<T>[] layers, HiddenActivation activation) : IForwardPass<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private PassBuffers<T>? _a;
    private long _generation;

    public PassPath Path => PassPath.Reference;

    public ReadOnlySpan<T> Forward(ReadOnlySpan<T> x, int batch)
    {
        PassBuffers<T> a = Prepare(batch);
        ReferencePass.Forward(layers, a, x, batch, activation);                     // z, h, p: the plain loops
        return a.P.AsSpan(0, batch * layers[^1].Outputs);
    }

    public Forwarded<T> ForwardLoss(ReadOnlySpan<T> x, ReadOnlySpan<int> labels)
    {
        PassBuffers<T> a = Prepare(labels.Length);
        T loss = ReferencePass.ForwardLoss(layers, a, x, labels, out int correct, activation); // z, h, p and L
        return new Forwarded<T>(this, labels.Length, _generation, loss, correct);
    }

    public void Backward(in Forwarded<T> forwarded, ReadOnlySpan<T> x, ReadOnlySpan<int> labels, bool descend, T learningRate)
    {
        forwarded.Check(this, _generation, labels);
        ReferencePass.Backward(layers, _a!, x, labels, activation);                 // dL/dz, dW, db, dL/dh
        if (descend)
        {
            ReferencePass.Update(layers, learningRate);                             // W −= α·dW, b −= α·db
        }
    }

    public PassBuffers<T> RowMajor() => _a ??= new PassBuffers<T>(layers, 1);

    private PassBuffers<T> Prepare(int batch)
    {
        _generation++;
        return _a = PassBuffers<T>.For(_a, layers, batch);
    }
}
