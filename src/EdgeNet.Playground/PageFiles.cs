using System.Collections.Frozen;

namespace EdgeNet.Playground;

/// <summary>
/// The page's own files, compiled into this assembly. A request names one of these exact paths or gets 404:
/// nothing the client sends ever reaches the file system.
/// </summary>
internal static class PageFiles
{
    private static readonly FrozenDictionary<string, (string Resource, string ContentType)> Routes = new Dictionary<string, (string, string)>
    {
        ["/"] = ("wwwroot/index.html", "text/html; charset=utf-8"),
        ["/app.js"] = ("wwwroot/app.js", "text/javascript; charset=utf-8"),
        ["/style.css"] = ("wwwroot/style.css", "text/css; charset=utf-8"),
        ["/vendor/uPlot.iife.min.js"] = ("wwwroot/vendor/uPlot.iife.min.js", "text/javascript; charset=utf-8"),
        ["/vendor/uPlot.min.css"] = ("wwwroot/vendor/uPlot.min.css", "text/css; charset=utf-8"),
        ["/vendor/LICENSE-uPlot.txt"] = ("wwwroot/vendor/LICENSE-uPlot.txt", "text/plain; charset=utf-8"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, byte[]> Contents = Routes.Values.ToFrozenDictionary(r => r.Resource, r => Read(r.Resource), StringComparer.Ordinal);

    /// <summary>Where the page's engine is: this server's WebSocket (served at <c>/engine.json</c>).</summary>
    public static readonly byte[] SocketEngine = """{"transport":"websocket"}"""u8.ToArray();

    /// <summary>Where the page's engine is on a static site: the Web Worker (written as <c>engine.json</c> by the export).</summary>
    public static readonly byte[] WorkerEngine = """{"transport":"worker","worker":"engine-worker.js"}"""u8.ToArray();

    /// <summary>The page's files as a static site has them: each route's file name and bytes (<c>/</c> is index.html).</summary>
    public static IEnumerable<(string Name, byte[] Content)> All() =>
        Routes.Select(r => (r.Key == "/" ? "index.html" : r.Key.TrimStart('/'), Contents[r.Value.Resource]));

    /// <summary>The file served at <paramref name="path"/>, if it is one of the page's.</summary>
    public static bool TryGet(string path, out byte[] content, out string contentType)
    {
        if (path == "/engine.json")
        {
            content = SocketEngine;
            contentType = "application/json";
            return true;
        }
        if (Routes.TryGetValue(path, out var route))
        {
            content = Contents[route.Resource];
            contentType = route.ContentType;
            return true;
        }
        content = [];
        contentType = string.Empty;
        return false;
    }

    private static byte[] Read(string resource)
    {
        using Stream stream = typeof(PageFiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The page file {resource} is not compiled into the playground.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
