// Load script for `edgenet playground` (not a timed test): starts the server as its own process, opens N WebSocket
// sessions that do what the page does (settings, Play), and reports the frames a second each session receives and
// the server's resident memory, for N = 1, 20, 50 (or the counts given).
//
//   dotnet run -c Release --project bench/PlaygroundLoad -- [counts=1,20,50] [seconds=10] [speed=20|0]
//
// speed is epochs a second per session (the page's default 20); 0 trains flat out, on 10,000 training patches instead
// of the tutorial's 100 so that no session reaches the page's cap of 10,000 epochs within the warm-up and the window
// (at 100 patches one session alone does about 1,000 epochs a second, and would stop after about 10 s).
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;

int[] counts = (args.Length > 0 ? args[0] : "1,20,50").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
int seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
string speed = args.Length > 2 ? args[2] : "20";

var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "edgenet.dll"), "playground", "--no-browser", "--port", "0" })
{
    start.ArgumentList.Add(arg);
}
using Process server = Process.Start(start)!;
try
{
    string line = (await server.StandardOutput.ReadLineAsync())!;
    var url = new Uri(line[(line.IndexOf("http", StringComparison.Ordinal))..]);
    var socketUrl = new Uri($"ws://{url.Authority}/ws");
    Console.WriteLine($"Server pid {server.Id} at {url}; {seconds} s per row; speed {(speed == "0" ? $"flat out on {Session.FlatOutPatches} patches" : speed + " epochs/s on 100 patches")}; {Environment.ProcessorCount} processors");
    Console.WriteLine($"Idle server memory: {Rss(server.Id)} MB");
    Console.WriteLine();
    Console.WriteLine("| sessions | frames/s per session: min | median | max | epochs/s per session (median) | server memory (MB) |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
    foreach (int count in counts)
    {
        var sessions = new List<Session>();
        for (int i = 0; i < count; i++)
        {
            sessions.Add(await Session.OpenAsync(socketUrl, i, speed));
        }
        await Task.Delay(2000);                                          // warm up
        var before = sessions.Select(s => (s.Frames, s.Epoch)).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        double elapsed = clock.Elapsed.TotalSeconds;
        double[] fps = [.. sessions.Select((s, i) => (s.Frames - before[i].Frames) / elapsed).Order()];
        double[] eps = [.. sessions.Select((s, i) => (s.Epoch - before[i].Epoch) / elapsed).Order()];
        long rss = Rss(server.Id);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {count} | {fps[0]:F1} | {fps[fps.Length / 2]:F1} | {fps[^1]:F1} | {eps[eps.Length / 2]:F1} | {rss} |"));
        foreach (Session session in sessions)
        {
            await session.DisposeAsync();
        }
        await Task.Delay(1500);
    }
    Console.WriteLine();
    Console.WriteLine($"After every session closed: {Rss(server.Id)} MB");
}
finally
{
    server.Kill();
    await server.WaitForExitAsync();
}

static long Rss(int pid)
{
    string? line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

/// <summary>One tab's worth of traffic: settings, Play, then count the frames (and the epoch each one reports).</summary>
internal sealed class Session : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private int _frames;
    private int _epoch;

    public int Frames => Volatile.Read(ref _frames);

    public int Epoch => Volatile.Read(ref _epoch);

    /// <summary>Training patches of a flat-out session: enough that 10,000 epochs outlast the measurement.</summary>
    public const string FlatOutPatches = "10000";

    public static async Task<Session> OpenAsync(Uri url, int seed, string speed)
    {
        var session = new Session();
        await session._socket.ConnectAsync(url, CancellationToken.None);
        await session.SendAsync($"{{\"type\":\"speed\",\"value\":{speed}}}");
        string patches = speed == "0" ? FlatOutPatches : "100";
        await session.SendAsync($"{{\"type\":\"settings\",\"settings\":{{\"epochs\":\"10000\",\"train\":\"{patches}\",\"seed\":\"{seed}\"}}}}");
        await session.SendAsync("{\"type\":\"play\"}");
        session._receiving = session.ReceiveAsync();
        return session;
    }

    private Task SendAsync(string text) => _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                message.SetLength(0);
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, _stop.Token);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                string text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)Math.Min(message.Length, 200));
                if (text.StartsWith("{\"type\":\"frame\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _frames);
                    int at = text.IndexOf("\"epoch\":", StringComparison.Ordinal) + 8;
                    int end = text.IndexOf(',', at);
                    Volatile.Write(ref _epoch, int.Parse(text[at..end], CultureInfo.InvariantCulture));
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            using var timeout = new CancellationTokenSource(2000);
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        await _receiving;
        _socket.Dispose();
        _stop.Dispose();
    }
}
