using System.Numerics;

namespace EdgeNet.Layers;

/// <summary>tanh, <c>h = (e^z − e^−z) / (e^z + e^−z)</c>, and its derivative <c>1 − h²</c> read from the output.</summary>
public static class Tanh
{
    /// <summary>Forward: h = tanh z.</summary>
    public static void Forward<T>(ReadOnlySpan<T> z, Span<T> h)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < z.Length; i++)
        {
            h[i] = T.Tanh(z[i]);                                // h = tanh z
        }
    }

    /// <summary>Backward from the output h: dL/dz = dL/dh · (1 − h²) (PyTorch's <c>tanh_backward</c>).</summary>
    public static void Backward<T>(ReadOnlySpan<T> h, ReadOnlySpan<T> dh, Span<T> dz)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < h.Length; i++)
        {
            dz[i] = dh[i] * (T.One - h[i] * h[i]);              // f′(z) = 1 − tanh² z
        }
    }
}
