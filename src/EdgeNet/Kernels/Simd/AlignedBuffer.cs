using System.Runtime.CompilerServices;

namespace EdgeNet.Kernels;

/// <summary>
/// A buffer that starts on a 64-byte boundary, so that each 512-bit load or store of a row whose length is a whole
/// number of vectors touches one cache line, not two (a split store costs about twice a whole one, and more when the
/// lines are not in the first-level cache). The array is pinned: the garbage collector never moves it, so the
/// boundary holds for the buffer's life.
/// </summary>
internal sealed class AlignedBuffer<T>
    where T : unmanaged
{
    private const int Alignment = 64;
    private readonly T[] _array;
    private readonly int _offset;

    /// <summary>A zeroed buffer of <paramref name="length"/> elements.</summary>
    public AlignedBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _array = GC.AllocateArray<T>(length + (Alignment / Unsafe.SizeOf<T>()), pinned: true);
        _offset = ElementsToBoundary(_array);
        Length = length;
    }

    public int Length { get; }

    public Span<T> Span => _array.AsSpan(_offset, Length);

    private static unsafe int ElementsToBoundary(T[] array)
    {
        fixed (T* start = array)
        {
            return (int)((Alignment - ((nint)start & (Alignment - 1))) & (Alignment - 1)) / sizeof(T);
        }
    }
}
