using System.Runtime.CompilerServices;

namespace EdgeNet.Kernels;

/// <summary>
/// Scratch space for <see cref="Gemm"/>'s packed panels of B: one per thread, kept across calls (no allocation per
/// step once it is large enough), starting on a 64-byte boundary so that every vector load of a panel stays in one
/// cache line.
/// </summary>
internal static class PanelBuffer<T>
    where T : unmanaged
{
    private const int Alignment = 64;

    [ThreadStatic]
    private static T[]? t_buffer;

    [ThreadStatic]
    private static int t_offset;

    /// <summary>At least <paramref name="length"/> elements, 64-byte aligned, valid until this thread asks again.</summary>
    public static unsafe Span<T> Get(int length)
    {
        T[]? buffer = t_buffer;
        if (buffer is null || buffer.Length - t_offset < length)
        {
            buffer = GC.AllocateUninitializedArray<T>(length + (Alignment / sizeof(T)), pinned: true); // pinned: never moves
            long address = (long)Unsafe.AsPointer(ref buffer[0]);
            t_offset = (int)((Alignment - (address % Alignment)) % Alignment) / sizeof(T);
            t_buffer = buffer;
        }
        return buffer.AsSpan(t_offset, length);
    }
}
