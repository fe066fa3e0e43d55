using System.Runtime.InteropServices.JavaScript;
using System.Text;

namespace EdgeNet.Playground;

/// <summary>
/// The session as engine-worker.js drives it, one call at a time on the worker's one thread: each call hands the
/// session a message or lets it run a slice, and returns the JSON texts to post to the page, in order.
/// <see cref="Due"/> tells the worker when to call <see cref="Run"/> next.
/// </summary>
internal static partial class WorkerEngine
{
    /// <summary>The browser's caps: a photo is scaled down to <see cref="PlaygroundLimits.MaxPhotoPixels"/> before the scan.</summary>
    internal static readonly PlaygroundLimits Limits = new() { MaxSessions = 1, MaxPhotoPixels = 250_000 };

    private static PlaygroundSession? _session;

    private static PlaygroundSession Session => _session ?? throw new InvalidOperationException("Start the engine first.");

    /// <summary>Starts the tab's session; returns its hello.</summary>
    [JSExport]
    internal static string[] Start()
    {
        _session = new PlaygroundSession(Limits, new OneSession(), new BrowserPhotos());
        return Outgoing();
    }

    /// <summary>One text message from the page, exactly as the WebSocket would carry it.</summary>
    [JSExport]
    internal static string[] Receive(string text)
    {
        Session.Receive(text);
        return Outgoing();
    }

    /// <summary>
    /// A photo the browser decoded (RGBA, not premultiplied) at <see cref="PhotoSize"/>; <paramref name="fileWidth"/> ×
    /// <paramref name="fileHeight"/> is the file's own size, named in the reply when the photo was scaled down.
    /// </summary>
    [JSExport]
    internal static string[] ReceivePhoto(string name, byte[] rgba, int width, int height, int fileWidth, int fileHeight)
    {
        string shown = width == fileWidth && height == fileHeight
            ? name
            : $"{name} (scaled from {fileWidth}×{fileHeight} to the browser's cap of {Limits.MaxPhotoPixels} pixels)";
        Session.ReceivePhoto(PhotoUpload.Rgba(shown, rgba, width, height));
        return Outgoing();
    }

    /// <summary>The size to decode a <paramref name="width"/>×<paramref name="height"/> photo at: itself, or scaled down to the pixel cap.</summary>
    [JSExport]
    internal static int[] PhotoSize(int width, int height)
    {
        long pixels = (long)width * height;
        if (pixels <= Limits.MaxPhotoPixels)
        {
            return [width, height];
        }
        double scale = Math.Sqrt((double)Limits.MaxPhotoPixels / pixels);
        return [Math.Max(1, (int)(width * scale)), Math.Max(1, (int)(height * scale))];
    }

    /// <summary>Trains one slice when playing (at most the session's slice budget) and returns the frames it queued.</summary>
    [JSExport]
    internal static string[] Run()
    {
        Session.Run();
        return Outgoing();
    }

    /// <summary>Milliseconds until <see cref="Run"/> is wanted again; −1 when only a message can give the session work.</summary>
    [JSExport]
    internal static double Due() => Session.Due is TimeSpan due ? due.TotalMilliseconds : -1;

    private static string[] Outgoing()
    {
        var texts = new List<string>();
        while (Session.TryTakeOutgoing(out ReadOnlyMemory<byte> message))
        {
            texts.Add(Encoding.UTF8.GetString(message.Span));
        }
        return [.. texts];
    }

    /// <summary>A worker holds one session: it trains alone.</summary>
    private sealed class OneSession : ITrainingShare
    {
        private int _training;

        public int Training => _training;

        public void ChangeTraining(int change) => _training += change;
    }

    /// <summary>In the browser only pixels the browser decoded can be scanned (SkiaSharp does not run here).</summary>
    private sealed class BrowserPhotos : IPhotoScanner
    {
        public PhotoScan Scan(PhotoUpload photo, Network<double> network, IReadOnlyList<string> classNames, int patchSide, long maxPixels) =>
            photo.IsRgba
                ? PlaygroundPhotos.Instance.Scan(photo, network, classNames, patchSide, maxPixels)
                : throw new PlaygroundInputException($"{photo.Name} is not an image the browser can read (PNG or JPEG expected).");
    }
}
