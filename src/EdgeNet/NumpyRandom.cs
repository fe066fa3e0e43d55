namespace EdgeNet;

/// <summary>
/// NumPy's legacy global generator (<c>np.random.seed</c>, <c>rand</c>, <c>randn</c>, <c>randint</c>,
/// <c>uniform</c>, <c>permutation</c>): the same seed draws the same numbers as the tutorial's Python.
/// </summary>
/// <remarks>
/// MT19937 seeded with <c>init_genrand</c>; doubles from two 32-bit draws (53 bits); normals by the polar
/// Box–Muller method, which caches its second value; bounded integers by masked rejection.
/// </remarks>
public sealed class NumpyRandom
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _index;
    private bool _hasGauss;
    private double _gauss;

    /// <summary>Seeds the generator as <c>np.random.seed(seed)</c> does.</summary>
    public NumpyRandom(uint seed)
    {
        _mt[0] = seed;
        for (int i = 1; i < N; i++)
        {
            _mt[i] = 1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i;
        }
        _index = N;
    }

    /// <summary>The next raw 32-bit output of MT19937.</summary>
    public uint NextUInt32()
    {
        if (_index >= N)
        {
            Twist();
        }
        uint y = _mt[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary><c>np.random.rand()</c>: a double in [0, 1) with 53 random bits.</summary>
    public double Rand()
    {
        uint a = NextUInt32() >> 5;
        uint b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /// <summary><c>np.random.randn()</c>: a standard normal by the polar method.</summary>
    public double Randn()
    {
        if (_hasGauss)
        {
            _hasGauss = false;
            return _gauss;
        }
        double x1, x2, r2;
        do
        {
            x1 = 2.0 * Rand() - 1.0;
            x2 = 2.0 * Rand() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        }
        while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        _gauss = f * x1;
        _hasGauss = true;
        return f * x2;
    }

    /// <summary><c>np.random.uniform(low, high)</c>.</summary>
    public double Uniform(double low, double high) => low + (high - low) * Rand();

    /// <summary><c>np.random.randint(low, high)</c>: an integer in [low, high).</summary>
    public long RandInt(long low, long high)
    {
        if (high <= low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), "high must be greater than low.");
        }
        return low + (long)Interval((ulong)(high - low - 1));
    }

    /// <summary><c>np.random.permutation(n)</c>: 0..n-1 shuffled by NumPy's Fisher–Yates.</summary>
    public int[] Permutation(int n)
    {
        var result = new int[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = i;
        }
        Shuffle(result);
        return result;
    }

    /// <summary><c>np.random.shuffle(values)</c> in place.</summary>
    public void Shuffle(Span<int> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = (int)Interval((ulong)i);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>Fills <paramref name="destination"/> row by row with <c>randn()·scale</c>.</summary>
    public void FillNormal(Span<double> destination, double scale = 1.0)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Randn() * scale;
        }
    }

    // An integer in [0, max] by masked rejection, as NumPy's legacy bounded draws.
    private ulong Interval(ulong max)
    {
        if (max == 0)
        {
            return 0;
        }
        ulong mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        mask |= mask >> 32;
        ulong value;
        if (max <= uint.MaxValue)
        {
            while ((value = NextUInt32() & mask) > max)
            {
            }
        }
        else
        {
            while ((value = (((ulong)NextUInt32() << 32) | NextUInt32()) & mask) > max)
            {
            }
        }
        return value;
    }

    private void Twist()
    {
        for (int i = 0; i < N; i++)
        {
            uint y = (_mt[i] & 0x80000000u) | (_mt[(i + 1) % N] & 0x7fffffffu);
            uint next = _mt[(i + M) % N] ^ (y >> 1);
            _mt[i] = (y & 1u) != 0 ? next ^ 0x9908b0dfu : next;
        }
        _index = 0;
    }
}
