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
        (double[] gx, double[] gy) = Gradients(image);
        var result = new double[gx.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Math.Sqrt(gx[i] * gx[i] + gy[i] * gy[i]);          // √(gx² + gy²)
        }
        return result;
    }

    /// <summary>
    /// max(gx, 0) at every pixel: Sobel's answer to the tutorial's own question, "dark on the left, bright on the
    /// right?" (a vertical dark→bright edge), to compare with a two-class edge model.
    /// </summary>
    public static double[] DarkToBrightRight(GrayImage image)
    {
        (double[] gx, _) = Gradients(image);
        for (int i = 0; i < gx.Length; i++)
        {
            gx[i] = Math.Max(gx[i], 0);
        }
        return gx;
    }

    /// <summary>gx (brighter to the right is positive) and gy (brighter below is positive) at every pixel.</summary>
    public static (double[] Gx, double[] Gy) Gradients(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        int width = image.Width, height = image.Height;
        var gxs = new double[width * height];
        var gys = new double[width * height];
        for (int y = 0; y < height; y++)
        {
            int up = Math.Max(y - 1, 0), down = Math.Min(y + 1, height - 1);       // replicate the border
            for (int x = 0; x < width; x++)
            {
                int left = Math.Max(x - 1, 0), right = Math.Min(x + 1, width - 1);
                gxs[y * width + x] = (image[right, up] + 2 * image[right, y] + image[right, down])
                                   - (image[left, up] + 2 * image[left, y] + image[left, down]);   // [−1 0 1; −2 0 2; −1 0 1]
                gys[y * width + x] = (image[left, down] + 2 * image[x, down] + image[right, down])
                                   - (image[left, up] + 2 * image[x, up] + image[right, up]);      // its transpose
            }
        }
        return (gxs, gys);
    }

    /// <summary>
    /// gx and gy at (x, y) of a byte image, in gray levels (divide by 255 for values in [0, 1]); the border is
    /// replicated as in <see cref="Gradients"/>.
    /// </summary>
    internal static (int Gx, int Gy) At(GrayBytes image, int x, int y)
    {
        int width = image.Width;
        byte[] p = image.Pixels;
        int up = Math.Max(y - 1, 0) * width, row = y * width, down = Math.Min(y + 1, image.Height - 1) * width;
        int left = Math.Max(x - 1, 0), right = Math.Min(x + 1, width - 1);
        int gx = (p[up + right] + (2 * p[row + right]) + p[down + right]) - (p[up + left] + (2 * p[row + left]) + p[down + left]);
        int gy = (p[down + left] + (2 * p[down + x]) + p[down + right]) - (p[up + left] + (2 * p[up + x]) + p[up + right]);
        return (gx, gy);
    }

    /// <summary>√(gx² + gy²) of every pixel as gray levels, <paramref name="strongest"/> white (a flat image stays black).</summary>
    public static byte[] Picture(GrayBytes image, double strongest)
    {
        ArgumentNullException.ThrowIfNull(image);
        double scale = strongest > 0 ? 1 / (255 * strongest) : 0;           // levels → [0, 1] → a fraction of the strongest
        var levels = new byte[image.PixelCount];
        Parallel.For(0, image.Height, y =>
        {
            for (int x = 0; x < image.Width; x++)
            {
                (int gx, int gy) = At(image, x, y);
                levels[((long)y * image.Width) + x] = (byte)Math.Round(255 * Math.Min(Math.Sqrt((gx * gx) + (gy * gy)) * scale, 1));
            }
        });
        return levels;
    }
}
