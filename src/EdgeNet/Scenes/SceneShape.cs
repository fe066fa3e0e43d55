namespace EdgeNet.Scenes;

/// <summary>A region of a scene: which points are inside, and a box that holds them all.</summary>
internal abstract class SceneShape
{
    /// <summary>Left, top, right, bottom of a box holding the shape, in pixels.</summary>
    public (double Left, double Top, double Right, double Bottom) Box { get; protected init; }

    /// <summary>Whether (x, y) (pixel units, pixel centres at .5) is inside.</summary>
    public abstract bool Contains(double x, double y);

    /// <summary>Inside the box, then the shape.</summary>
    public bool Covers(double x, double y) =>
        x >= Box.Left && x <= Box.Right && y >= Box.Top && y <= Box.Bottom && Contains(x, y);
}

/// <summary>A polygon (convex or not), by the even–odd rule.</summary>
internal sealed class PolygonShape : SceneShape
{
    private readonly double[] _x;
    private readonly double[] _y;

    public PolygonShape(IReadOnlyList<(double X, double Y)> corners)
    {
        _x = [.. corners.Select(c => c.X)];
        _y = [.. corners.Select(c => c.Y)];
        Box = (_x.Min(), _y.Min(), _x.Max(), _y.Max());
    }

    public override bool Contains(double x, double y)
    {
        bool inside = false;
        for (int i = 0, j = _x.Length - 1; i < _x.Length; j = i++)
        {
            if ((_y[i] > y) != (_y[j] > y) && x < ((_x[j] - _x[i]) * (y - _y[i]) / (_y[j] - _y[i])) + _x[i])
            {
                inside = !inside;
            }
        }
        return inside;
    }
}

/// <summary>A rotated ellipse.</summary>
internal sealed class EllipseShape : SceneShape
{
    private readonly double _cx, _cy, _cos, _sin, _a, _b;

    public EllipseShape(double cx, double cy, double a, double b, double angle)
    {
        (_cx, _cy, _a, _b, _cos, _sin) = (cx, cy, a, b, Math.Cos(angle), Math.Sin(angle));
        double r = Math.Max(a, b);
        Box = (cx - r, cy - r, cx + r, cy + r);
    }

    public override bool Contains(double x, double y)
    {
        double dx = x - _cx, dy = y - _cy;
        double u = ((dx * _cos) + (dy * _sin)) / _a, v = ((-dx * _sin) + (dy * _cos)) / _b;
        return (u * u) + (v * v) <= 1;
    }
}

/// <summary>A blob: radius r(θ) = r0 · (1 + Σ aₖ cos(kθ + φₖ)), k = 2 … 4.</summary>
internal sealed class BlobShape : SceneShape
{
    private readonly double _cx, _cy, _r0;
    private readonly double[] _amplitude;
    private readonly double[] _phase;

    public BlobShape(double cx, double cy, double r0, double[] amplitude, double[] phase)
    {
        (_cx, _cy, _r0, _amplitude, _phase) = (cx, cy, r0, amplitude, phase);
        double r = r0 * (1 + amplitude.Sum(Math.Abs));
        Box = (cx - r, cy - r, cx + r, cy + r);
    }

    public override bool Contains(double x, double y)
    {
        double dx = x - _cx, dy = y - _cy;
        double theta = Math.Atan2(dy, dx);
        double r = 1;
        for (int k = 0; k < _amplitude.Length; k++)
        {
            r += _amplitude[k] * Math.Cos(((k + 2) * theta) + _phase[k]);
        }
        r *= _r0;
        return (dx * dx) + (dy * dy) <= r * r;
    }
}
