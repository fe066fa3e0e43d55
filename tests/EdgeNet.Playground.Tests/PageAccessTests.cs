using System.Text.Json;
using EdgeNet.Playground.Tests.Support;
using EdgeNet.Testing;
using Microsoft.Playwright;

namespace EdgeNet.Playground.Tests;

/// <summary>
/// Given the page on a phone and on a laptop, with the keyboard only, and read by assistive technology: no sideways
/// scrolling and every control reachable at 390×844; the picture and the curves on the first screen at 1280×800;
/// a run played, a probe pixel painted and a step applied with keys alone; every control named (Chromium's own
/// accessibility tree); every text at WCAG AA contrast (from the computed styles); the weights' diverging palette
/// readable with each of the three dichromacies. Checks written here, no network access.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class PageAccessTests(PlaygroundFixture playground)
{
    /// <summary>Every control a user can reach with Tab or a pointer, visible now.</summary>
    private const string Controls = """
        [...document.querySelectorAll('button, input, select, textarea, a[href], summary, [tabindex="0"], canvas[tabindex]')]
          .filter(e => !e.disabled && e.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }))
        """;

    [ChromiumTheory]
    [InlineData("")]
    [InlineData("#lesson=4")]
    public async Task On_a_phone_nothing_scrolls_sideways_and_every_control_is_reachable(string hash)
    {
        // Given: 390×844, a trained run with a step shown (the widest content: tables of numbers)
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?speed=0&epochs=3" + hash, width: 390, height: 844);
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(3);
        await tab.Button("Show step").ClickAsync();
        await tab.WaitAsync("document.querySelectorAll('#step-tables table').length > 0");

        // Then: the document is no wider than the viewport
        int[] widths = await tab.Page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]");
        Assert.True(widths[0] <= widths[2] && widths[1] <= widths[2], $"document {widths[0]} px, body {widths[1]} px wide in a {widths[2]} px viewport");

        // And: every control, scrolled to, lies inside the viewport and is the element at its own centre (not covered)
        string[] unreachable = await tab.Page.EvaluateAsync<string[]>($$"""
            (() => {
              const bad = [];
              for (const e of {{Controls}}) {
                e.scrollIntoView({ block: 'center', inline: 'center' });
                const r = e.getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                const inside = r.left >= 0 && r.right <= innerWidth + 0.5 && r.width > 0 && r.height > 0;
                const own = hit && (hit === e || e.contains(hit) || hit.contains(e) || (e.labels && [...e.labels].some(l => l.contains(hit))));
                if (!inside || !own) bad.push((e.id || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30) || e.tagName) + ` [${Math.round(r.left)}, ${Math.round(r.right)}]`);
              }
              return bad;
            })()
            """);
        Assert.Empty(unreachable);
        tab.AssertClean();
    }

    [ChromiumTheory]
    [InlineData("")]
    [InlineData("#lesson=6")]
    public async Task On_a_laptop_the_network_picture_and_the_curves_are_on_the_first_screen(string hash)
    {
        // Given: 1280×800, trained a little (curves drawn)
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?speed=0&epochs=3" + hash, width: 1280, height: 800);
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(3);

        // Then: without scrolling, the picture and both charts lie wholly inside the viewport
        foreach (string selector in new[] { "#network", "#loss-chart .uplot", "#accuracy-chart .uplot" })
        {
            double[] box = await tab.Page.EvaluateAsync<double[]>($"(() => {{ const r = document.querySelector('{selector}').getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, scrollY]; }})()");
            Assert.True(box[0] >= 0 && box[1] >= 0 && box[2] <= 1280 && box[3] <= 800 && box[4] == 0, $"{selector} is at [{string.Join(", ", box)}] (left, top, right, bottom, scrollY) in 1280×800");
        }
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task With_the_keyboard_alone_a_run_plays_a_probe_pixel_is_painted_and_a_step_applied()
    {
        // Given
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?speed=0&epochs=5");

        // When: Tab to Play, Enter
        await TabToAsync(tab, "play");
        await tab.Page.Keyboard.PressAsync("Enter");

        // Then
        await tab.WaitForEpochAsync(5);

        // When: Tab to the brush, choose black with the arrow keys; Tab to the editor, move right twice and down once, Space
        await TabToAsync(tab, "brush");
        for (int i = 0; i < 4; i++)
        {
            await tab.Page.Keyboard.PressAsync("ArrowDown");            // to the last option: black 0
        }
        Assert.Equal("0", await tab.Field("Brush").InputValueAsync());
        await TabToAsync(tab, "editor");
        double[] before = await tab.Page.EvaluateAsync<double[]>("state.pixels");
        foreach (string key in new[] { "ArrowRight", "ArrowRight", "ArrowDown", "Space" })
        {
            await tab.Page.Keyboard.PressAsync(key);
        }

        // Then: row 2, column 3 (index 7) is black, and the engine's forward pass is of the painted patch
        await tab.WaitAsync("state.probe && state.probe.x[7] === 0");
        double[] after = await tab.Page.EvaluateAsync<double[]>("state.pixels");
        Assert.Equal(0, after[7]);
        Assert.Equal(before.Where((_, i) => i != 7), after.Where((_, i) => i != 7));

        // When: Tab to Apply step, Space
        await TabToAsync(tab, "apply-step");
        await tab.Page.Keyboard.PressAsync("Space");

        // Then
        await tab.WaitAsync("document.getElementById('step-summary').textContent.startsWith('Applied.')");
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task Every_control_has_an_accessible_name_in_chromiums_own_tree()
    {
        // Given: the full page, trained, with a probe, a neuron's formula and a step (every control drawn)
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?speed=0&epochs=2");
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(2);
        await tab.Button("Show step").ClickAsync();
        await tab.WaitAsync("document.querySelectorAll('#step-tables table').length > 0 && document.querySelectorAll('#forward button').length > 0");

        // When: Chromium's accessibility tree (what a screen reader reads)
        ICDPSession cdp = await tab.Page.Context.NewCDPSessionAsync(tab.Page);
        JsonElement tree = (await cdp.SendAsync("Accessibility.getFullAXTree"))!.Value;

        // Then: every interactive node has a name
        string[] interactive = ["button", "textbox", "combobox", "checkbox", "link", "slider", "spinbutton", "radio", "listbox", "searchbox", "switch", "tab", "menuitem"];
        var nameless = new List<string>();
        int count = 0;
        foreach (JsonElement node in tree.GetProperty("nodes").EnumerateArray())
        {
            if (node.TryGetProperty("ignored", out JsonElement ignored) && ignored.GetBoolean())
            {
                continue;
            }
            string role = node.TryGetProperty("role", out JsonElement r) ? r.GetProperty("value").GetString() ?? "" : "";
            if (!interactive.Contains(role))
            {
                continue;
            }
            count++;
            string name = node.TryGetProperty("name", out JsonElement n) && n.TryGetProperty("value", out JsonElement v) ? v.GetString() ?? "" : "";
            if (name.Trim().Length == 0)
            {
                nameless.Add($"{role} (backend node {node.GetProperty("backendDOMNodeId")})");
            }
        }
        Assert.True(count > 40, $"only {count} controls in the tree");
        Assert.Empty(nameless);
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task Every_text_and_the_focus_ring_meet_wcag_aa_contrast()
    {
        // Given: the full page, trained, a step shown, a lesson list, a message
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?speed=0&epochs=2#lesson=4");
        await tab.Page.GetByLabel("Show everything").CheckAsync();
        await tab.Button("Play").ClickAsync();
        await tab.WaitForEpochAsync(2);
        await tab.Button("Apply step").ClickAsync();
        await tab.WaitAsync("document.querySelectorAll('#step-tables table').length > 0 && document.getElementById('lesson-status').dataset.done === 'true'");

        // When: every visible text's colour, its background (the first opaque one behind it, composited) and size
        TextStyle[] texts = await tab.Page.EvaluateAsync<TextStyle[]>("""
            (() => {
              const rgba = s => { const m = s.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
              const behind = e => {
                const layers = [];
                for (let n = e; n && n.nodeType === 1; n = n.parentElement) {
                  const c = rgba(getComputedStyle(n).backgroundColor);
                  if (c.a > 0) { layers.push(c); if (c.a === 1) break; }
                }
                let out = { r: 255, g: 255, b: 255 };
                for (const c of layers.reverse()) out = { r: c.r * c.a + out.r * (1 - c.a), g: c.g * c.a + out.g * (1 - c.a), b: c.b * c.a + out.b * (1 - c.a) };
                return out;
              };
              const result = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                const e = t.parentElement;
                if (!t.textContent.trim() || !e || e.closest('[hidden], details:not([open]) > :not(summary), option, .sr-only') || e.getClientRects().length === 0) continue;
                if (e.closest('button:disabled, input:disabled, select:disabled')) continue;     // inactive controls are exempt (WCAG 1.4.3)
                const s = getComputedStyle(e);
                if (s.visibility === 'hidden' || Number(s.opacity) === 0) continue;
                const svgText = e instanceof SVGElement;
                const fg = rgba(svgText ? s.fill : s.color), bg = behind(e);
                result.push({ Text: t.textContent.trim().slice(0, 40), Where: e.tagName + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className : ''),
                  R: fg.r * fg.a + bg.r * (1 - fg.a), G: fg.g * fg.a + bg.g * (1 - fg.a), B: fg.b * fg.a + bg.b * (1 - fg.a),
                  Br: bg.r, Bg: bg.g, Bb: bg.b, Size: parseFloat(s.fontSize), Bold: Number(s.fontWeight) >= 700 });
              }
              return result;
            })()
            """);

        // Then: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold)
        var failures = texts
            .Select(t => (t, ratio: Colours.Contrast((t.R, t.G, t.B), (t.Br, t.Bg, t.Bb))))
            .Where(x => x.ratio < (x.t.Size >= 24 || (x.t.Bold && x.t.Size >= 18.66) ? 3 : 4.5))
            .Select(x => $"'{x.t.Text}' in {x.t.Where}: {x.ratio:F2}:1").Distinct().ToList();
        Assert.True(texts.Length > 100, $"only {texts.Length} texts found");
        Assert.Empty(failures);

        // And: the focus ring against the page and the panels, 3:1 (WCAG 1.4.11, non-text contrast)
        await tab.Button("Play").FocusAsync();
        await tab.Page.Keyboard.PressAsync("Shift+Tab");
        await tab.Page.Keyboard.PressAsync("Tab");
        double[] ring = await tab.Page.EvaluateAsync<double[]>("(() => { const m = getComputedStyle(document.activeElement).outlineColor.match(/[\\d.]+/g).map(Number); return m.slice(0, 3); })()");
        foreach ((double R, double G, double B) surface in new[] { (255.0, 255.0, 255.0), (244.0, 245.0, 247.0) })
        {
            Assert.True(Colours.Contrast((ring[0], ring[1], ring[2]), surface) >= 3, $"focus ring rgb({string.Join(",", ring)}) on rgb{surface}");
        }
        tab.AssertClean();
    }

    [ChromiumFact]
    public async Task The_weights_palette_reads_for_colour_blind_readers_and_the_check_can_fail()
    {
        // Given: the colours the page paints weights with, from −1 to +1 (its own module)
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url);
        double[][] drawn = await tab.Page.EvaluateAsync<double[][]>("""
            import('./js/draw.js').then(d => Array.from({ length: 21 }, (_, i) => d.weightColour(i / 10 - 1, 1)))
            """);
        var palette = drawn.Select(c => (c[0], c[1], c[2])).ToList();

        // Then
        Assert.Null(Colours.DivergingProblem(palette));

        // And: the same check refuses a red–green palette (ColorBrewer's RdYlGn) and one that is light at the ends
        (double, double, double)[] redGreen = [.. new[] { "#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641" }.Select(Hex)];
        Assert.Contains("Δa*b*", Colours.DivergingProblem(Stretch(redGreen)), StringComparison.Ordinal);
        Assert.Contains("lightness", Colours.DivergingProblem([.. palette.Skip(10), .. palette.Take(10)]), StringComparison.Ordinal);
        tab.AssertClean();
    }

    /// <summary>21 colours from −1 to +1, interpolated between evenly spaced stops (as the page's ramp does).</summary>
    private static List<(double, double, double)> Stretch((double R, double G, double B)[] stops) =>
        [.. Enumerable.Range(0, 21).Select(i =>
        {
            double t = i / 20.0 * (stops.Length - 1);
            int k = Math.Min(stops.Length - 2, (int)t);
            double f = t - k;
            return (stops[k].R + (stops[k + 1].R - stops[k].R) * f, stops[k].G + (stops[k + 1].G - stops[k].G) * f, stops[k].B + (stops[k + 1].B - stops[k].B) * f);
        })];

    private static (double, double, double) Hex(string h) =>
        (Convert.ToInt32(h[1..3], 16), Convert.ToInt32(h[3..5], 16), Convert.ToInt32(h[5..7], 16));

    /// <summary>Presses Tab until the element with <paramref name="id"/> has the focus (at most 300 times).</summary>
    private static async Task TabToAsync(PlaygroundPage tab, string id)
    {
        for (int i = 0; i < 300; i++)
        {
            if (await tab.Page.EvaluateAsync<string>("document.activeElement ? document.activeElement.id : ''") == id)
            {
                return;
            }
            await tab.Page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached #{id}");
    }

    /// <summary>One visible text, its colour and background as shown (RGB 0–255), its size in px and weight.</summary>
    public sealed class TextStyle
    {
        public string Text { get; set; } = "";
        public string Where { get; set; } = "";
        public double R { get; set; }
        public double G { get; set; }
        public double B { get; set; }
        public double Br { get; set; }
        public double Bg { get; set; }
        public double Bb { get; set; }
        public double Size { get; set; }
        public bool Bold { get; set; }
    }
}
