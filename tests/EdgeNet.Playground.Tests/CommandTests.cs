using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EdgeNet.Cli;
using EdgeNet.Playground.Tests.Support;

namespace EdgeNet.Playground.Tests;

/// <summary>Given <c>edgenet playground</c> as users start it, then it prints the URL, serves the page, and refuses bad options.</summary>
public sealed class CommandTests
{
    [Fact]
    public async Task The_command_prints_the_url_serves_the_page_and_no_browser_is_no_error()
    {
        // Given: no display, so no browser to open (and no --no-browser)
        using Process server = Start("playground", "--port", "0");
        try
        {
            // When
            string first = (await server.StandardOutput.ReadLineAsync())!;
            string second = (await server.StandardOutput.ReadLineAsync())!;
            string third = (await server.StandardOutput.ReadLineAsync())!;
            var url = new Uri(first["EdgeNet playground: ".Length..]);
            using var http = new HttpClient();
            string page = await http.GetStringAsync(url);
            HttpResponseMessage outside = await http.GetAsync(new Uri(url, "/../../../../etc/passwd"));
            HttpResponseMessage project = await http.GetAsync(new Uri(url, "/EdgeNet.Playground.dll"));

            // Then
            Assert.StartsWith("EdgeNet playground: http://127.0.0.1:", first, StringComparison.Ordinal);
            Assert.Equal("Press Ctrl+C to stop.", second);
            Assert.Equal("(No browser to open here: open the address above in one.)", third);
            Assert.Contains("<title>EdgeNet playground</title>", page, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, project.StatusCode);
        }
        finally
        {
            server.Kill();                                              // the server's own process: dotnet runs edgenet.dll in it
            await server.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Another_host_than_loopback_is_served_with_a_warning()
    {
        using Process server = Start("playground", "--host", "0.0.0.0", "--no-browser");
        try
        {
            string warning = (await server.StandardError.ReadLineAsync())!;
            string first = (await server.StandardOutput.ReadLineAsync())!;
            Assert.StartsWith("edgenet: warning: listening on 0.0.0.0: anyone who can reach port ", warning, StringComparison.Ordinal);
            using var http = new HttpClient();
            Assert.Contains("EdgeNet playground", await http.GetStringAsync(new Uri(first["EdgeNet playground: ".Length..])), StringComparison.Ordinal);
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("--host", "my-laptop", 2, "edgenet: The host must be an IP address such as 127.0.0.1 or 0.0.0.0 (got 'my-laptop').")]
    [InlineData("--port", "70000", 2, "edgenet: The port must be from 0 (any free port) to 65535 (got 70000).")]
    [InlineData("--allow-embed", "school.example", 2, "edgenet: An embedding origin is a site's scheme, host and port, such as https://school.example or http://localhost:8000, or * for any site (got 'school.example').")]
    [InlineData("--allow-embed", "https://school.example/lessons", 2, "edgenet: An embedding origin is a site's scheme, host and port, such as https://school.example or http://localhost:8000, or * for any site (got 'https://school.example/lessons').")]
    public void Bad_options_get_one_line_and_a_usage_exit_code(string option, string value, int code, string expected)
    {
        CliRun run = CliRun.Of("playground", option, value, "--no-browser");
        Assert.Equal(code, run.ExitCode);
        Assert.Equal(expected + "\n", run.Error);
    }

    [Fact]
    public void A_port_in_use_is_one_line_and_exit_code_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        CliRun run = CliRun.Of("playground", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-browser");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"edgenet: cannot listen on 127.0.0.1:{port}: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(EdgeNetCli).Assembly.Location);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("DISPLAY");
        start.Environment.Remove("WAYLAND_DISPLAY");
        return Process.Start(start)!;
    }
}
