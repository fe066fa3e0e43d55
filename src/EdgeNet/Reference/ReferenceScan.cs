using System.Numerics;
using EdgeNet.Inference;

namespace EdgeNet.Reference;

/// <summary>
/// The scan as a plain loop, pixel by pixel: copy the window (coordinates clamped to the image: edge-replicate),
/// run the reference pass's loops (<see cref="ReferencePass"/>), softmax. Used where the hardware has no vectors
/// with FMA, and as the reference the vector scan is tested against.
/// </summary>
internal static class ReferenceScan
{
    public static void Rows<T>(ScanPlan<T> plan, ReadOnlySpan<T> image, Span<T> output, int firstRow, int endRow)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var layers = plan.Network.Layers;
        int size = plan.PatchSize, r = size / 2, width = plan.Width, height = plan.Height, plane = width * height;
        var patch = new T[size * size];
        T[][] z = [.. layers.Select(l => new T[l.Outputs])];
        var p = new T[plan.Network.Classes];
        for (int y = firstRow; y < endRow; y++)
        {
            for (int x = 0; x < width; x++)
            {
                for (int dy = 0; dy < size; dy++)
                {
                    for (int dx = 0; dx < size; dx++)
                    {
                        int sy = Math.Clamp(y + dy - r, 0, height - 1), sx = Math.Clamp(x + dx - r, 0, width - 1);
                        patch[(dy * size) + dx] = image[(sy * width) + sx];          // x = patch.flatten()
                    }
                }
                ReadOnlySpan<T> input = patch;
                for (int l = 0; l < layers.Count; l++)
                {
                    ReferencePass.DenseForward(input, layers[l].Weights, layers[l].Bias, z[l], 1, layers[l].Inputs, layers[l].Outputs); // z = x·W + b
                    if (l < layers.Count - 1)
                    {
                        for (int j = 0; j < z[l].Length; j++)
                        {
                            z[l][j] = ReferencePass.Activation(z[l][j]);           // h = ReLU(z)
                        }
                    }
                    input = z[l];
                }
                SoftmaxCrossEntropy.Softmax<T>(z[^1], p, out _);                   // p = softmax(z)
                for (int c = 0; c < p.Length; c++)
                {
                    if (plan.ClassIndex < 0)
                    {
                        output[(c * plane) + (y * width) + x] = p[c];
                    }
                    else if (c == plan.ClassIndex)
                    {
                        output[(y * width) + x] = p[c];
                    }
                }
            }
        }
    }
}
