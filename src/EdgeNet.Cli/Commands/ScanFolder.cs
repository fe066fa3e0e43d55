using System.Diagnostics;
using System.Globalization;
using EdgeNet.Cli.Input;
using EdgeNet.Cli.Output;
using EdgeNet.IO;
using EdgeNet.Imaging;
using EdgeNet.Models;

namespace EdgeNet.Cli.Commands;

/// <summary>
/// <c>edgenet scan --out-dir DIR PATH...</c>: every photo of the paths (files, and the PNG and JPEG files of folders)
/// into DIR/NAME.edges.png and the other pictures asked for. The next photo is decoded while this one is scanned and
/// the one before is encoded and written, so at most three photos are held at once (a gray byte a pixel for the next,
/// the pictures of this one and the last). A file that cannot be read or written is named on stderr and skipped; the
/// exit code is then 1, after every other photo is done.
/// </summary>
internal static class ScanFolder
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];
    private static readonly string[] OutputSuffixes = [".edges.png", ".probability.png", ".sobel.png", ".overlay.png"];

    /// <summary>Most photos of one run: the plan holds a few paths for each (about 1 KB), so this bounds its memory.</summary>
    public const int MaxPhotos = 100_000;

    public static int Run(CliContext context, Request request)
    {
        Model loaded = ModelOption.Load(request.Model);
        int patch = ScanCommand.PatchOf(loaded, request.Patch);
        (IReadOnlyList<Job> jobs, string outDir) = Plan(request);
        var scanner = new PhotoScanner(loaded.Network, loaded.ClassNames, patch, request.Outputs.Settings(Environment.ProcessorCount));
        var report = new FolderProgress(context, jobs.Count);
        int failed = 0;
        long megapixels = 0;
        var clock = Stopwatch.StartNew();
        TimeSpan cpuBefore = Environment.CpuUsage.TotalTime;
        ScanTimings? timings = request.Outputs.Timings;
        Pending? next = Open(jobs[0], request.MaxPixels, timings);
        Saving? saving = null;
        for (int i = 0; i < jobs.Count; i++)
        {
            Pending current = next!;
            next = i + 1 < jobs.Count ? Open(jobs[i + 1], request.MaxPixels, timings) : null;   // decoded while this one is scanned
            string? failure = current.Failure;
            ScanPictures? pictures = null;
            if (failure is null)
            {
                try
                {
                    using GrayDecoding decoding = current.Decoding!;
                    pictures = scanner.Scan(decoding);
                }
                catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    failure = e.Message;
                }
            }
            Finished(saving);                                                      // the one before, in order
            saving = null;
            if (pictures is null)
            {
                Finished(new Saving(current.Job, 0, Task.FromResult(failure)));
            }
            else
            {
                ScanFiles files = current.Job.Files;
                saving = new Saving(current.Job, pictures.Image.PixelCount, Task.Run(() => Save(files, pictures, timings)));   // encoded and written while the next is scanned
            }
        }
        Finished(saving);
        report.Finish();

        TimeSpan wall = clock.Elapsed, cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        double seconds = wall.TotalSeconds;
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scanned {jobs.Count - failed} of {jobs.Count} photos ({megapixels / 1e6:F1} MP) into {UserText.Quote(outDir)} in {seconds:F2} s: {(jobs.Count - failed) / seconds:F1} photos/s, {megapixels / 1e6 / seconds:F1} MP/s."));
        if (timings is not null)
        {
            ScanText.PrintTimings(context.Out, timings, jobs.Count - failed, megapixels, wall, cpu);
        }
        if (failed > 0)
        {
            ErrorLine.Write(context.Error, $"{failed} of {jobs.Count} photos could not be scanned (named above); the others were written.");
            return ExitCodes.Failure;
        }
        return ExitCodes.Success;

        void Finished(Saving? done)
        {
            if (done is null)
            {
                return;
            }
            string? failure = done.Failure.GetAwaiter().GetResult();
            long pixels = failure is null ? done.Pixels : 0;
            megapixels += pixels;
            if (failure is not null)
            {
                failed++;
                ErrorLine.Write(context.Error, $"{UserText.Quote(done.Job.Source)}: {failure}");
            }
            report.Done(done.Job, pixels, failure is null, clock.Elapsed);
        }
    }

    /// <summary>
    /// Every photo and its files, checked before any work through the command's <see cref="OutputPlan"/>: the paths
    /// exist, every output can be written, none is an input (the model, a photo; by path or by identity) and none
    /// repeats. Creates the output folders once all is checked.
    /// </summary>
    private static (List<Job> Jobs, string OutDir) Plan(Request request)
    {
        string outDir = Path.TrimEndingDirectorySeparator(request.OutDir.FullName);
        var found = new List<(string Path, string Name)>();
        foreach (string given in request.Paths)
        {
            string full = Path.GetFullPath(given);
            FileStatus status = FileStatus.Of(full);
            if (status.Kind == FileKind.Directory)
            {
                foreach ((string path, string name) in PhotoWalk.Photos(full, request.Recursive, IsPhoto))
                {
                    if (!(IsInside(path, outDir) && OutputSuffixes.Any(s => path.EndsWith(s, StringComparison.OrdinalIgnoreCase))))
                    {
                        found.Add((path, name));
                    }
                    if (found.Count > MaxPhotos)
                    {
                        throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"More than {MaxPhotos:N0} photos to scan; scan at most {MaxPhotos:N0} in one run (fewer folders, or without --recursive)."));
                    }
                }
            }
            else if (status.Kind == FileKind.Regular)
            {
                found.Add((full, Path.GetFileName(full)));
            }
            else if (status.Kind == FileKind.Missing)
            {
                throw new FileNotFoundException($"{UserText.Quote(given)} does not exist.");
            }
            else
            {
                throw new InvalidDataException($"{UserText.Quote(given)} is {FileStatus.Describe(status.Kind)}, neither a photo nor a folder.");
            }
        }
        found = [.. found.DistinctBy(f => f.Path)];
        if (found.Count == 0)
        {
            throw new InvalidDataException($"No PNG or JPEG files in {string.Join(", ", request.Paths.Select(p => UserText.Quote(p)))}{(request.Recursive ? string.Empty : " (add --recursive for subfolders)")}.");
        }
        var plan = new OutputPlan();
        plan.Input(request.Model, "--model");
        foreach ((string path, string name) in found)
        {
            plan.Input(path, $"PATH ({UserText.Quote(name)})");
        }
        // NAME is the relative path without its extension; photos that would share one keep their extension.
        var stems = found.Select(f => Path.ChangeExtension(f.Name, null)).ToList();
        var shared = stems.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var jobs = new List<Job>();
        for (int i = 0; i < found.Count; i++)
        {
            string name = shared.Contains(stems[i]) ? found[i].Name : stems[i];
            jobs.Add(new Job(found[i].Path, found[i].Name, ScanFiles.InFolder(outDir, name, request.Outputs)));
        }
        // Each folder of outputs (DIR, and with --recursive its subfolders), parents first, with the files it gets.
        var planned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in jobs.SelectMany(j => j.Files.All).GroupBy(f => Path.GetDirectoryName(f)!).OrderBy(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (string parent in Parents(folder.Key, outDir).Where(planned.Add))
            {
                plan.Folder(new DirectoryInfo(parent), "--out-dir", []);
            }
            planned.Add(folder.Key);
            plan.Folder(new DirectoryInfo(folder.Key), "--out-dir", folder.Select(f => Path.GetFileName(f)));
        }
        plan.CreateFolders();
        return (jobs, outDir);
    }

    // DIR and the folders between it and a subfolder of outputs, outermost first.
    private static IEnumerable<string> Parents(string folder, string outDir)
    {
        var chain = new List<string>();
        for (string? f = Path.GetDirectoryName(folder); f is not null && (f.Length >= outDir.Length); f = Path.GetDirectoryName(f))
        {
            chain.Add(f);
        }
        chain.Reverse();
        return chain;
    }

    private static bool IsPhoto(string name) => Extensions.Contains(Path.GetExtension(name).ToLowerInvariant());

    private static bool IsInside(string file, string folder) =>
        file.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // Encodes and writes a photo's pictures; the message when that fails.
    private static string? Save(ScanFiles files, ScanPictures pictures, ScanTimings? timings)
    {
        try
        {
            files.Write(pictures, timings);
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    private static Pending Open(Job job, long maxPixels, ScanTimings? timings)
    {
        try
        {
            return new Pending(job, ScanFiles.Start(job.Path, maxPixels, timings), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new Pending(job, null, e.Message);
        }
    }

    /// <summary>A photo's pictures being encoded and written; <see cref="Failure"/> gives null when all went well.</summary>
    private sealed record Saving(Job Job, long Pixels, Task<string?> Failure);

    /// <summary>What the command line asked for.</summary>
    public sealed record Request(FileInfo Model, string[] Paths, DirectoryInfo OutDir, bool Recursive, ScanOutputs Outputs, long MaxPixels, int? Patch);

    /// <summary>One photo: where it is, how to name it, and its files.</summary>
    public sealed record Job(string Path, string Source, ScanFiles Files);

    private sealed record Pending(Job Job, GrayDecoding? Decoding, string? Failure);
}
