namespace EdgeNet.Playground;

/// <summary>What <see cref="PlaygroundSite.Export"/> wrote.</summary>
/// <param name="Folder">The full path of the site.</param>
/// <param name="Files">Files written.</param>
/// <param name="Bytes">Their bytes, the .br/.gz copies included.</param>
public sealed record PlaygroundSiteResult(string Folder, int Files, long Bytes);

/// <summary>
/// The playground as a static site (<c>edgenet playground --export DIR</c>): the page's own files, <c>engine.json</c>
/// naming the Web Worker, and the published WebAssembly engine (engine-worker.js and <c>_framework/</c>, each file with
/// its .br and .gz). Any static file host serves it; no server code runs.
/// </summary>
public static class PlaygroundSite
{
    /// <summary>The folder beside edgenet that holds the published WebAssembly engine (EdgeNet.Playground.Wasm's wwwroot).</summary>
    public const string EngineFolderName = "playground-site";

    /// <summary>The published engine beside this program, or <see langword="null"/> when this build has none.</summary>
    public static string? FindEngine()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, EngineFolderName);
        return File.Exists(Path.Combine(folder, "engine-worker.js")) && File.Exists(Path.Combine(folder, "_framework", "dotnet.js")) ? folder : null;
    }

    /// <summary>
    /// Writes the site into <paramref name="destination"/>, which must not exist or be an empty folder: the whole site is
    /// written beside it first and moved into place at the end, so a failure leaves nothing half written.
    /// </summary>
    /// <exception cref="IOException">The destination exists and is not an empty folder, or writing failed.</exception>
    public static PlaygroundSiteResult Export(string engineFolder, string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(engineFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        string target = Path.GetFullPath(destination);
        CheckFree(target);
        string parent = Path.GetDirectoryName(target) ?? throw new IOException($"'{target}' has no parent folder to write the site beside.");
        if (!Directory.Exists(parent))
        {
            throw new IOException($"The folder '{parent}' does not exist: create it first, or choose another place for the site.");
        }
        string staging = Path.Combine(parent, $".{Path.GetFileName(target)}.edgenet-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            int files = 0;
            long bytes = 0;
            foreach ((string name, byte[] content) in PageFiles.All().Append(("engine.json", System.Text.Encoding.UTF8.GetBytes(PageFiles.WorkerEngineJson))))
            {
                Write(staging, name, content);
                files++;
                bytes += content.Length;
            }
            string source = Path.GetFullPath(engineFolder);
            foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                string name = Path.GetRelativePath(source, file);
                string copy = Path.Combine(staging, name);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
                files++;
                bytes += new FileInfo(copy).Length;
            }
            CheckFree(target);                                            // again: something may have appeared meanwhile
            if (Directory.Exists(target))
            {
                Directory.Delete(target);                                 // empty: throws if anything arrived since
            }
            Directory.Move(staging, target);
            return new PlaygroundSiteResult(target, files, bytes);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static void CheckFree(string target)
    {
        if (File.Exists(target))
        {
            throw new IOException($"'{target}' is a file; give a new folder for the site.");
        }
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new IOException($"'{target}' already holds files; give a new or empty folder for the site (nothing was written).");
        }
    }

    private static void Write(string folder, string name, byte[] content)
    {
        string path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }
}
