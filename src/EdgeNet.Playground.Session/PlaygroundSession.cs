using System.Diagnostics;
using EdgeNet.Training;

namespace EdgeNet.Playground;

/// <summary>
/// One tab's engine: its own run, trained here and nowhere else. The session knows no transport and no thread: a
/// host hands it the page's messages (<see cref="Receive"/>), lets it work (<see cref="Run"/>, one short slice at a
/// time) and sends what it queued (<see cref="TryTakeOutgoing"/>). <see cref="Due"/> says when it next wants to run,
/// so one thread can drive it: the native server's loop over a WebSocket, or the browser's Web Worker between
/// messages. While playing, it trains in slices of at most <see cref="SliceBudget"/> and queues a frame about 15 times a
/// second.
/// </summary>
internal sealed partial class PlaygroundSession
{
    /// <summary>Time between frames while training: 15 a second.</summary>
    internal static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(66);

    /// <summary>Longest training slice between two looks at the inbox.</summary>
    internal static readonly TimeSpan SliceBudget = TimeSpan.FromMilliseconds(45);

    /// <summary>Shortest slice when training flat out (at least an epoch is trained each time anyway).</summary>
    private static readonly TimeSpan MinimumSlice = TimeSpan.FromMilliseconds(1);

    private readonly PlaygroundLimits _limits;
    private readonly ITrainingShare _share;
    private readonly IPhotoScanner _photos;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Queue<ReadOnlyMemory<byte>> _outbox = new();
    private PlaygroundRun? _run;
    private int _runVersion;
    private int _pointsSent;
    private bool _playing;
    private double _speed = 20;                       // epochs a second; 0: as fast as it goes
    private TimeSpan _playStarted;
    private int _epochsAtPlay;
    private TimeSpan _lastFrame = TimeSpan.MinValue;
    private bool _dirty;

    /// <summary>A session that queues its <c>hello</c> at once.</summary>
    /// <param name="limits">The caps this host enforces (the page is told them in <c>hello</c>).</param>
    /// <param name="share">The sessions training on this host, among which flat-out training shares the processors.</param>
    /// <param name="photos">How this host decodes and scans an uploaded photo.</param>
    public PlaygroundSession(PlaygroundLimits limits, ITrainingShare share, IPhotoScanner photos)
    {
        _limits = limits;
        _share = share;
        _photos = photos;
        SendHello();
    }

    /// <summary>
    /// When the session next wants <see cref="Run"/>: <see langword="null"/> when only a message can give it work (paused,
    /// or nothing queued), <see cref="TimeSpan.Zero"/> at once, otherwise after that long (the next frame of a paced run).
    /// </summary>
    public TimeSpan? Due
    {
        get
        {
            if (!_playing)
            {
                return _dirty ? TimeSpan.Zero : null;
            }
            if (_speed == 0)
            {
                return TimeSpan.Zero;                                        // flat out
            }
            TimeSpan wait = _lastFrame + FrameInterval - _clock.Elapsed;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    /// <summary>True while the run is playing.</summary>
    public bool Playing => _playing;

    /// <summary>Handles one text message from the page (JSON); every failure it can cause is queued as an "error".</summary>
    public void Receive(string text) => Handle(text, null);

    /// <summary>Tells the page why a message it sent could not be read (too large, not text).</summary>
    public void Refuse(string problem) => Handle(null, problem);

    /// <summary>
    /// Does what is due now: trains one slice (at most <see cref="SliceBudget"/>) while playing, then queues a frame when
    /// something changed and one is due. Returns at once when there is nothing to do.
    /// </summary>
    public void Run()
    {
        if (_playing)
        {
            TrainSlice();
        }
        if (_dirty && (!_playing || _clock.Elapsed - _lastFrame >= FrameInterval))
        {
            SendFrame();
        }
    }

    /// <summary>The next message to send to the page (UTF-8 JSON text), in order.</summary>
    public bool TryTakeOutgoing(out ReadOnlyMemory<byte> message) => _outbox.TryDequeue(out message);

    /// <summary>The page is gone: stops training (and leaves the host's count of training sessions).</summary>
    public void Close() => SetPlaying(false);

    // Trains as many epochs as the speed owes by now (when flat out: all it can until the next frame is due, within its
    // share of the processors, so that every training session still sends its frames on time).
    private void TrainSlice()
    {
        PlaygroundRun run = _run!;
        TimeSpan start = _clock.Elapsed;
        TimeSpan budget = SliceBudget;
        if (_speed == 0)
        {
            TimeSpan share = FrameInterval * Environment.ProcessorCount / (2.0 * Math.Max(1, _share.Training));
            TimeSpan untilFrame = _lastFrame + FrameInterval - start;
            budget = TimeSpan.FromTicks(Math.Clamp(Math.Min(share.Ticks, untilFrame.Ticks), MinimumSlice.Ticks, SliceBudget.Ticks));
        }
        try
        {
            while (!run.Finished && _clock.Elapsed - start < budget)
            {
                if (_speed > 0)
                {
                    double owed = (_clock.Elapsed - _playStarted).TotalSeconds * _speed - (run.History.Count - _epochsAtPlay);
                    if (owed < 1)
                    {
                        break;
                    }
                }
                run.Epoch();
                _dirty = true;
            }
        }
        catch (TrainingDivergedException e)
        {
            Facts.Diverged = true;
            SetPlaying(false);
            _dirty = true;
            _pendingError = e.Message;
        }
        if (run.Finished)
        {
            SetPlaying(false);
            _dirty = true;
        }
    }

    private void SetPlaying(bool playing)
    {
        if (playing == _playing)
        {
            return;
        }
        _playing = playing;
        _share.ChangeTraining(playing ? 1 : -1);
        if (playing)
        {
            _playStarted = _clock.Elapsed;
            _epochsAtPlay = _run!.History.Count;
        }
    }

    private void Send(JsonMessage message)
    {
        using (message)
        {
            _outbox.Enqueue(message.Finish().ToArray());
        }
    }
}
