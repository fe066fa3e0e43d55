using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace EdgeNet.Playground;

/// <summary>
/// Drives one <see cref="PlaygroundSession"/> over a tab's WebSocket: messages are read on one task and handed to the
/// session in order on this loop; between them the loop runs the session when it is due and sends what it queued.
/// When the socket closes (the tab is gone), the loop ends and training stops with it.
/// </summary>
internal sealed class SocketSession(WebSocket socket, PlaygroundSession session, PlaygroundLimits limits)
{
    /// <summary>Runs until the page closes the socket or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var inbox = Channel.CreateBounded<Incoming>(new BoundedChannelOptions(32) { SingleReader = true, SingleWriter = true });
        Task receiving = ReceiveAsync(inbox.Writer, done.Token);
        try
        {
            await FlushAsync(done.Token);                                    // the session's hello
            await LoopAsync(inbox.Reader, done.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ChannelClosedException)
        {
            // the tab went away or the server is stopping: nothing to tell anyone
        }
        finally
        {
            session.Close();
            await done.CancelAsync();
            try
            {
                await receiving;
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
            }
            await CloseQuietlyAsync();
        }
    }

    private async Task LoopAsync(ChannelReader<Incoming> inbox, CancellationToken cancel)
    {
        Task<bool>? waiting = null;
        while (!cancel.IsCancellationRequested)
        {
            waiting ??= inbox.WaitToReadAsync(cancel).AsTask();
            TimeSpan? due = session.Due;
            if (due is null)
            {
                await waiting;
            }
            else if (due == TimeSpan.Zero)
            {
                if (session.Playing)
                {
                    await Task.Yield();                                      // flat out: train on, but let the other sessions run between slices
                }
            }
            else if (!waiting.IsCompleted)
            {
                await Task.WhenAny(waiting, Task.Delay(due.Value, cancel));
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
                    if (message.Text is { } text)
                    {
                        session.Receive(text);
                    }
                    else
                    {
                        session.Refuse(message.Problem!);
                    }
                    await FlushAsync(cancel);
                }
            }
            session.Run();
            await FlushAsync(cancel);
        }
    }

    private async Task FlushAsync(CancellationToken cancel)
    {
        while (session.TryTakeOutgoing(out ReadOnlyMemory<byte> message))
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancel);
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
                    result = await socket.ReceiveAsync(buffer, cancel);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }
                    if (message.Length + result.Count > limits.MaxMessageBytes)
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
                    ? new Incoming(null, $"That message was over the playground's cap of {limits.MaxMessageBytes} bytes: the file is too large (CSV up to {limits.MaxCsvBytes} bytes, photos up to {limits.MaxPhotoBytes} bytes).")
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

    private async Task CloseQuietlyAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>A message from the page, or why it could not be read.</summary>
    private sealed record Incoming(string? Text, string? Problem);
}
