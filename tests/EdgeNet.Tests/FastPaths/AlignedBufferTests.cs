using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EdgeNet.Kernels;

namespace EdgeNet.Tests.FastPaths;

/// <summary>The feature-major buffers start on a cache line (64 bytes) and keep to their length.</summary>
public sealed class AlignedBufferTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(256)]
    [InlineData(25 * 304)]
    public void A_buffer_starts_on_a_cache_line(int length)
    {
        // Given several buffers allocated one after another (so that their arrays start at different offsets)
        AlignedBuffer<float>[] buffers = [.. Enumerable.Range(0, 8).Select(_ => new AlignedBuffer<float>(length))];

        // When each is read as a span, Then it starts on a 64-byte boundary and holds the length asked for
        foreach (AlignedBuffer<float> buffer in buffers)
        {
            Span<float> span = buffer.Span;
            nint address = Unsafe.ByteOffset(ref Unsafe.NullRef<float>(), ref MemoryMarshal.GetReference(span));
            Assert.Equal(0, address % 64);
            Assert.Equal(length, span.Length);
        }
    }
}
