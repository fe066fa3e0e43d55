namespace EdgeNet.Imaging;

/// <summary>The CRC-32 of PNG chunks (ISO 3309, polynomial 0xEDB88320 reflected), eight bytes a step.</summary>
internal static class PngCrc32
{
    /// <summary>The value to start from, and to xor the result with at the end.</summary>
    public const uint Start = 0xFFFFFFFF;

    private static readonly uint[] Table = Build();

    /// <summary>The running CRC after <paramref name="data"/> (start from <see cref="Start"/>).</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<uint> t = Table;
        while (data.Length >= 8)
        {
            uint low = crc ^ (uint)(data[0] | (data[1] << 8) | (data[2] << 16) | (data[3] << 24));
            crc = t[(7 * 256) + (int)(low & 0xFF)] ^ t[(6 * 256) + (int)((low >> 8) & 0xFF)] ^ t[(5 * 256) + (int)((low >> 16) & 0xFF)] ^ t[(4 * 256) + (int)(low >> 24)]
                ^ t[(3 * 256) + data[4]] ^ t[(2 * 256) + data[5]] ^ t[256 + data[6]] ^ t[data[7]];
            data = data[8..];
        }
        foreach (byte value in data)
        {
            crc = t[(int)((crc ^ value) & 0xFF)] ^ (crc >> 8);
        }
        return crc;
    }

    // Table k, entry n: the CRC of byte n followed by k zero bytes (slicing by 8).
    private static uint[] Build()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }
            table[n] = c;
        }
        for (int k = 1; k < 8; k++)
        {
            for (int n = 0; n < 256; n++)
            {
                uint previous = table[((k - 1) * 256) + n];
                table[(k * 256) + n] = table[(int)(previous & 0xFF)] ^ (previous >> 8);
            }
        }
        return table;
    }
}
