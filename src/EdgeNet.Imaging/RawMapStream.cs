using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using EdgeNet.IO;

namespace EdgeNet.Imaging;

/// <summary>
/// The raw numbers of a scan (<see cref="RawMapFile"/>'s formats) written band by band as the scan goes, into a
/// temporary file beside the target that <see cref="Commit"/> renames over it: no full-size copy of the
/// probabilities is ever held, and a failed scan leaves nothing behind.
/// </summary>
public sealed class RawMapStream : IDisposable
{
    private readonly PendingFile _file;
    private readonly FileStream _stream;
    private readonly StreamWriter? _csv;
    private readonly int _width;
    private readonly int _height;
    private readonly int _classes;
    private readonly long _dataStart;
    private bool _committed;
    private bool _closed;

    private RawMapStream(string path, int width, int height, IReadOnlyList<string> classNames)
    {
        _width = width;
        _height = height;
        _classes = classNames.Count;
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".npy" or ".csv"))
        {
            throw new ArgumentException($"The raw output '{Path.GetFileName(path)}' must end in .npy or .csv.");
        }
        _file = new PendingFile(path);                                   // AtomicFile's rules, kept open band by band
        try
        {
            _stream = _file.Stream;
            if (extension == ".npy")
            {
                byte[] header = RawMapFile.NpyHeader(_classes, height, width);
                _stream.Write(header);
                _dataStart = header.Length;
                _stream.SetLength(_dataStart + ((long)_classes * height * width * sizeof(double)));
            }
            else
            {
                _csv = new StreamWriter(_stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                _csv.WriteLine(RawMapFile.CsvHeader(classNames));
            }
        }
        catch (Exception e)
        {
            Dispose();
            if (_file.Failure(e) is { } explained)
            {
                throw explained;
            }
            throw;
        }
    }

    /// <summary>Starts the file for a <paramref name="width"/>×<paramref name="height"/> map of <paramref name="classNames"/>.</summary>
    /// <exception cref="ArgumentException">The extension is neither .npy nor .csv.</exception>
    public static RawMapStream Create(string path, int width, int height, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(classNames);
        return new RawMapStream(path, width, height, classNames);
    }

    /// <summary>
    /// Writes image rows <paramref name="y0"/> … y0 + rows − 1, whose probabilities of class k are at
    /// <c>planes[k·planeLength + first + (y − y0)·width + x]</c>. CSV rows must come in order.
    /// </summary>
    internal void WriteRows(int y0, int rows, ReadOnlySpan<float> planes, int planeLength, int first)
    {
        try
        {
            Write(y0, rows, planes, planeLength, first);
        }
        catch (Exception e)
        {
            Dispose();                                                   // the temporary file goes first
            if (_file.Failure(e) is { } explained)
            {
                throw explained;
            }
            throw;
        }
    }

    private void Write(int y0, int rows, ReadOnlySpan<float> planes, int planeLength, int first)
    {
        int count = rows * _width;
        if (_csv is not null)
        {
            var line = new StringBuilder();
            for (int i = 0; i < count; i++)
            {
                line.Clear().Append(y0 + (i / _width)).Append(',').Append(i % _width);
                for (int k = 0; k < _classes; k++)
                {
                    line.Append(',').Append(((double)planes[(k * planeLength) + first + i]).ToString("R", CultureInfo.InvariantCulture));
                }
                _csv.WriteLine(line);
            }
            return;
        }
        var buffer = new byte[Math.Min(count, 4096) * sizeof(double)];
        for (int k = 0; k < _classes; k++)
        {
            _stream.Position = _dataStart + ((((long)k * _height) + y0) * _width * sizeof(double));
            ReadOnlySpan<float> values = planes.Slice((k * planeLength) + first, count);
            for (int start = 0; start < count; start += 4096)
            {
                int n = Math.Min(4096, count - start);
                for (int i = 0; i < n; i++)
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(i * sizeof(double)), values[start + i]);
                }
                _stream.Write(buffer, 0, n * sizeof(double));
            }
        }
    }

    /// <summary>Flushes the file to disk and renames it over the target.</summary>
    public void Commit()
    {
        try
        {
            _csv?.Flush();
        }
        catch (Exception e)
        {
            Dispose();
            if (_file.Failure(e) is { } explained)
            {
                throw explained;
            }
            throw;
        }
        _file.Commit();
        _committed = true;
    }

    /// <summary>Closes the file; deletes it unless committed (a close that fails does not keep it).</summary>
    public void Dispose()
    {
        if (_committed || _closed)
        {
            return;
        }
        _closed = true;
        try
        {
            _csv?.Dispose();                                             // may throw again what failed (a full disk)
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            // the save has failed already (ArgumentException: .NET's EFBIG); its own failure is the one reported
        }
        finally
        {
            _file.Dispose();
        }
    }
}
