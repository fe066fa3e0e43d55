using System.Numerics;

namespace EdgeNet.Layers;

/// <summary>The logistic sigmoid, <c>h = 1 / (1 + e^−z)</c>, and its derivative <c>h·(1 − h)</c> read from the output.</summary>
public static class Sigmoid
{
    /// <summary>Forward: h = 1 / (1 + e^−z).</summary>
    public static void Forward<T>(ReadOnlySpan<T> z, Span<T> h)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < z.Length; i++)
        {
            h[i] = T.One / (T.One + T.Exp(-z[i]));              // h = σ(z)
        }
    }

    /// <summary>Backward from the output h: dL/dz = dL/dh · (1 − h) · h (PyTorch's <c>sigmoid_backward</c>).</summary>
    public static void Backward<T>(ReadOnlySpan<T> h, ReadOnlySpan<T> dh, Span<T> dz)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < h.Length; i++)
        {
            dz[i] = dh[i] * (T.One - h[i]) * h[i];              // f′(z) = σ(z)·(1 − σ(z))
        }
    }
}
