using System.Numerics;

namespace EdgeNet.Passes;

/// <summary>
/// One path through a network's training step (<see cref="PassPath"/>): forward with the loss, then backward, each path
/// with its own buffers and layout. <see cref="PassPlanner{T}"/> returns the pass for a batch; the network keeps the
/// pass of its last forward and never asks which path it is.
/// </summary>
/// <remarks>
/// The order of the calls is in the types: <see cref="ForwardLoss"/> returns the <see cref="Forwarded{T}"/> that
/// <see cref="Backward"/> takes, and a pass refuses a <see cref="Forwarded{T}"/> that a later forward pass has
/// overwritten.
/// </remarks>
internal interface IPass<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Which path this is (what <c>edgenet train --explain</c> names).</summary>
    PassPath Path { get; }

    /// <summary>
    /// z, h and p of every row of <paramref name="x"/>, the summed loss −log p_y over the batch and the rows predicted
    /// right: what <see cref="Backward"/> starts from.
    /// </summary>
    Forwarded<T> ForwardLoss(ReadOnlySpan<T> x, ReadOnlySpan<int> labels);

    /// <summary>
    /// dL/dz, dL/dh and each layer's dL/dW, dL/db (means over the batch) after <paramref name="forwarded"/>, on the
    /// same rows and labels; with <paramref name="descend"/>, the SGD update of each layer as soon as its gradients are
    /// known (then dL/dW and dL/db may go straight into W and b).
    /// </summary>
    /// <exception cref="InvalidOperationException">Another forward pass has run on this pass since.</exception>
    void Backward(in Forwarded<T> forwarded, ReadOnlySpan<T> x, ReadOnlySpan<int> labels, bool descend, T learningRate);

    /// <summary>The numbers of the last pass row by row (z, h, p and, after a backward pass, dL/dz and dL/dh).</summary>
    PassBuffers<T> RowMajor();
}

/// <summary>A pass that also runs forward without labels (prediction): every path but the feature-major one.</summary>
internal interface IForwardPass<T> : IPass<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>p = softmax of the last layer for <paramref name="batch"/> rows, [batch × classes], in the pass's buffer.</summary>
    ReadOnlySpan<T> Forward(ReadOnlySpan<T> x, int batch);
}

/// <summary>
/// What a forward pass with the loss leaves for the backward pass: which pass ran, on how many rows, which of its
/// forward passes it was, and the loss and count it measured.
/// </summary>
/// <param name="Pass">The pass whose buffers hold z, h and p.</param>
/// <param name="Batch">Rows of the batch.</param>
/// <param name="Generation">The pass's count of forward passes when this one ran.</param>
/// <param name="Loss">Σ −log p_y over the batch.</param>
/// <param name="Correct">Rows whose most probable class is the label.</param>
internal readonly record struct Forwarded<T>(IPass<T> Pass, int Batch, long Generation, T Loss, int Correct)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Throws unless <paramref name="pass"/> ran this forward pass, is still at it and the labels are its batch's.</summary>
    public void Check(IPass<T> pass, long generation, ReadOnlySpan<int> labels)
    {
        if (!ReferenceEquals(Pass, pass) || Generation != generation)
        {
            throw new InvalidOperationException("A backward pass follows the forward pass of its batch: another forward pass has run since.");
        }
        if (labels.Length != Batch)
        {
            throw new ArgumentException($"The forward pass had {Batch} rows, the backward pass has {labels.Length} labels.", nameof(labels));
        }
    }
}
