using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace EdgeNet.Playground.Tests.Support;

/// <summary>
/// A teacher's one-page web site on <c>http://localhost:PORT</c>: another origin than the playground's 127.0.0.1,
/// serving a page with the docs' iframe line for lesson 1.
/// </summary>
internal sealed class TeacherSite : IDisposable
{
    private readonly HttpListener _listener = new();
    private string _page = "";

    public TeacherSite()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Origin = $"http://localhost:{port}";
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _ = ServeAsync();
    }

    public string Origin { get; }

    /// <summary>The teacher's page with the docs' iframe line for the playground at <paramref name="playgroundUrl"/>, loaded (load waits for the iframe, or its refusal).</summary>
    public async Task<IFrame> EmbedLessonAsync(IBrowserContext context, Uri playgroundUrl)
    {
        _page = $"<!doctype html><title>Course</title><h1>Week 3</h1><iframe src=\"{playgroundUrl}?embed=1#lesson=1\" width=\"100%\" height=\"800\" title=\"EdgeNet lesson\"></iframe>";
        IPage page = await context.NewPageAsync();
        await page.GotoAsync(Origin + "/week3.html", new() { Timeout = 90_000 });
        return page.Frames.Single(f => f != page.MainFrame);
    }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            byte[] body = System.Text.Encoding.UTF8.GetBytes(_page);
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
