using System.Diagnostics;
using System.Globalization;
using EdgeNet.Cli.Output;
using EdgeNet.Imaging;
using EdgeNet.Models;

namespace EdgeNet.Cli.Commands;

/// <summary>
/// <c>edgenet scan --out-dir DIR PATH...</c>: every photo of the paths (files, and the PNG and JPEG files of folders)
/// into DIR/NAME.edges.png and the other pictures asked for. The next photo is decoded while this one is scanned, so
/// at most two photos are held at once. A file that cannot be read or written is named on stderr and skipped; the
/// exit code is then 1, after every other photo is done.
/// </summary>
internal static class ScanFolder
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];
    private static readonly string[] OutputSuffixes = [".edges.png", ".probability.png", ".sobel.png", ".overlay.png"];

    public static int Run(CliContext context, Request request)
    {
        Model loaded = ModelOption.Load(request.Model);
        int patch = ScanCommand.PatchOf(loaded, request.Patch);
        string outDir = request.OutDir.FullName;
        if (File.Exists(outDir))
        {
            throw new UsageException($"--out-dir: '{outDir}' is a file; give a folder.");
        }
        if (!Directory.Exists(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(outDir)) ?? outDir))
        {
            throw new UsageException($"--out-dir: the folder above '{outDir}' does not exist.");
        }
        IReadOnlyList<Job> jobs = Plan(request, outDir);
        Directory.CreateDirectory(outDir);
        var scanner = new PhotoScanner(loaded.Network, loaded.ClassNames, patch, request.Outputs.Settings(Environment.ProcessorCount));
        var report = new FolderProgress(context, jobs.Count);
        int failed = 0;
        long megapixels = 0;
        var clock = Stopwatch.StartNew();
        Pending? next = Open(jobs[0], request.MaxPixels);
        for (int i = 0; i < jobs.Count; i++)
        {
            Pending current = next!;
            next = i + 1 < jobs.Count ? Open(jobs[i + 1], request.MaxPixels) : null;   // decoded while this one is scanned
            string? failure = current.Failure;
            long pixels = 0;
            if (failure is null)
            {
                try
                {
                    using GrayDecoding decoding = current.Decoding!;
                    ScanPictures pictures = scanner.Scan(decoding);
                    Directory.CreateDirectory(Path.GetDirectoryName(current.Job.Files.Map)!);
                    current.Job.Files.Write(pictures);
                    pixels = pictures.Image.PixelCount;
                }
                catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    failure = e.Message;
                }
            }
            megapixels += pixels;
            if (failure is not null)
            {
                failed++;
                context.Error.WriteLine($"edgenet: {current.Job.Source}: {failure}");
            }
            report.Done(current.Job, pixels, failure is null, clock.Elapsed);
        }
        report.Finish();
        double seconds = clock.Elapsed.TotalSeconds;
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scanned {jobs.Count - failed} of {jobs.Count} photos ({megapixels / 1e6:F1} MP) into {outDir} in {seconds:F2} s: {(jobs.Count - failed) / seconds:F1} photos/s, {megapixels / 1e6 / seconds:F1} MP/s."));
        if (failed > 0)
        {
            context.Error.WriteLine($"edgenet: {failed} of {jobs.Count} photos could not be scanned (named above); the others were written.");
            return ExitCodes.Failure;
        }
        return ExitCodes.Success;
    }

    /// <summary>Every photo and its files, checked before any work: paths exist, no output replaces an input.</summary>
    private static List<Job> Plan(Request request, string outDir)
    {
        var found = new List<(string Path, string Name)>();
        foreach (string given in request.Paths)
        {
            string full = Path.GetFullPath(given);
            if (Directory.Exists(full))
            {
                var option = request.Recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
                IEnumerable<string> photos = Directory.EnumerateFiles(full, "*", option)
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Where(f => !(IsInside(f, outDir) && OutputSuffixes.Any(s => f.EndsWith(s, StringComparison.OrdinalIgnoreCase))))
                    .Order(StringComparer.Ordinal);
                found.AddRange(photos.Select(f => (f, Path.GetRelativePath(full, f))));
            }
            else if (File.Exists(full))
            {
                found.Add((full, Path.GetFileName(full)));
            }
            else
            {
                throw new FileNotFoundException($"'{given}' is neither a file nor a folder.");
            }
        }
        found = [.. found.DistinctBy(f => f.Path)];
        if (found.Count == 0)
        {
            throw new InvalidDataException($"No PNG or JPEG files in {string.Join(", ", request.Paths)}{(request.Recursive ? string.Empty : " (add --recursive for subfolders)")}.");
        }
        // NAME is the relative path without its extension; photos that would share one keep their extension.
        var stems = found.Select(f => Path.ChangeExtension(f.Name, null)).ToList();
        var shared = stems.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var jobs = new List<Job>();
        var outputs = new HashSet<string>(StringComparer.Ordinal);
        var inputs = found.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < found.Count; i++)
        {
            string name = shared.Contains(stems[i]) ? found[i].Name : stems[i];
            ScanFiles files = ScanFiles.InFolder(outDir, name, request.Outputs);
            foreach (string path in files.All)
            {
                if (inputs.Contains(path))
                {
                    throw new UsageException($"The output '{path}' would replace one of the photos; choose another --out-dir.");
                }
                if (!outputs.Add(path))
                {
                    throw new UsageException($"Two photos would both be written to '{path}'; scan them into different folders.");
                }
            }
            jobs.Add(new Job(found[i].Path, found[i].Name, files));
        }
        return jobs;
    }

    private static bool IsInside(string file, string folder) =>
        file.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static Pending Open(Job job, long maxPixels)
    {
        try
        {
            return new Pending(job, ScanFiles.Start(job.Path, maxPixels), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new Pending(job, null, e.Message);
        }
    }

    /// <summary>What the command line asked for.</summary>
    public sealed record Request(FileInfo Model, string[] Paths, DirectoryInfo OutDir, bool Recursive, ScanOutputs Outputs, long MaxPixels, int? Patch);

    /// <summary>One photo: where it is, how to name it, and its files.</summary>
    public sealed record Job(string Path, string Source, ScanFiles Files);

    private sealed record Pending(Job Job, GrayDecoding? Decoding, string? Failure);
}
