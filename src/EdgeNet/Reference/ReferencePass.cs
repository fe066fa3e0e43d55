using System.Numerics;
using EdgeNet.Layers;
using EdgeNet.Passes;

namespace EdgeNet.Reference;

/// <summary>
/// The whole training step as plain loops, in the tutorial's names and order: forward (Parts 2–3), loss (Part 4),
/// backward (Part 7, A.1–A.5) and update (Part 5), for any number of layers. No vectors, no dispatch: this is the
/// oracle every fast path is tested against, and what <c>edgenet train --reference</c> runs.
/// </summary>
/// <remarks>
/// Shapes, row by row: x [B × inputs], W [inputs × outputs], b [outputs], z and h [B × outputs], p [B × classes].
/// Every sum starts where the tutorial's does and adds its terms in index order with one rounding per step
/// (<c>T.FusedMultiplyAdd</c>), so the numbers do not depend on the machine. The hidden activation is ReLU unless
/// another is given (<see cref="HiddenActivations.Value{T}"/> and <see cref="HiddenActivations.Gradient{T}"/>, each
/// beside its formula); <see cref="Update{T}"/> is plain SGD, and the other rules are in <c>Optimizers/</c>.
/// </remarks>
internal static class ReferencePass
{
    /// <summary>Forward: z = x·W + b and h = f(z) (ReLU by default) layer by layer, then p = softmax(z) of the last layer.</summary>
    public static void Forward<T>(IReadOnlyList<Dense<T>> layers, PassBuffers<T> a, ReadOnlySpan<T> x, int B, HiddenActivation f = HiddenActivation.Relu)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Layers(layers, a, x, B, f);
        int classes = layers[^1].Outputs;
        for (int n = 0; n < B; n++)
        {
            Softmax(a.Z[^1].AsSpan(n * classes, classes), a.P.AsSpan(n * classes, classes), out _, out _);
        }
    }

    /// <summary>
    /// Forward with the loss: z, h and p as <see cref="Forward{T}"/>, then from the same sums the summed cross-entropy
    /// L = −log p_y of the batch, and how many rows argmax p gets right. Softmax and cross-entropy are one pair: this
    /// forward half, and the backward half dL/dz = (p − y) / B in <see cref="Backward{T}"/>.
    /// </summary>
    public static T ForwardLoss<T>(IReadOnlyList<Dense<T>> layers, PassBuffers<T> a, ReadOnlySpan<T> x, ReadOnlySpan<int> y, out int correct, HiddenActivation f = HiddenActivation.Relu)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Layers(layers, a, x, y.Length, f);
        int classes = layers[^1].Outputs;
        T L = T.Zero;
        correct = 0;
        for (int n = 0; n < y.Length; n++)
        {
            Span<T> z = a.Z[^1].AsSpan(n * classes, classes), p = a.P.AsSpan(n * classes, classes);
            Softmax(z, p, out T max, out T sum);
            L += T.Log(sum) - (z[y[n]] - max);                                  // L = −log p_y = log Σ e^z − z_y, stably
            int best = 0;
            for (int k = 1; k < classes; k++)
            {
                best = p[k] > p[best] ? k : best;                               // argmax p, the first of ties (NumPy's)
            }
            correct += best == y[n] ? 1 : 0;
        }
        return L;
    }

    /// <summary>z = x·W + b and h = f(z) of every layer (h of the hidden layers only).</summary>
    private static void Layers<T>(IReadOnlyList<Dense<T>> layers, PassBuffers<T> a, ReadOnlySpan<T> x, int B, HiddenActivation f)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int last = layers.Count - 1;
        for (int l = 0; l <= last; l++)
        {
            Dense<T> layer = layers[l];
            ReadOnlySpan<T> input = l == 0 ? x : a.H[l - 1];                   // the layer's x: the input, or h below
            DenseForward(input, layer.Weights, layer.Bias, a.Z[l], B, layer.Inputs, layer.Outputs); // z = x·W + b
            if (l < last)
            {
                for (int i = 0; i < B * layer.Outputs; i++)
                {
                    a.H[l][i] = HiddenActivations.Value(f, a.Z[l][i]);          // h = f(z), ReLU(z) in the tutorial
                }
            }
        }
    }

    /// <summary>p = softmax(z) of one row, with the max it subtracted and the sum Σ e^(z − max) it divided by.</summary>
    private static void Softmax<T>(ReadOnlySpan<T> z, Span<T> p, out T max, out T sum)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        max = z[0];
        for (int k = 1; k < z.Length; k++)
        {
            max = T.Max(max, z[k]);                                             // subtract the max: no overflow
        }
        sum = T.Zero;
        for (int k = 0; k < z.Length; k++)
        {
            p[k] = T.Exp(z[k] - max);                                           // e^(z_k − max)
            sum += p[k];
        }
        for (int k = 0; k < z.Length; k++)
        {
            p[k] /= sum;                                                        // p = softmax(z)
        }
    }

    /// <summary>Backward: dL/dz, dL/dW, dL/db of every layer, and dL/dh below each, for the mean loss of the batch.</summary>
    public static void Backward<T>(IReadOnlyList<Dense<T>> layers, PassBuffers<T> a, ReadOnlySpan<T> x, ReadOnlySpan<int> y, HiddenActivation f = HiddenActivation.Relu)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int B = y.Length, last = layers.Count - 1, classes = layers[last].Outputs;
        T scale = T.One / T.CreateChecked(B);
        for (int n = 0; n < B; n++)
        {
            for (int k = 0; k < classes; k++)
            {
                T yk = k == y[n] ? T.One : T.Zero;                              // one-hot y
                a.DZ[last][n * classes + k] = (a.P[n * classes + k] - yk) * scale; // dL/dz2 = (p − y) / B     (A.1)
            }
        }
        for (int l = last; l >= 0; l--)
        {
            Dense<T> layer = layers[l];
            ReadOnlySpan<T> input = l == 0 ? x : a.H[l - 1];
            Span<T> dInput = l == 0 ? [] : a.DH[l - 1];
            DenseBackward(input, a.DZ[l], layer.Weights, layer.WeightGradient, layer.BiasGradient, dInput, B, layer.Inputs, layer.Outputs);
            if (l > 0)
            {
                for (int i = 0; i < B * layer.Inputs; i++)
                {
                    a.DZ[l - 1][i] = HiddenActivations.Gradient(f, a.Z[l - 1][i], a.H[l - 1][i], a.DH[l - 1][i]); // dL/dz1 = dL/dh ⊙ f′, 1[z1 > 0] for ReLU (A.5)
                }
            }
        }
    }

    /// <summary>Update, plain SGD: W ← W − α·dL/dW and b ← b − α·dL/db for every layer.</summary>
    public static void Update<T>(IReadOnlyList<Dense<T>> layers, T learningRate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (Dense<T> layer in layers)
        {
            for (int i = 0; i < layer.Weights.Length; i++)
            {
                layer.Weights[i] -= learningRate * layer.WeightGradient[i];    // W −= α·dL/dW
            }
            for (int o = 0; o < layer.Bias.Length; o++)
            {
                layer.Bias[o] -= learningRate * layer.BiasGradient[o];         // b −= α·dL/db
            }
        }
    }

    /// <summary>One dense layer forward, z = x·W + b: each z[n, o] starts at b[o] and adds x[n, i]·W[i, o] for i = 0, 1, ….</summary>
    public static void DenseForward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> W, ReadOnlySpan<T> b, Span<T> z, int B, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int n = 0; n < B; n++)
        {
            for (int o = 0; o < outputs; o++)
            {
                T sum = b[o];                                                   // z = b
                for (int i = 0; i < inputs; i++)
                {
                    sum = T.FusedMultiplyAdd(x[n * inputs + i], W[i * outputs + o], sum); // z += x_i · W[i, o]
                }
                z[n * outputs + o] = sum;
            }
        }
    }

    /// <summary>
    /// One dense layer backward from dL/dz: dL/dW and dL/db (sums over the batch, n = 0, 1, …), and dL/dx when
    /// <paramref name="dx"/> is not empty (sums over the outputs, o = 0, 1, …).
    /// </summary>
    public static void DenseBackward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dz, ReadOnlySpan<T> W, Span<T> dW, Span<T> db, Span<T> dx, int B, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < inputs; i++)
        {
            for (int o = 0; o < outputs; o++)
            {
                T sum = T.Zero;
                for (int n = 0; n < B; n++)
                {
                    sum = T.FusedMultiplyAdd(x[n * inputs + i], dz[n * outputs + o], sum); // dL/dW = xᵀ · dL/dz      (A.2)
                }
                dW[i * outputs + o] = sum;
            }
        }
        for (int o = 0; o < outputs; o++)
        {
            T sum = T.Zero;
            for (int n = 0; n < B; n++)
            {
                sum += dz[n * outputs + o];                                     // dL/db = Σ_n dL/dz            (A.3)
            }
            db[o] = sum;
        }
        for (int n = 0; n < B && !dx.IsEmpty; n++)
        {
            for (int i = 0; i < inputs; i++)
            {
                T sum = T.Zero;
                for (int o = 0; o < outputs; o++)
                {
                    sum = T.FusedMultiplyAdd(dz[n * outputs + o], W[i * outputs + o], sum); // dL/dh = dL/dz · Wᵀ (A.4)
                }
                dx[n * inputs + i] = sum;
            }
        }
    }
}
