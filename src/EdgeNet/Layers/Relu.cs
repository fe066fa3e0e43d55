using System.Numerics;

namespace EdgeNet.Layers;

/// <summary>ReLU, <c>h = max(0, z)</c> (tutorial Part 2), and its gate in the backward pass.</summary>
public static class Relu
{
    /// <summary>Forward: h = max(0, z), element by element.</summary>
    public static void Forward<T>(ReadOnlySpan<T> z, Span<T> h)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < z.Length; i++)
        {
            h[i] = z[i] > T.Zero ? z[i] : T.Zero;                   // h = ReLU(z)
        }
    }

    /// <summary>Backward: dL/dz = dL/dh ⊙ 1[z &gt; 0] (tutorial A.5).</summary>
    public static void Backward<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> dh, Span<T> dz)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < z.Length; i++)
        {
            dz[i] = z[i] > T.Zero ? dh[i] : T.Zero;                 // the ReLU gate
        }
    }
}
