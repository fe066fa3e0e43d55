using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using EdgeNet.Training;

namespace EdgeNet.Playground;

/// <summary>
/// One tab: its own run, trained in this session's loop and nowhere else. Messages from the page are read on one
/// task and handled in order on the loop; while playing, the loop trains in slices and sends a frame about 15
/// times a second. When the socket closes (the tab is gone), the loop ends and training stops with it.
/// </summary>
internal sealed partial class PlaygroundSession
{
    /// <summary>Time between frames while training: 15 a second.</summary>
    internal static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(66);

    /// <summary>Longest training slice between two looks at the inbox.</summary>
    private static readonly TimeSpan SliceBudget = TimeSpan.FromMilliseconds(45);

    /// <summary>Shortest slice when training flat out (at least an epoch is trained each time anyway).</summary>
    private static readonly TimeSpan MinimumSlice = TimeSpan.FromMilliseconds(1);

    private readonly WebSocket _socket;
    private readonly PlaygroundLimits _limits;
    private readonly SessionRegistry _registry;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private PlaygroundRun? _run;
    private int _runVersion;
    private int _pointsSent;
    private bool _playing;
    private double _speed = 20;                       // epochs a second; 0: as fast as it goes
    private TimeSpan _playStarted;
    private int _epochsAtPlay;
    private TimeSpan _lastFrame = TimeSpan.MinValue;
    private bool _dirty;
    private bool _admitted;
    private long _footprint;                          // bytes of the registry's memory budget this session holds

    public PlaygroundSession(WebSocket socket, PlaygroundLimits limits, SessionRegistry registry)
    {
        _socket = socket;
        _limits = limits;
        _registry = registry;
    }

    /// <summary>Runs until the page closes the socket or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var inbox = Channel.CreateBounded<Incoming>(new BoundedChannelOptions(32) { SingleReader = true, SingleWriter = true });
        Task receiving = ReceiveAsync(inbox.Writer, done.Token);
        try
        {
            await SendHelloAsync(done.Token);
            if (await AdmitAsync(inbox.Reader, done.Token))
            {
                await LoopAsync(inbox.Reader, done.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ChannelClosedException)
        {
            // the tab went away or the server is stopping: nothing to tell anyone
        }
        finally
        {
            SetPlaying(false);
            await CloseQuietlyAsync();                                       // the close frame first, so the page reads all sent before it,
            try
            {
                await receiving.WaitAsync(TimeSpan.FromSeconds(1));          // then the page's answering close (a cancelled receive aborts)
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException or WebSocketException)
            {
            }
            await done.CancelAsync();
            try
            {
                await receiving;
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
            }
            if (_admitted)
            {
                _registry.Leave(_footprint);
            }
        }
    }

    // Waits for the page's first message (at most FirstMessageTimeout: a silent connection is closed and never held a
    // place), then takes a place in the registry: the tab cap and the session's footprint without a run.
    private async Task<bool> AdmitAsync(ChannelReader<Incoming> inbox, CancellationToken cancel)
    {
        using var silent = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        silent.CancelAfter(_limits.FirstMessageTimeout);
        try
        {
            if (!await inbox.WaitToReadAsync(silent.Token))
            {
                return false;
            }
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return false;
        }
        if (_registry.TryEnter(RunFootprint.Session) is { } refusal)
        {
            var message = new JsonMessage("error");
            message.Writer.WriteString("message", refusal);
            message.Writer.WriteBoolean("fatal", true);
            await SendAsync(message, cancel);
            return false;
        }
        _admitted = true;
        _footprint = RunFootprint.Session;
        return true;
    }

    private async Task LoopAsync(ChannelReader<Incoming> inbox, CancellationToken cancel)
    {
        Task<bool>? waiting = null;
        while (!cancel.IsCancellationRequested)
        {
            waiting ??= inbox.WaitToReadAsync(cancel).AsTask();
            if (_playing && _speed > 0)
            {
                TimeSpan wait = _lastFrame + FrameInterval - _clock.Elapsed;
                if (wait > TimeSpan.Zero && !waiting.IsCompleted)
                {
                    await Task.WhenAny(waiting, Task.Delay(wait, cancel));
                }
            }
            else if (_playing)
            {
                await Task.Yield();                                          // flat out: train on, but let the other sessions run between slices
            }
            else
            {
                await waiting;
            }
            if (waiting.IsCompleted)
            {
                if (!await waiting)
                {
                    return;                                                  // the page closed the socket
                }
                waiting = null;
                while (inbox.TryRead(out Incoming? message))
                {
                    await HandleAsync(message, cancel);
                }
            }
            if (_playing)
            {
                TrainSlice();
            }
            if (_dirty && (!_playing || _clock.Elapsed - _lastFrame >= FrameInterval))
            {
                await SendFrameAsync(cancel);
            }
        }
    }

    // Trains as many epochs as the speed owes by now (when flat out: all it can until the next frame is due, within its
    // share of the processors, so that every training session still sends its frames on time).
    private void TrainSlice()
    {
        PlaygroundRun run = _run!;
        TimeSpan start = _clock.Elapsed;
        TimeSpan budget = SliceBudget;
        if (_speed == 0)
        {
            TimeSpan share = FrameInterval * Environment.ProcessorCount / (2.0 * Math.Max(1, _registry.Training));
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
        _registry.ChangeTraining(playing ? 1 : -1);
        if (playing)
        {
            _playStarted = _clock.Elapsed;
            _epochsAtPlay = _run!.History.Count;
        }
    }

    private async Task ReceiveAsync(ChannelWriter<Incoming> inbox, CancellationToken cancel)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var message = new MemoryStream();
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                message.SetLength(0);
                bool tooLarge = false;
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, cancel);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }
                    if (message.Length + result.Count > _limits.MaxMessageBytes)
                    {
                        tooLarge = true;                                     // read the rest, keep none of it
                        message.SetLength(0);
                    }
                    else if (!tooLarge)
                    {
                        message.Write(buffer, 0, result.Count);
                    }
                }
                while (!result.EndOfMessage);
                Incoming incoming = tooLarge
                    ? new Incoming(null, $"That message was over the playground's cap of {_limits.MaxMessageBytes} bytes: the file is too large (CSV up to {_limits.MaxCsvBytes} bytes, photos up to {_limits.MaxPhotoBytes} bytes).")
                    : result.MessageType == WebSocketMessageType.Text
                        ? new Incoming(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length), null)
                        : new Incoming(null, "The server takes text (JSON) messages only.");
                await inbox.WriteAsync(incoming, cancel);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            inbox.TryComplete();
        }
    }

    private async Task SendAsync(JsonMessage message, CancellationToken cancel)
    {
        using (message)
        {
            await _socket.SendAsync(message.Finish(), WebSocketMessageType.Text, endOfMessage: true, cancel);
        }
    }

    private async Task CloseQuietlyAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>A message from the page, or why it could not be read.</summary>
    private sealed record Incoming(string? Text, string? Problem);
}
