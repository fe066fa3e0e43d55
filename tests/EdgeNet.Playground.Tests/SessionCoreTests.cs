using System.Text;
using System.Text.Json;
using EdgeNet.Playground.Tests.Support;

namespace EdgeNet.Playground.Tests;

/// <summary>
/// Given the session with no transport at all (as the Web Worker drives it: messages in, <c>Run</c> when due, texts
/// out), then it answers as the server's session does and trains to <c>edgenet train</c>'s numbers.
/// </summary>
public sealed class SessionCoreTests
{
    [Fact]
    public void Hello_comes_first_and_nothing_is_due_until_a_message_gives_work()
    {
        // Given
        var session = NewSession();

        // Then
        Assert.Equal(["hello"], Types(Drain(session)));
        Assert.Null(session.Due);
    }

    [Fact]
    public void Played_flat_out_by_a_single_threaded_loop_the_run_ends_with_edgenet_trains_metrics()
    {
        // Given: the same settings as a command line
        using var folder = new TempFolder();
        CliRun.Of("train", "--log-every", "0", "--seed", "5", "--epochs", "30", "--batch-size", "4", "--shuffle", "--metrics", folder.File("cli.csv")).Succeeded();
        var session = NewSession();
        Drain(session);
        session.Receive("""{"type":"settings","settings":{"seed":"5","epochs":"30","batch":"4","shuffle":"true"}}""");
        session.Receive("""{"type":"speed","value":0}""");
        Assert.Equal(["run", "frame"], Types(Drain(session)));

        // When: played, and run whenever it is due, as the worker's loop runs it, until it stops asking
        session.Receive("""{"type":"play"}""");
        int calls = 0;
        var frames = new List<JsonElement>();
        while (session.Due is TimeSpan due)
        {
            Assert.Equal(TimeSpan.Zero, due);                                  // flat out: always at once
            session.Run();
            calls++;
            frames.AddRange(Drain(session).Where(m => Type(m) == "frame"));
        }
        session.Receive("""{"type":"download","what":"metrics"}""");
        JsonElement download = Assert.Single(Drain(session));

        // Then: the last frame says finished, the metrics are the command's to the byte
        Assert.True(calls >= 1);
        Assert.True(frames[^1].GetProperty("finished").GetBoolean());
        Assert.Equal(30, frames[^1].GetProperty("epoch").GetInt32());
        Assert.False(session.Playing);
        Assert.Equal(File.ReadAllText(folder.File("cli.csv")), download.GetProperty("text").GetString());
    }

    [Fact]
    public void A_paced_run_says_when_its_next_frame_is_due_and_a_pause_makes_it_idle()
    {
        // Given: a long run at 1 epoch a second
        var session = NewSession();
        session.Receive("""{"type":"settings","settings":{"epochs":"1000"}}""");
        session.Receive("""{"type":"speed","value":1}""");
        Drain(session);

        // When
        session.Receive("""{"type":"play"}""");
        session.Run();
        TimeSpan? playing = session.Due;
        session.Receive("""{"type":"pause"}""");
        session.Run();
        Drain(session);

        // Then: while playing, a wait of at most one frame interval; paused, nothing due
        Assert.NotNull(playing);
        Assert.InRange(playing.Value, TimeSpan.Zero, PlaygroundSession.FrameInterval);
        Assert.Null(session.Due);
    }

    [Fact]
    public void A_message_it_cannot_use_becomes_an_error_message_and_the_session_goes_on()
    {
        // Given
        var session = NewSession();
        Drain(session);

        // When
        session.Receive("not json");
        session.Refuse("That message was too large.");
        session.Receive("""{"type":"epoch"}""");

        // Then
        string[] errors = [.. Drain(session).Select(m => m.GetProperty("message").GetString()!)];
        Assert.Equal(["The page sent a message that is not JSON; it was ignored.", "That message was too large.", "Choose the settings first (the page sends them when it opens)."], errors);
    }

    [Fact]
    public void A_photo_the_browser_decoded_is_scanned_as_the_decoder_would_see_it()
    {
        // Given: a 6×4 RGBA picture, dark left half and bright right half
        var session = NewSession();
        session.Receive("""{"type":"settings","settings":{}}""");
        Drain(session);
        var rgba = new byte[6 * 4 * 4];
        for (int i = 0; i < 24; i++)
        {
            byte v = i % 6 < 3 ? (byte)20 : (byte)230;
            (rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2], rgba[4 * i + 3]) = (v, v, v, 255);
        }

        // When
        session.ReceivePhoto(PhotoUpload.Rgba("edge.png", rgba, 6, 4));
        session.ReceivePhoto(PhotoUpload.Rgba("tiny.png", new byte[2 * 2 * 4], 2, 2));

        // Then
        JsonElement[] replies = Drain(session);
        Assert.Equal(["photo", "error"], Types(replies));
        Assert.Equal(6, replies[0].GetProperty("width").GetInt32());
        Assert.StartsWith("data:image/png;base64,", replies[0].GetProperty("map").GetString(), StringComparison.Ordinal);
        Assert.Equal("tiny.png is 2×2 pixels; an image to scan needs at least 3×3.", replies[1].GetProperty("message").GetString());
    }

    private static PlaygroundSession NewSession() => new(new PlaygroundLimits(), new SessionRegistry(1), PlaygroundPhotos.Instance);

    private static JsonElement[] Drain(PlaygroundSession session)
    {
        var messages = new List<JsonElement>();
        while (session.TryTakeOutgoing(out ReadOnlyMemory<byte> message))
        {
            using JsonDocument document = JsonDocument.Parse(Encoding.UTF8.GetString(message.Span));
            messages.Add(document.RootElement.Clone());
        }
        return [.. messages];
    }

    private static string Type(JsonElement message) => message.GetProperty("type").GetString()!;

    private static string[] Types(JsonElement[] messages) => [.. messages.Select(Type)];
}
