using System.Numerics;

namespace EdgeNet.Layers;

/// <summary>
/// Leaky ReLU with PyTorch's default slope 0.01: <c>h = z</c> for z &gt; 0, <c>h = 0.01·z</c> otherwise. Units below 0
/// still pass a small gradient, so none can die for good.
/// </summary>
public static class LeakyRelu
{
    /// <summary>The slope below 0 (torch.nn.functional.leaky_relu's default negative_slope).</summary>
    public const double Slope = 0.01;

    /// <summary>Forward: h = z if z &gt; 0, else 0.01·z.</summary>
    public static void Forward<T>(ReadOnlySpan<T> z, Span<T> h)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T slope = T.CreateTruncating(Slope);
        for (int i = 0; i < z.Length; i++)
        {
            h[i] = z[i] > T.Zero ? z[i] : z[i] * slope;         // h = z or 0.01·z
        }
    }

    /// <summary>
    /// Backward: dL/dz = dL/dh for z &gt; 0, else 0.01·dL/dh. At z = 0 exactly (the kink) the slope is 0.01, as
    /// PyTorch's <c>leaky_relu_backward</c> takes it.
    /// </summary>
    public static void Backward<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> dh, Span<T> dz)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T slope = T.CreateTruncating(Slope);
        for (int i = 0; i < z.Length; i++)
        {
            dz[i] = z[i] > T.Zero ? dh[i] : dh[i] * slope;      // f′(z) = 1 or 0.01
        }
    }
}
