using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using EdgeNet.Playground;

namespace EdgeNet.Cli.Commands;

/// <summary>
/// <c>edgenet playground</c>: the local web page that trains, probes and steps through the network live. Prints the
/// URL, opens the default browser when there is one, and serves until Ctrl+C.
/// </summary>
internal static class PlaygroundCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port") { HelpName = "N", Description = "Port to listen on (default: any free port).", DefaultValueFactory = _ => 0 };
        var host = new Option<string>("--host") { HelpName = "ADDR", Description = "Address to bind (default 127.0.0.1, this machine only; 0.0.0.0 lets anyone who can reach the port use it).", DefaultValueFactory = _ => "127.0.0.1" };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Do not open a browser; just print the URL." };
        var allowEmbed = new Option<string>("--allow-embed") { HelpName = "ORIGINS", Description = "Let these sites' pages show the playground in an iframe: comma-separated origins such as https://school.example, or * for any (default: none may frame it)." };
        var budget = new Option<string?>("--memory-budget") { HelpName = "SIZE", Description = "Memory all tabs together may hold, e.g. 2G or 512M (default: half the memory available to the server)." };
        var export = new Option<string?>("--export") { HelpName = "DIR", Description = "Write the playground as a static site into DIR (new or empty) instead of serving it: the engine runs in the browser (WebAssembly), so any static file host serves it." };
        var command = new Command("playground", "Open the playground: train, probe and step through the network live in the browser.") { port, host, noBrowser, allowEmbed, budget, export };
        command.SetAction(parse => EdgeNetCli.Guard(context, () =>
        {
            if (parse.GetValue(export) is { } folder)
            {
                return Export(context, folder);
            }
            var options = new PlaygroundOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                Limits = new PlaygroundLimits { MemoryBudget = parse.GetValue(budget) is { } size ? ParseSize(size) : null },
                EmbedOrigins = (parse.GetValue(allowEmbed) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            };
            return Run(context, options, !parse.GetValue(noBrowser));
        }));
        return command;
    }

    private static int Run(CliContext context, PlaygroundOptions options, bool openBrowser)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;                                            // stop cleanly instead of dying mid-write
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            PlaygroundServer server;
            try
            {
                server = PlaygroundServer.StartAsync(options, stop.Token).GetAwaiter().GetResult();
            }
            catch (IOException e)
            {
                context.Error.WriteLine($"edgenet: cannot listen on {options.Host}:{options.Port}: {e.Message}");
                return ExitCodes.Failure;
            }
            using var terminated = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
            {
                signal.Cancel = true;
                stop.Cancel();
            });
            if (!server.IsLoopback)
            {
                context.Error.WriteLine($"edgenet: warning: listening on {options.Host}: anyone who can reach port {server.Url.Port} can use this playground.");
            }
            context.Out.WriteLine($"EdgeNet playground: {server.Url}");
            context.Out.WriteLine("Press Ctrl+C to stop.");
            context.Out.Flush();
            if (openBrowser && !TryOpenBrowser(server.Url))
            {
                context.Out.WriteLine("(No browser to open here: open the address above in one.)");
            }
            try
            {
                server.WaitForShutdownAsync(stop.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
            }
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            context.Out.WriteLine("Playground stopped.");
            return ExitCodes.Success;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    // "2G", "512M", "1.5GiB", "300000000": bytes, with K, M, G or T (powers of 1024, with or without "B" or "iB").
    internal static long ParseSize(string text)
    {
        string t = text.Trim();
        int digits = 0;
        while (digits < t.Length && (char.IsAsciiDigit(t[digits]) || t[digits] == '.'))
        {
            digits++;
        }
        string unit = t[digits..].Trim().ToUpperInvariant();
        int power = unit.Length == 0 ? 0 : "KMGT".IndexOf(unit[0], StringComparison.Ordinal) + 1;
        bool knownUnit = unit is "" or "B" || (power > 0 && unit[1..] is "" or "B" or "IB");
        if (digits == 0 || !knownUnit || !double.TryParse(t[..digits], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out double number))
        {
            throw new ArgumentException($"The memory budget must be a size such as 2G or 512M (got '{EdgeNet.IO.UserText.Escape(text)}').");
        }
        double bytes = number * Math.Pow(1024, power);
        if (bytes < 1 << 20 || bytes > long.MaxValue / 2)
        {
            throw new ArgumentException($"The memory budget must be from 1M to 4096T (got '{EdgeNet.IO.UserText.Escape(text)}').");
        }
        return (long)bytes;
    }

    private static int Export(CliContext context, string folder)
    {
        if (PlaygroundSite.FindEngine() is not { } engine)
        {
            context.Error.WriteLine($"edgenet: this edgenet was built without the WebAssembly playground ({PlaygroundSite.EngineFolderName}/ is not beside it): build it with -p:EdgeNetPlaygroundSite=true, e.g. dotnet run -c Release -p:EdgeNetPlaygroundSite=true --project src/EdgeNet.Cli -- playground --export {folder}");
            return ExitCodes.Failure;
        }
        PlaygroundSiteResult site = PlaygroundSite.Export(engine, folder);
        context.Out.WriteLine(FormattableString.Invariant($"Wrote the playground to {site.Folder}: {site.Files} files, {site.Bytes / 1e6:F1} MB with the .br/.gz copies."));
        context.Out.WriteLine($"Serve it with any static file host, e.g.: cd {site.Folder} && python3 -m http.server");
        return ExitCodes.Success;
    }

    // The default browser, when this machine has one and a display to show it on; never an error when not.
    private static bool TryOpenBrowser(Uri url)
    {
        try
        {
            ProcessStartInfo? start = null;
            if (OperatingSystem.IsWindows())
            {
                start = new ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true };
            }
            else if (OperatingSystem.IsMacOS())
            {
                start = new ProcessStartInfo("open", [url.AbsoluteUri]);
            }
            else if (HasDisplay() && OnPath("xdg-open") is { } xdgOpen)
            {
                start = new ProcessStartInfo(xdgOpen, [url.AbsoluteUri]) { RedirectStandardError = true, RedirectStandardOutput = true };
            }
            if (start is null)
            {
                return false;
            }
            using Process? process = Process.Start(start);
            return process is not null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    private static bool HasDisplay() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

}
