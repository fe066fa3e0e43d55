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
/// (<c>T.FusedMultiplyAdd</c>), so the numbers do not depend on the machine. To try another hidden activation,
/// change <see cref="Activation{T}"/> and <see cref="ActivationGradient{T}"/>; another optimizer replaces
/// <see cref="Update{T}"/>.
/// </remarks>
internal static class ReferencePass
{
    /// <summary>Forward: z = x·W + b and h = ReLU(z) layer by layer, then p = softmax(z) of the last layer.</summary>
    public static void Forward<T>(IReadOnlyList<Dense<T>> layers, PassBuffers<T> a, ReadOnlySpan<T> x, int B)
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
                    a.H[l][i] = Activation(a.Z[l][i]);                          // h = ReLU(z)
                }
            }
        }
        int classes = layers[last].Outputs;
        for (int n = 0; n < B; n++)
        {
            Span<T> z = a.Z[last].AsSpan(n * classes, classes), p = a.P.AsSpan(n * classes, classes);
            T max = z[0];
            for (int k = 1; k < classes; k++)
            {
                max = T.Max(max, z[k]);                                         // subtract the max: no overflow
            }
            T sum = T.Zero;
            for (int k = 0; k < classes; k++)
            {
                p[k] = T.Exp(z[k] - max);                                       // e^(z_k − max)
                sum += p[k];
            }
            for (int k = 0; k < classes; k++)
            {
                p[k] /= sum;                                                    // p = softmax(z)
            }
        }
    }

    /// <summary>Loss: the summed cross-entropy L = −log p_y of the batch, and how many rows argmax p gets right.</summary>
    public static T Loss<T>(PassBuffers<T> a, ReadOnlySpan<int> y, int classes, out int correct)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T L = T.Zero;
        correct = 0;
        for (int n = 0; n < y.Length; n++)
        {
            ReadOnlySpan<T> z = a.Z[^1].AsSpan(n * classes, classes), p = a.P.AsSpan(n * classes, classes);
            T max = z[0];
            for (int k = 1; k < classes; k++)
            {
                max = T.Max(max, z[k]);
            }
            T sum = T.Zero;
            for (int k = 0; k < classes; k++)
            {
                sum += T.Exp(z[k] - max);
            }
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

    /// <summary>Backward: dL/dz, dL/dW, dL/db of every layer, and dL/dh below each, for the mean loss of the batch.</summary>
    public static void Backward<T>(IReadOnlyList<Dense<T>> layers, PassBuffers<T> a, ReadOnlySpan<T> x, ReadOnlySpan<int> y)
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
                    a.DZ[l - 1][i] = ActivationGradient(a.Z[l - 1][i], a.DH[l - 1][i]); // dL/dz1 = dL/dh ⊙ 1[z1 > 0] (A.5)
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

    /// <summary>The hidden activation, h = ReLU(z) = max(0, z) (NaN and −0 give +0).</summary>
    public static T Activation<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T> => z > T.Zero ? z : T.Zero;

    /// <summary>Its gradient: dL/dz = dL/dh · ReLU′(z) = dL/dh when z &gt; 0, else 0.</summary>
    public static T ActivationGradient<T>(T z, T dh)
        where T : unmanaged, IFloatingPointIeee754<T> => z > T.Zero ? dh : T.Zero;
}
