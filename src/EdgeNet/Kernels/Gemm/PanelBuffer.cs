namespace EdgeNet.Kernels;

/// <summary>
/// Scratch space for <see cref="Gemm"/>'s packed panels of B: one per thread, kept across calls (no allocation per
/// step once it is large enough), starting on a 64-byte boundary (<see cref="AlignedBuffer{T}"/>) so that every
/// vector load of a panel stays in one cache line.
/// </summary>
internal static class PanelBuffer<T>
    where T : unmanaged
{
    [ThreadStatic]
    private static AlignedBuffer<T>? t_buffer;

    /// <summary>At least <paramref name="length"/> elements, 64-byte aligned, valid until this thread asks again.</summary>
    public static Span<T> Get(int length)
    {
        AlignedBuffer<T>? buffer = t_buffer;
        if (buffer is null || buffer.Length < length)
        {
            buffer = new AlignedBuffer<T>(length);
            t_buffer = buffer;
        }
        return buffer.Span[..length];
    }
}
