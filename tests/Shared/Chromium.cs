using Microsoft.Playwright;

namespace EdgeNet.Testing;

/// <summary>
/// The Chromium that browser tests drive (Debian's <c>/usr/bin/chromium</c>, or the program named by
/// <c>EDGENET_CHROMIUM</c>; never a downloaded browser). Where none is found a test marked
/// <see cref="ChromiumFactAttribute"/> or <see cref="ChromiumTheoryAttribute"/> is skipped with a one-line reason, unless
/// <c>EDGENET_REQUIRE_CHROMIUM=1</c> (set by <c>.ci/run</c>): then it runs and fails, saying what is missing.
/// Linked into each test project that opens a browser (tests/Shared/Chromium.cs).
/// </summary>
internal static class Chromium
{
    /// <summary>The variable that makes browser tests required (CI sets it).</summary>
    public const string RequireVariable = "EDGENET_REQUIRE_CHROMIUM";

    /// <summary>The variable naming another Chromium program to use.</summary>
    public const string PathVariable = "EDGENET_CHROMIUM";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    /// <summary>The program found, or null.</summary>
    public static string? Path { get; } = Find();

    /// <summary>True when browser tests must run here (they fail rather than skip).</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Why browser tests are skipped here, or null when they run.</summary>
    public static string? SkipReason => Path is null && !Required
        ? $"No Chromium found ({string.Join(" or ", Candidates)}, or {PathVariable}): install Debian's chromium package to run the browser tests ({RequireVariable}=1 makes them required, as in CI)."
        : null;

    /// <summary>The program, or an exception that says what is missing (for fixtures: tests are skipped before it is reached).</summary>
    public static string Require() => Path ?? throw new InvalidOperationException(
        $"{RequireVariable}=1 but no Chromium was found ({string.Join(" or ", Candidates)}, or {PathVariable}): install Debian's chromium package (.ci/run does).");

    /// <summary>Headless launch options for <see cref="Path"/>, with the switches that keep a loaded machine's tabs rendering.</summary>
    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = Require(),
        Headless = true,
        Args = Switches,
    };

    /// <summary>The command-line switches every test browser gets.</summary>
    public static IReadOnlyList<string> Switches { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
    ];

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } named)
        {
            return File.Exists(named) ? named : null;
        }
        return Array.Find(Candidates, File.Exists);
    }
}

/// <summary>A fact that needs Chromium: skipped with the reason where none is found, unless CI requires it.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = Chromium.SkipReason;
}

/// <summary>A theory that needs Chromium: skipped with the reason where none is found, unless CI requires it.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute() => Skip = Chromium.SkipReason;
}
