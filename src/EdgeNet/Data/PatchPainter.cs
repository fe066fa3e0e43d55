namespace EdgeNet.Data;

/// <summary>
/// Paints square patches row by row (x to the right, y down, the centre at ((n−1)/2, (n−1)/2)):
/// steps, ramps, waves. No randomness here: <see cref="VariedPatches"/> chooses the numbers.
/// </summary>
internal static class PatchPainter
{
    /// <summary>
    /// A straight edge: d = (x−c)·ux + (y−c)·uy − offset is the signed distance from the edge line, and the pixel is
    /// dark + (bright − dark)·ramp(d), so (ux, uy) points from the dark side to the bright side.
    /// </summary>
    public static void Step(Span<double> patch, int size, double ux, double uy, double offset, double dark, double bright, double softness)
    {
        double centre = (size - 1) / 2.0;
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                double d = (x - centre) * ux + (y - centre) * uy - offset;       // signed distance to the edge
                patch[y * size + x] = dark + (bright - dark) * Ramp(d, softness);
            }
        }
    }

    /// <summary>0 on the dark side, 1 on the bright side, a linear blend <paramref name="softness"/> pixels wide between.</summary>
    public static double Ramp(double distance, double softness)
    {
        if (softness <= 0)
        {
            return distance > 0 ? 1 : distance < 0 ? 0 : 0.5;                  // a hard step
        }
        return Math.Clamp(0.5 + distance / softness, 0, 1);                    // a blurred transition
    }

    /// <summary>A ramp: base + change·((x−c)·ux + (y−c)·uy)/(n−1).</summary>
    public static void Gradient(Span<double> patch, int size, double ux, double uy, double level, double change)
    {
        double centre = (size - 1) / 2.0;
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                patch[y * size + x] = level + change * ((x - centre) * ux + (y - centre) * uy) / (size - 1);
            }
        }
    }

    /// <summary>Waves: level + amplitude·sin(2π·(x·ux + y·uy)/period + phase).</summary>
    public static void Waves(Span<double> patch, int size, double ux, double uy, double level, double amplitude, double period, double phase)
    {
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                patch[y * size + x] = level + amplitude * Math.Sin(2 * Math.PI * (x * ux + y * uy) / period + phase);
            }
        }
    }

    /// <summary>Unit vector of an angle in degrees; exact for multiples of 90°, so axis-aligned edges fall on pixel boundaries.</summary>
    public static (double X, double Y) Direction(double degrees)
    {
        double wrapped = ((degrees % 360) + 360) % 360;
        return wrapped switch
        {
            0 => (1, 0),
            90 => (0, 1),
            180 => (-1, 0),
            270 => (0, -1),
            _ => (Math.Cos(wrapped * Math.PI / 180), Math.Sin(wrapped * Math.PI / 180)),
        };
    }
}
