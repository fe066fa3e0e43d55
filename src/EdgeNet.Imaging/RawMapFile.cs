using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using EdgeNet.Inference;
using EdgeNet.IO;

namespace EdgeNet.Imaging;

/// <summary>
/// The numbers of a scan: every class probability of every pixel, as NumPy's .npy (float64, shape
/// (classes, height, width): one plane per class) or as CSV (one line a pixel: y, x, then a column per class).
/// </summary>
public static class RawMapFile
{
    /// <summary>Writes .npy or .csv by the extension of <paramref name="path"/>, atomically.</summary>
    /// <exception cref="ArgumentException">The extension is neither .npy nor .csv.</exception>
    public static void Write(string path, ProbabilityMap map)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(map);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        Action<Stream> write = extension switch
        {
            ".npy" => stream => WriteNpy(stream, map),
            ".csv" => stream => WriteCsv(stream, map),
            _ => throw new ArgumentException($"The raw output '{Path.GetFileName(path)}' must end in .npy or .csv."),
        };
        AtomicFile.Write(path, write);
    }

    /// <summary>NumPy format 1.0: magic, header length, a Python dict header padded to 64 bytes, little-endian float64 data.</summary>
    public static void WriteNpy(Stream stream, ProbabilityMap map)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(map);
        stream.Write(NpyHeader(map.Classes, map.Height, map.Width));
        var buffer = new byte[4096 * sizeof(double)];
        ReadOnlySpan<double> values = map.Values;
        for (int start = 0; start < values.Length; start += 4096)
        {
            int count = Math.Min(4096, values.Length - start);
            for (int i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(i * sizeof(double)), values[start + i]);
            }
            stream.Write(buffer, 0, count * sizeof(double));
        }
    }

    /// <summary>The .npy header (magic, version 1.0, length, dict padded to 64 bytes) of float64 planes.</summary>
    internal static byte[] NpyHeader(int classes, int height, int width)
    {
        string dict = $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({classes}, {height}, {width}), }}";
        int unpadded = 10 + dict.Length + 1;                                 // magic(6) + version(2) + length(2) + dict + '\n'
        string header = dict + new string(' ', (64 - (unpadded % 64)) % 64) + "\n";
        var bytes = new byte[10 + header.Length];
        ((ReadOnlySpan<byte>)[0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]).CopyTo(bytes);   // magic, version 1.0
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)header.Length);
        Encoding.ASCII.GetBytes(header, bytes.AsSpan(10));
        return bytes;
    }

    /// <summary>The CSV header line: y, x, then the class names (commas in names become spaces).</summary>
    internal static string CsvHeader(IReadOnlyList<string> classNames) =>
        "y,x," + string.Join(",", classNames.Select(name => name.Replace(',', ' ')));

    /// <summary>CSV: a header "y,x,&lt;class names&gt;", then one line a pixel, row by row.</summary>
    public static void WriteCsv(Stream stream, ProbabilityMap map)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(map);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.WriteLine(CsvHeader(map.ClassNames));
        var line = new StringBuilder();
        for (int y = 0; y < map.Height; y++)
        {
            for (int x = 0; x < map.Width; x++)
            {
                line.Clear().Append(y).Append(',').Append(x);
                for (int k = 0; k < map.Classes; k++)
                {
                    line.Append(',').Append(map.Probability(k, x, y).ToString("R", CultureInfo.InvariantCulture));
                }
                writer.WriteLine(line);
            }
        }
    }
}
