namespace EdgeNet.Imaging.Tests;

/// <summary>The scan's conversions between bytes and values in [0, 1], vector by vector, against their scalar forms.</summary>
public sealed class PixelBytesTests
{
    [Fact]
    public void Levels_are_each_byte_divided_by_255_to_the_bit()
    {
        // Given every byte value, in a row whose length is no whole number of vectors
        byte[] levels = [.. Enumerable.Range(0, (3 * 256) + 7).Select(i => (byte)((i * 37) % 256))];

        // When the row becomes network inputs
        var inputs = new float[levels.Length];
        PixelBytes.ToLevels(levels, inputs);

        // Then each is the scalar division's float
        Assert.Equal(levels.Select(v => BitConverter.SingleToInt32Bits(v / 255f)), inputs.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Bytes_of_levels_come_back_as_the_same_bytes()
    {
        // Given every byte value as a level in [0, 1]
        byte[] levels = [.. Enumerable.Range(0, 256).Select(v => (byte)v)];
        var inputs = new float[levels.Length];
        PixelBytes.ToLevels(levels, inputs);

        // When the levels are written as bytes again
        var bytes = new byte[levels.Length];
        PixelBytes.Convert(inputs, bytes);

        // Then nothing changed
        Assert.Equal(levels, bytes);
    }
}
