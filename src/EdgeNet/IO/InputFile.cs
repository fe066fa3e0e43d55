namespace EdgeNet.IO;

/// <summary>
/// Opens a file edgenet reads (a model, a CSV, an image): it must be a regular file (or a symlink to one), not a
/// device such as <c>/dev/zero</c>, a named pipe or a folder, and not larger than the cap for its kind.
/// </summary>
internal static class InputFile
{
    /// <summary>Checks <paramref name="path"/> and opens it for reading.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The largest size accepted (see <see cref="Limits"/>).</param>
    /// <param name="what">"Model file", "Data file": starts the messages.</param>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">It is not a regular file, or it is larger than <paramref name="maxBytes"/>.</exception>
    public static FileStream Open(string path, long maxBytes, string what)
    {
        long length = Check(path, maxBytes, what);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (stream.Length != length && stream.Length > maxBytes)
        {
            stream.Dispose();
            throw TooLarge(path, stream.Length, maxBytes, what);
        }
        return stream;
    }

    /// <summary>Checks <paramref name="path"/> as <see cref="Open"/> does; returns its size in bytes.</summary>
    public static long Check(string path, long maxBytes, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStatus status = FileStatus.Of(path);
        if (status.Kind == FileKind.Missing)
        {
            throw new FileNotFoundException($"{what} {UserText.Quote(Path.GetFullPath(path))} does not exist.", path);
        }
        if (status.Kind != FileKind.Regular)
        {
            throw new InvalidDataException($"{what} {UserText.Quote(Path.GetFullPath(path))} is {FileStatus.Describe(status.Kind)}, not a regular file.");
        }
        if (status.Size > maxBytes)
        {
            throw TooLarge(path, status.Size, maxBytes, what);
        }
        return status.Size;
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> of a checked file as bytes.</summary>
    public static byte[] ReadAllBytes(string path, long maxBytes, string what)
    {
        using FileStream stream = Open(path, maxBytes, what);
        var buffer = new MemoryStream((int)Math.Min(stream.Length, maxBytes));
        CopyAtMost(stream, buffer, maxBytes, path, what);
        return buffer.ToArray();
    }

    /// <summary>Copies at most <paramref name="maxBytes"/>; a file that grew past the cap while read is refused.</summary>
    private static void CopyAtMost(Stream source, Stream destination, long maxBytes, string path, string what)
    {
        var chunk = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = source.Read(chunk)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw TooLarge(path, total, maxBytes, what);
            }
            destination.Write(chunk, 0, read);
        }
    }

    private static InvalidDataException TooLarge(string path, long size, long maxBytes, string what) =>
        new($"{what} {UserText.Quote(Path.GetFileName(path))} is {Limits.Bytes(size)}; the largest accepted is {Limits.Bytes(maxBytes)}.");
}
