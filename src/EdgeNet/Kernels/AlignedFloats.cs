namespace EdgeNet.Kernels;

/// <summary>
/// A float buffer that starts on a 64-byte boundary, so that each 512-bit load or store of a row whose length is a
/// whole number of vectors touches one cache line, not two (a split store costs about twice a whole one, and more
/// when the lines are not in the first-level cache). The array is pinned: the garbage collector never moves it, so
/// the boundary holds for the buffer's life.
/// </summary>
internal sealed class AlignedFloats
{
    private const int Alignment = 64;
    private readonly float[] _array;
    private readonly int _offset;

    public AlignedFloats(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _array = GC.AllocateArray<float>(length + (Alignment / sizeof(float)), pinned: true);
        _offset = FloatsToBoundary(_array);
        Length = length;
    }

    public int Length { get; }

    public Span<float> Span => _array.AsSpan(_offset, Length);

    private static unsafe int FloatsToBoundary(float[] array)
    {
        fixed (float* start = array)
        {
            return (int)((Alignment - ((nint)start & (Alignment - 1))) & (Alignment - 1)) / sizeof(float);
        }
    }
}
