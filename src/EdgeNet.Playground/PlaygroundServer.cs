using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeNet.Playground;

/// <summary>
/// The playground's web server (Kestrel): the page's own files at fixed paths, one WebSocket session per tab at
/// <c>/ws</c>, and <c>/status</c> (open and training sessions). Binds to loopback unless told otherwise.
/// </summary>
public sealed class PlaygroundServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SessionRegistry _sessions;
    private readonly PlaygroundLimits _limits;
    private readonly CancellationTokenSource _stopping = new();
    private readonly bool _loopback;
    private readonly string _pagePolicy;

    private PlaygroundServer(WebApplication app, PlaygroundLimits limits, bool loopback, string framers)
    {
        _app = app;
        _limits = limits;
        _loopback = loopback;
        _pagePolicy = Policy + framers;
        _sessions = new SessionRegistry(limits.MaxSessions);
    }

    /// <summary>The page's address, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>True when only this machine can reach the server.</summary>
    public bool IsLoopback => _loopback;

    /// <summary>Tabs connected now.</summary>
    public int OpenSessions => _sessions.Open;

    /// <summary>Sessions training now.</summary>
    public int TrainingSessions => _sessions.Training;

    /// <summary>
    /// Completes once <paramref name="condition"/> holds for the open and training counts, checked at each change
    /// of them; a <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    internal async Task WaitForSessionsAsync(Func<int, int, bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed = _sessions.Changed;
            if (condition(_sessions.Open, _sessions.Training))
            {
                return;
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"After {timeout.TotalSeconds} s the server has {_sessions.Open} sessions open and {_sessions.Training} training.");
            }
        }
    }

    /// <summary>Starts listening; returns once the port is bound.</summary>
    /// <exception cref="ArgumentException">The host is not an IP address (or localhost), or the port is out of range.</exception>
    public static async Task<PlaygroundServer> StartAsync(PlaygroundOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException($"The port must be from 0 (any free port) to 65535 (got {options.Port}).");
        }
        IPAddress address = ParseHost(options.Host);
        string framers = FrameAncestors(options.EmbedOrigins);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 0;                          // no request has a body: uploads come over the socket
            kestrel.Listen(address, options.Port);
        });
        WebApplication app = builder.Build();
        var server = new PlaygroundServer(app, options.Limits, IPAddress.IsLoopback(address), framers);
        // No keep-alive timeout: a tab whose renderer falls behind stops reading (flow control), so a pong can be late
        // without the tab being gone. A closed tab closes its socket, which ends its session at once.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(10), KeepAliveTimeout = Timeout.InfiniteTimeSpan });
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(bound);
        string host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? "127.0.0.1" : uri.Host;
        server.Url = new UriBuilder("http", host, uri.Port, "/").Uri;
        return server;
    }

    /// <summary>Completes when the server stops (<see cref="StopAsync"/>, or the token fires).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Ends every session and stops listening.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    /// <summary>What the page's files may load: only their own server's (the socket too).</summary>
    private const string Policy = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors ";

    /// <summary>
    /// Who may frame the page: nobody by default; with <see cref="PlaygroundOptions.EmbedOrigins"/>, the page itself
    /// and those origins (each <c>http(s)://host[:port]</c>, or <c>*</c>). Only the HTML page is framed; every other file
    /// keeps <c>'none'</c>.
    /// </summary>
    private static string FrameAncestors(IReadOnlyList<string> origins)
    {
        if (origins.Count == 0)
        {
            return "'none'";
        }
        foreach (string origin in origins)
        {
            bool valid = origin == "*"
                || (Uri.TryCreate(origin, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https"
                    && string.Equals(uri.GetLeftPart(UriPartial.Authority), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
            if (!valid)
            {
                throw new ArgumentException($"An embedding origin is a site's scheme, host and port, such as https://school.example or http://localhost:8000, or * for any site (got '{origin}').");
            }
        }
        return "'self' " + string.Join(' ', origins);
    }

    private static IPAddress ParseHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }
        return IPAddress.TryParse(host, out IPAddress? address)
            ? address
            : throw new ArgumentException($"The host must be an IP address such as 127.0.0.1 or 0.0.0.0 (got '{host}').");
    }

    private async Task HandleAsync(HttpContext context)
    {
        HttpResponse response = context.Response;
        string path = context.Request.Path.Value ?? "/";
        if (_loopback && !LocalHost(context.Request.Host))
        {
            await Plain(response, StatusCodes.Status400BadRequest, $"Open the playground at {Url}");    // no DNS rebinding
            return;
        }
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await Plain(response, StatusCodes.Status405MethodNotAllowed, "Only GET.");
            return;
        }
        if (path == "/ws")
        {
            await SessionAsync(context);
            return;
        }
        if (path == "/status")
        {
            response.ContentType = "application/json";
            response.Headers.CacheControl = "no-store";
            await response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{{\"sessions\":{_sessions.Open},\"training\":{_sessions.Training}}}"));
            return;
        }
        if (!PageFiles.TryGet(path, out byte[] content, out string contentType))
        {
            await Plain(response, StatusCodes.Status404NotFound, "Not found: the playground serves only its own page.");
            return;
        }
        response.ContentType = contentType;
        response.ContentLength = content.Length;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = contentType.StartsWith("text/html", StringComparison.Ordinal) ? _pagePolicy : Policy + "'none'";
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await response.Body.WriteAsync(content, context.RequestAborted);
        }
    }

    private async Task SessionAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Plain(context.Response, StatusCodes.Status400BadRequest, "This address takes the page's WebSocket.");
            return;
        }
        string? origin = context.Request.Headers.Origin;
        if (origin is not null && !string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            await Plain(context.Response, StatusCodes.Status403Forbidden, "Only the playground's own page may connect.");
            return;
        }
        using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
        if (!_sessions.TryEnter())
        {
            await RefuseAsync(socket);
            return;
        }
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, context.RequestAborted);
            await new SocketSession(socket, new PlaygroundSession(_limits, _sessions, PlaygroundPhotos.Instance), _limits).RunAsync(stop.Token);
        }
        finally
        {
            _sessions.Leave();
        }
    }

    private async Task RefuseAsync(WebSocket socket)
    {
        using var message = new JsonMessage("error");
        message.Writer.WriteString("message", $"The playground already has {_limits.MaxSessions} tabs open, its cap. Close one and reload this page.");
        message.Writer.WriteBoolean("fatal", true);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.SendAsync(message.Finish(), WebSocketMessageType.Text, true, timeout.Token);
            await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "too many sessions", timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    private static bool LocalHost(HostString host) =>
        host.Host is "127.0.0.1" or "localhost" or "[::1]" or "::1";

    private static Task Plain(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text + "\n");
    }
}
