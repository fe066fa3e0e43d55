using System.Globalization;
using System.Text;
using EdgeNet.IO;

namespace EdgeNet.Data;

/// <summary>
/// Patches from CSV: one sample a line, the label first, then the pixel values, separated by commas.
/// Lines end with \n, \r\n or a lone \r (mixed in one file if need be). Blank lines and lines starting with <c>#</c>
/// are skipped. Caps (see <see cref="Limits"/>): the file size, the length of a line, the pixels of a sample, the
/// samples and the numbers of the whole set, all checked as it is read.
/// </summary>
public static class CsvDataset
{
    /// <summary>Reads a CSV file; every line must hold the same number of pixels and a label below <paramref name="classNames"/>' count.</summary>
    /// <exception cref="InvalidDataException">A line is malformed; the message names the file and line.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static Dataset Load(string path, IReadOnlyList<string> classNames, int? expectedPixels = null)
    {
        using FileStream stream = InputFile.Open(path, Limits.MaxCsvFileBytes, "Data file");
        using var reader = new StreamReader(stream);
        return Parse(reader, UserText.Escape(Path.GetFileName(path)), classNames, expectedPixels);
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
        var lines = new LineReader(reader);
        while ((line = lines.Next(Limits.MaxCsvLineChars)) != null)
        {
            lineNumber++;
            string where = $"{source} line {lineNumber}";
            if (line.Length > Limits.MaxCsvLineChars)
            {
                throw new InvalidDataException($"{where} is longer than {Limits.Count(Limits.MaxCsvLineChars)} characters.");
            }
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }
            int commas = trimmed.AsSpan().Count(',');
            if (commas > Limits.MaxInputs)
            {
                throw new InvalidDataException($"{where}: {Limits.Count(commas)} pixel values; a sample has at most {Limits.Count(Limits.MaxInputs)}.");
            }
            if (labels.Count == Limits.MaxSamples)
            {
                throw new InvalidDataException($"{source} has more than {Limits.Count(Limits.MaxSamples)} samples, the most edgenet reads.");
            }
            if ((long)(labels.Count + 1) * commas > Limits.MaxDatasetValues)
            {
                throw new InvalidDataException($"{source} holds more than {Limits.Count(Limits.MaxDatasetValues)} pixel values, the most edgenet reads.");
            }
            string[] cells = trimmed.Split(',');
            if (!int.TryParse(cells[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int label))
            {
                string separator = cells.Length == 1 && trimmed.IndexOfAny(['\t', ';']) >= 0 ? " (values are separated by commas, not tabs or semicolons)" : string.Empty;
                throw new InvalidDataException($"{where}: the label {UserText.Quote(cells[0].Trim())} is not a whole number{separator}.");
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
                    throw new InvalidDataException($"{where}: value {i} {UserText.Quote(cells[i].Trim())} is not a finite number.");
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

    // Lines ended by \n, \r\n or a lone \r (classic Mac), as StreamReader.ReadLine and Python's universal newlines
    // read them, mixed in one file if need be. Reads one character at a time (no Peek, which a StreamReader may answer
    // with -1 at a buffer's end): a \n right after the \r that ended the line before is that line's end, not a line.
    private sealed class LineReader(TextReader reader)
    {
        private readonly StringBuilder _line = new();
        private bool _afterCr;

        // One line without its end, or null at the end; a line longer than max comes back as max + 1 characters.
        public string? Next(int max)
        {
            _line.Clear();
            int c;
            while ((c = reader.Read()) != -1)
            {
                bool afterCr = _afterCr;
                _afterCr = false;
                if (c == '\n')
                {
                    if (afterCr)
                    {
                        continue;                                   // the \n of a \r\n
                    }
                    return _line.ToString();
                }
                if (c == '\r')
                {
                    _afterCr = true;
                    return _line.ToString();
                }
                if (_line.Length > max)
                {
                    return _line.ToString();
                }
                _line.Append((char)c);
            }
            return _line.Length == 0 ? null : _line.ToString();
        }
    }
}
