using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using EdgeNet.Cli.Commands;

namespace EdgeNet.Playground.Tests;

/// <summary>
/// Given the server's memory budget, then a session's footprint computed from its settings bounds what its run
/// holds and allocates, a run that would pass the budget is refused with a message while the others go on, and a
/// connection that never sends its first message is closed without taking a learner's place. No browser: raw sockets.
/// </summary>
[Collection(MemoryCollection.Name)]
public sealed class MemoryBudgetTests
{
    private const string Small = """{"type":"settings","settings":{}}""";
    private const string Large = """{"type":"settings","settings":{"data":"varied","patch":"15","train":"20000","test":"5000","hidden":"16"}}""";

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"data":"varied","patch":"11","train":"3000","test":"600","hidden":"16,8","batch":"32","optimizer":"adam","lr":"0.01","epochs":"3"}""")]
    [InlineData("""{"data":"varied","patch":"21","train":"1500","test":"300","hidden":"64","batch":"500","optimizer":"nesterov","shuffle":"true","epochs":"2"}""")]
    [InlineData("""{"data":"varied","task":"orientation","patch":"9","train":"4000","test":"0","hidden":"32,32,16","epochs":"2"}""")]
    public void The_footprint_is_an_upper_bound_of_what_a_session_holds_and_allocates_in_an_epoch(string json)
    {
        // Given a session (no transport) and the footprint its settings give before any run is created
        var limits = new PlaygroundLimits();
        using JsonDocument document = JsonDocument.Parse(json);
        long footprint = RunFootprint.Of(RunSettings.Parse(document.RootElement, limits), null, null);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var session = new PlaygroundSession(limits, new SessionRegistry(1, long.MaxValue), PlaygroundPhotos.Instance);

        // When: the run is made, trains an epoch with its frame (what it holds after a collection), then one more
        // epoch and frame (what they allocate on top)
        Exchange(session, $$"""{"type":"settings","settings":{{json}}}""");
        Exchange(session, """{"type":"epoch"}""");
        long start = GC.GetTotalAllocatedBytes(precise: true);
        Exchange(session, """{"type":"epoch"}""");
        long epoch = GC.GetTotalAllocatedBytes(precise: true) - start;
        long held = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(session);

        // Then
        Assert.Equal(footprint, session.Footprint);
        Assert.True(held + epoch <= footprint, $"held {held} + one epoch's {epoch} bytes, over the footprint of {footprint}");
    }

    [Fact]
    public async Task A_run_over_the_budget_is_refused_with_a_message_and_the_other_tab_trains_on()
    {
        // Given a budget that holds two sessions and the tutorial's run, not the large one
        long tutorial = RunFootprint.Of(Tutorial(), null, null);
        await using PlaygroundServer server = await PlaygroundServer.StartAsync(new PlaygroundOptions { Limits = new PlaygroundLimits { MemoryBudget = RunFootprint.Session + tutorial + (1 << 20) } });
        using var first = await Socket.OpenAsync(server.Url);
        using var second = await Socket.OpenAsync(server.Url);

        // When
        await first.SendAsync(Small);
        await first.ReceiveAsync("run");
        await second.SendAsync(Large);
        JsonElement refused = await second.ReceiveAsync("error");
        await first.SendAsync("""{"type":"epoch"}""");
        JsonElement frame = await first.ReceiveAsync("frame", m => m.GetProperty("epoch").GetInt32() == 1);

        // Then
        Assert.StartsWith("This run needs about ", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("of the playground's budget of ", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, frame.GetProperty("epoch").GetInt32());
        Assert.Equal(2, server.OpenSessions);
        Assert.True(server.MemoryReserved <= server.MemoryBudget);
        Assert.Equal(RunFootprint.Session + tutorial, server.MemoryReserved);
    }

    private static RunSettings Tutorial()
    {
        using JsonDocument empty = JsonDocument.Parse("{}");
        return RunSettings.Parse(empty.RootElement, new PlaygroundLimits());
    }

    [Fact]
    public async Task A_tab_that_does_not_fit_the_budget_gets_a_fatal_message()
    {
        // Given a budget smaller than one session
        await using PlaygroundServer server = await PlaygroundServer.StartAsync(new PlaygroundOptions { Limits = new PlaygroundLimits { MemoryBudget = RunFootprint.Session - 1 } });
        using var tab = await Socket.OpenAsync(server.Url);

        // When
        await tab.SendAsync(Small);
        JsonElement refused = await tab.ReceiveAsync("error");

        // Then
        Assert.StartsWith("The playground's memory budget (2 MB) is taken by the tabs open now", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(refused.GetProperty("fatal").GetBoolean());
        Assert.True(await tab.ClosedAsync());
        Assert.Equal(0, server.OpenSessions);
    }

    [Fact]
    public async Task Silent_connections_take_no_place_and_are_closed_after_the_first_message_timeout()
    {
        // Given a server of one tab whose silent connections wait long, and one whose wait is short
        await using PlaygroundServer patient = await PlaygroundServer.StartAsync(new PlaygroundOptions { Limits = new PlaygroundLimits { MaxSessions = 1, FirstMessageTimeout = TimeSpan.FromMinutes(10) } });
        await using PlaygroundServer brisk = await PlaygroundServer.StartAsync(new PlaygroundOptions { Limits = new PlaygroundLimits { FirstMessageTimeout = TimeSpan.FromMilliseconds(50) } });
        Socket[] silent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Socket.OpenAsync(patient.Url)));
        using var learner = await Socket.OpenAsync(patient.Url);
        using var idle = await Socket.OpenAsync(brisk.Url);

        // When
        await learner.SendAsync(Small);
        JsonElement run = await learner.ReceiveAsync("run");
        bool closed = await idle.ClosedAsync();

        // Then: five silent sockets did not fill the one place; the silent socket on the brisk server was closed
        Assert.Equal("run", run.GetProperty("type").GetString());
        Assert.Equal(1, patient.OpenSessions);
        Assert.True(closed);
        Assert.Equal(0, brisk.OpenSessions);
        foreach (Socket socket in silent)
        {
            socket.Dispose();
        }
    }

    // Hands the session one message, runs what is due and drops what it sends (as a host does, without the socket).
    private static void Exchange(PlaygroundSession session, string message)
    {
        session.Receive(message);
        session.Run();
        while (session.TryTakeOutgoing(out _))
        {
        }
    }

    [Theory]
    [InlineData("2G", 2L << 30)]
    [InlineData("512M", 512L << 20)]
    [InlineData("1.5GiB", 3L << 29)]
    [InlineData("300000000", 300_000_000)]
    [InlineData("64mb", 64L << 20)]
    public void Memory_budget_sizes_read_as_bytes(string text, long bytes) => Assert.Equal(bytes, PlaygroundCommand.ParseSize(text));

    /// <summary>A raw WebSocket to the server, as the page's: reads until a message of a type, within a minute.</summary>
    private sealed class Socket : IDisposable
    {
        private readonly ClientWebSocket _socket = new();

        public static async Task<Socket> OpenAsync(Uri server)
        {
            var socket = new Socket();
            socket._socket.Options.SetRequestHeader("Origin", server.GetLeftPart(UriPartial.Authority));
            await socket._socket.ConnectAsync(new Uri($"ws://{server.Authority}/ws"), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
            await socket.ReceiveAsync("hello");
            return socket;
        }

        public Task SendAsync(string text) => _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

        public async Task<JsonElement> ReceiveAsync(string type, Func<JsonElement, bool>? and = null)
        {
            while (true)
            {
                string? text = await NextAsync().WaitAsync(TimeSpan.FromMinutes(1));
                Assert.True(text is not null, $"the server closed the socket before a '{type}' message");
                using JsonDocument message = JsonDocument.Parse(text);
                if (message.RootElement.GetProperty("type").GetString() == type && (and is null || and(message.RootElement)))
                {
                    return message.RootElement.Clone();
                }
            }
        }

        /// <summary>Reads to the server's close (its close frame, or the connection's end; every message before it is dropped).</summary>
        public async Task<bool> ClosedAsync()
        {
            try
            {
                while (await NextAsync().WaitAsync(TimeSpan.FromMinutes(1)) is not null)
                {
                }
            }
            catch (WebSocketException)
            {
                // the server ended the connection right after its close frame
            }
            return _socket.State is WebSocketState.Closed or WebSocketState.CloseReceived or WebSocketState.Aborted;
        }

        public void Dispose() => _socket.Dispose();

        private async Task<string?> NextAsync()
        {
            var buffer = new byte[1 << 16];
            using var text = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }
                text.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            return Encoding.UTF8.GetString(text.ToArray());
        }
    }
}

/// <summary>Memory measurements run alone: no other test allocates beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollection
{
    public const string Name = "memory";
}
