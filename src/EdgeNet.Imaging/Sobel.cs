namespace EdgeNet.Imaging;

/// <summary>
/// The classic Sobel edge detector, for comparison with the network: gx and gy are the 3×3 Sobel kernels
/// applied at every pixel (the same replicated border as the scanner), the response is √(gx² + gy²).
/// </summary>
public static class Sobel
{
    /// <summary>Largest possible magnitude for values in [0, 1]: each of |gx| and |gy| is at most 4, so 4√2.</summary>
    public static readonly double MaxMagnitude = 4 * Math.Sqrt(2);

    /// <summary>√(gx² + gy²) at every pixel, row by row.</summary>
    public static double[] Magnitude(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        int width = image.Width, height = image.Height;
        var result = new double[width * height];
        for (int y = 0; y < height; y++)
        {
            int up = Math.Max(y - 1, 0), down = Math.Min(y + 1, height - 1);       // replicate the border
            for (int x = 0; x < width; x++)
            {
                int left = Math.Max(x - 1, 0), right = Math.Min(x + 1, width - 1);
                double gx = (image[right, up] + 2 * image[right, y] + image[right, down])
                          - (image[left, up] + 2 * image[left, y] + image[left, down]);   // [−1 0 1; −2 0 2; −1 0 1]
                double gy = (image[left, down] + 2 * image[x, down] + image[right, down])
                          - (image[left, up] + 2 * image[x, up] + image[right, up]);      // its transpose
                result[y * width + x] = Math.Sqrt(gx * gx + gy * gy);
            }
        }
        return result;
    }
}
