using System.Numerics;
using EdgeNet.Kernels;

namespace EdgeNet.Optimizers;

/// <summary>Gradient descent, <c>W ← W − α·dL/dW</c> and <c>b ← b − α·dL/db</c> (tutorial Part 5).</summary>
public static class Sgd
{
    /// <summary>Moves every parameter of <paramref name="network"/> against its gradient.</summary>
    public static void Step<T>(Network<T> network, T learningRate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        IReadOnlyList<Layers.Dense<T>> layers = network.Layers;
        for (int l = 0; l < layers.Count; l++)                      // for, not foreach: no enumerator to allocate
        {
            Layers.Dense<T> layer = layers[l];
            if (!network.UseReferenceKernels)
            {
                VectorOps.Descend<T>(layer.Weights, layer.WeightGradient, learningRate);  // W −= α·dL/dW
                VectorOps.Descend<T>(layer.Bias, layer.BiasGradient, learningRate);       // b −= α·dL/db
                continue;
            }
            Update(layer.Weights, layer.WeightGradient, learningRate);  // W −= α·dL/dW
            Update(layer.Bias, layer.BiasGradient, learningRate);       // b −= α·dL/db
        }
    }

    /// <summary>
    /// The backward pass after <see cref="Network{T}.ForwardLoss"/> on the same batch and the update in one sweep:
    /// the same numbers as <see cref="Network{T}.Backward(ReadOnlySpan{T}, ReadOnlySpan{int})"/> followed by <see cref="Step{T}(Network{T}, T)"/>, with
    /// each layer updated as soon as its gradients are known. The gradient buffers (<see cref="Layers.Dense{T}.WeightGradient"/>,
    /// <see cref="Layers.Dense{T}.BiasGradient"/>) are not kept up to date by this sweep: call Backward and Step to read them.
    /// </summary>
    public static void BackwardAndStep<T>(Network<T> network, ReadOnlySpan<T> x, ReadOnlySpan<int> labels, T learningRate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.UseReferenceKernels)
        {
            network.Backward(x, labels);                            // backward
            Step(network, learningRate);                            // update
            return;
        }
        network.BackwardAndDescend(x, labels, descend: true, learningRate);   // backward and update, layer by layer
    }

    private static void Update<T>(Span<T> parameters, ReadOnlySpan<T> gradient, T learningRate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] -= learningRate * gradient[i];
        }
    }
}
