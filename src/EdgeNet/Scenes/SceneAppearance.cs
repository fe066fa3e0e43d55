namespace EdgeNet.Scenes;

/// <summary>The kinds of texture a region may carry (none of them is a boundary).</summary>
internal enum SceneTexture
{
    None,
    Grating,
    Stripes,
    Grain,
}

/// <summary>
/// How a region looks: a base level, a smooth shading (a linear ramp, or a dome for round shapes) and a texture.
/// <see cref="Smooth"/> is what decides whether a boundary is visible; <see cref="Value"/> adds the texture.
/// </summary>
internal sealed class SceneAppearance
{
    private readonly double _base;
    private readonly double _rampX, _rampY;
    private readonly double _domeX, _domeY, _domeRadius, _dome;
    private readonly SceneTexture _texture;
    private readonly double _amplitude, _kx, _ky, _phase;
    private readonly double[] _grain = [];
    private readonly int _grainSide;
    private readonly double _grainCell;

    public SceneAppearance(NumpyRandom random, double level, double diagonal, (double X, double Y, double Radius)? dome)
    {
        _base = level;
        if (random.Rand() < 0.6)
        {
            double slope = random.Uniform(-0.35, 0.35) / diagonal, angle = random.Uniform(0, 2 * Math.PI);
            (_rampX, _rampY) = (slope * Math.Cos(angle), slope * Math.Sin(angle));
        }
        if (dome is var (x, y, r) && random.Rand() < 0.5)
        {
            (_domeX, _domeY, _domeRadius, _dome) = (x + random.Uniform(-0.3, 0.3) * r, y + random.Uniform(-0.3, 0.3) * r, r, random.Uniform(-0.25, 0.25));
        }
        double pick = random.Rand();
        _texture = pick < 0.45 ? SceneTexture.None : pick < 0.65 ? SceneTexture.Grating : pick < 0.8 ? SceneTexture.Stripes : SceneTexture.Grain;
        if (_texture is SceneTexture.Grating or SceneTexture.Stripes)
        {
            double period = random.Uniform(2.2, 9), angle = random.Uniform(0, Math.PI);
            (_kx, _ky, _phase) = (2 * Math.PI * Math.Cos(angle) / period, 2 * Math.PI * Math.Sin(angle) / period, random.Uniform(0, 2 * Math.PI));
            _amplitude = random.Uniform(0.03, _texture == SceneTexture.Grating ? 0.2 : 0.12);
        }
        else if (_texture == SceneTexture.Grain)
        {
            _amplitude = random.Uniform(0.04, 0.18);
            _grainCell = random.Uniform(1.2, 4);
            _grainSide = 64;
            _grain = new double[_grainSide * _grainSide];
            random.FillNormal(_grain, 0.6);
        }
    }

    /// <summary>The level without texture at (x, y).</summary>
    public double Smooth(double x, double y)
    {
        double v = _base + (_rampX * x) + (_rampY * y);
        if (_dome != 0)
        {
            double dx = (x - _domeX) / _domeRadius, dy = (y - _domeY) / _domeRadius;
            v += _dome * (1 - Math.Min(1, (dx * dx) + (dy * dy)));
        }
        return v;
    }

    /// <summary>The level with texture at (x, y).</summary>
    public double Value(double x, double y)
    {
        double v = Smooth(x, y);
        switch (_texture)
        {
            case SceneTexture.Grating:
                v += _amplitude * Math.Sin((_kx * x) + (_ky * y) + _phase);
                break;
            case SceneTexture.Stripes:
                v += Math.Sin((_kx * x) + (_ky * y) + _phase) >= 0 ? _amplitude : -_amplitude;
                break;
            case SceneTexture.Grain:
                v += _amplitude * Grain(x / _grainCell, y / _grainCell);
                break;
        }
        return v;
    }

    /// <summary>Bilinear value noise on a wrapped 64×64 lattice.</summary>
    private double Grain(double u, double v)
    {
        int i = (int)Math.Floor(u), j = (int)Math.Floor(v);
        double fu = u - i, fv = v - j;
        int n = _grainSide;
        int i0 = ((i % n) + n) % n, j0 = ((j % n) + n) % n, i1 = (i0 + 1) % n, j1 = (j0 + 1) % n;
        double top = (_grain[(j0 * n) + i0] * (1 - fu)) + (_grain[(j0 * n) + i1] * fu);
        double bottom = (_grain[(j1 * n) + i0] * (1 - fu)) + (_grain[(j1 * n) + i1] * fu);
        return (top * (1 - fv)) + (bottom * fv);
    }
}
