using System.Collections.Frozen;
using System.Text;

namespace EdgeNet.Playground;

/// <summary>
/// The page's own files, compiled into this assembly (every file under wwwroot, at its path: <c>/app/main.js</c>),
/// plus <c>/engine.json</c>, which tells the page how to reach its engine: here, the server's WebSocket. A request
/// names one of these exact paths or gets 404: nothing the client sends ever reaches the file system.
/// </summary>
internal static class PageFiles
{
    private const string Prefix = "wwwroot/";

    /// <summary>What the native server's page connects to (the static export writes a worker's instead).</summary>
    public const string EngineJson = "{\"transport\":\"websocket\"}\n";

    private static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".json"] = "application/json",
        [".png"] = "image/png",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> Routes = Load();

    /// <summary>What the static site's page connects to: the Web Worker (written as <c>engine.json</c> by the export).</summary>
    public const string WorkerEngineJson = "{\"transport\":\"worker\",\"worker\":\"engine-worker.js\"}\n";

    /// <summary>The page's files as a static site has them, by path (without the server's <c>engine.json</c>).</summary>
    public static IEnumerable<(string Name, byte[] Content)> All() =>
        Routes.Where(r => r.Key is not ("/" or "/engine.json")).Select(r => (r.Key.TrimStart('/'), r.Value.Content));

    /// <summary>The file served at <paramref name="path"/>, if it is one of the page's.</summary>
    public static bool TryGet(string path, out byte[] content, out string contentType)
    {
        if (Routes.TryGetValue(path, out var route))
        {
            (content, contentType) = route;
            return true;
        }
        content = [];
        contentType = string.Empty;
        return false;
    }

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var routes = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (string resource in typeof(PageFiles).Assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(Prefix, StringComparison.Ordinal) && Types.TryGetValue(Path.GetExtension(resource), out string? type))
            {
                routes["/" + resource[Prefix.Length..]] = (Read(resource), type);
            }
        }
        if (!routes.TryGetValue("/index.html", out var index))
        {
            throw new InvalidOperationException("The page file wwwroot/index.html is not compiled into the playground.");
        }
        routes["/"] = index;
        routes["/engine.json"] = (Encoding.UTF8.GetBytes(EngineJson), Types[".json"]);
        return routes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static byte[] Read(string resource)
    {
        using Stream stream = typeof(PageFiles).Assembly.GetManifestResourceStream(resource)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
