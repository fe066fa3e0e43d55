using System.Globalization;
using EdgeNet.Cli.Commands;
using EdgeNet.IO;
using Spectre.Console;

namespace EdgeNet.Cli.Output;

/// <summary>
/// Progress of a folder scan: in a terminal a live bar with photos/s and megapixels/s; when output is redirected,
/// one plain line a photo.
/// </summary>
internal sealed class FolderProgress
{
    private readonly CliContext _context;
    private readonly int _total;
    private readonly ProgressTask? _task;
    private readonly Spectre.Console.Progress? _progress;
    private readonly TaskCompletionSource _finished = new();
    private readonly Task? _running;
    private int _done;
    private long _pixels;

    public FolderProgress(CliContext context, int total)
    {
        _context = context;
        _total = total;
        if (!context.IsInteractive)
        {
            return;
        }
        _progress = AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn());
        var ready = new TaskCompletionSource<ProgressTask>();
        _running = Task.Run(() => _progress.Start(progress =>
        {
            ready.SetResult(progress.AddTask($"0/{total} photos", maxValue: total));
            _finished.Task.Wait();
        }));
        _task = ready.Task.Result;
    }

    /// <summary>One photo is done (or failed).</summary>
    public void Done(ScanFolder.Job job, long pixels, bool succeeded, TimeSpan elapsed)
    {
        _done++;
        _pixels += pixels;
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
        string rates = string.Create(CultureInfo.InvariantCulture, $"{_done / seconds:F1} photos/s, {_pixels / 1e6 / seconds:F1} MP/s");
        if (_task is not null)
        {
            _task.Description = $"{_done}/{_total} photos  {rates}";
            _task.Value = _done;
            return;
        }
        string result = succeeded ? $"→ {UserText.Escape(job.Files.Map, UserText.MaxLine)}" : "failed";
        _context.Out.WriteLine($"[{_done}/{_total}] {UserText.Escape(job.Source, UserText.MaxLine)} {result} ({rates})");
    }

    /// <summary>Removes the live bar.</summary>
    public void Finish()
    {
        _finished.TrySetResult();
        _running?.Wait();
    }
}
