using System.Globalization;

namespace EdgeNet.Data;

/// <summary>
/// Patches from CSV: one sample a line, the label first, then the pixel values, separated by commas.
/// Blank lines and lines starting with <c>#</c> are skipped.
/// </summary>
public static class CsvDataset
{
    /// <summary>Reads a CSV file; every line must hold the same number of pixels and a label below <paramref name="classNames"/>' count.</summary>
    /// <exception cref="InvalidDataException">A line is malformed; the message names the file and line.</exception>
    public static Dataset Load(string path, IReadOnlyList<string> classNames, int? expectedPixels = null)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path), classNames, expectedPixels);
    }

    /// <summary>Parses CSV text; see <see cref="Load"/>.</summary>
    public static Dataset Parse(TextReader reader, string source, IReadOnlyList<string> classNames, int? expectedPixels = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(classNames);
        var features = new List<double>();
        var labels = new List<int>();
        int? pixels = expectedPixels;
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }
            string where = $"{source} line {lineNumber}";
            string[] cells = trimmed.Split(',');
            if (!int.TryParse(cells[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int label))
            {
                throw new InvalidDataException($"{where}: the label '{cells[0].Trim()}' is not a whole number.");
            }
            if (label < 0 || label >= classNames.Count)
            {
                throw new InvalidDataException($"{where}: label {label} is out of range (0 to {classNames.Count - 1}).");
            }
            int count = cells.Length - 1;
            pixels ??= count;
            if (count != pixels)
            {
                throw new InvalidDataException($"{where}: expected {pixels} pixel values after the label, found {count}.");
            }
            for (int i = 1; i < cells.Length; i++)
            {
                if (!double.TryParse(cells[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                {
                    throw new InvalidDataException($"{where}: value {i} '{cells[i].Trim()}' is not a finite number.");
                }
                features.Add(value);
            }
            labels.Add(label);
        }
        if (labels.Count == 0 || pixels is null or 0)
        {
            throw new InvalidDataException($"{source}: no samples (expected lines of: label, pixel values).");
        }
        return new Dataset([.. features], [.. labels], pixels.Value, classNames);
    }
}
