using EdgeNet.Playground.Tests.Support;
using EdgeNet.Testing;
using Microsoft.Playwright;

namespace EdgeNet.Playground.Tests;

/// <summary>
/// Given a teacher's page (another origin) with one iframe line for a lesson, then the native server lets it frame the
/// page only when started with the teacher's origin (<c>--allow-embed</c>); by default no other site may frame it,
/// and no file but the page is ever framable.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class EmbedTests(PlaygroundFixture playground)
{
    [Fact]
    public async Task Only_the_page_names_the_allowed_framers_and_by_default_nobody()
    {
        const string teacher = "http://teacher.test";
        await using PlaygroundServer allowing = await PlaygroundServer.StartAsync(new PlaygroundOptions { EmbedOrigins = [teacher] });
        using var http = new HttpClient();

        string defaultPage = await FrameAncestorsAsync(http, new Uri(playground.Url, "/"));
        string page = await FrameAncestorsAsync(http, new Uri(allowing.Url, "/"));
        string script = await FrameAncestorsAsync(http, new Uri(allowing.Url, "/js/main.js"));

        Assert.Equal("frame-ancestors 'none'", defaultPage);
        Assert.Equal($"frame-ancestors 'self' {teacher}", page);
        Assert.Equal("frame-ancestors 'none'", script);
    }

    [ChromiumFact]
    public async Task A_lesson_in_a_teachers_iframe_runs_when_allowed_and_is_refused_by_default()
    {
        // Given: a teacher's page on another origin of this machine (a browser asks before a public site's page may
        // reach a loopback address at all: Local Network Access), with the docs' iframe line, for each server
        using var teacher = new TeacherSite();
        await using PlaygroundServer allowing = await PlaygroundServer.StartAsync(new PlaygroundOptions { EmbedOrigins = [teacher.Origin] });
        await using IBrowserContext first = await playground.Browser.NewContextAsync();
        await using IBrowserContext second = await playground.Browser.NewContextAsync();

        // When
        IFrame embedded = await teacher.EmbedLessonAsync(first, allowing.Url);
        IFrame refused = await teacher.EmbedLessonAsync(second, playground.Url);

        // Then: the allowed frame is the page, on lesson 1, connected to its own session and drawing frames
        await embedded.Locator("#lesson-title").WaitForAsync();
        Assert.Equal("Lesson 1: The forward pass", await embedded.Locator("#lesson-title").InnerTextAsync());
        await Assertions.Expect(embedded.Locator("body")).ToHaveAttributeAsync("data-frames", new System.Text.RegularExpressions.Regex("^[1-9]"));
        Assert.False(await embedded.Locator("header").IsVisibleAsync(), "embed=1 hides the page's header");
        // And: the refused one never became the page (Chromium shows its own error document instead)
        Assert.Equal(0, await refused.Locator("#network").CountAsync());
    }

    private static async Task<string> FrameAncestorsAsync(HttpClient http, Uri url)
    {
        using HttpResponseMessage response = await http.GetAsync(url);
        string policy = string.Join(";", response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values : []);
        return policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("frame-ancestors", StringComparison.Ordinal));
    }
}
