namespace EdgeNet.Plots.Guide;

/// <summary>The guide's stylesheet, inline so that the page needs nothing but its own folder.</summary>
internal static class GuideStyle
{
    public const string Css = """
        :root { --ink: #222; --muted: #666; --accent: #1f77b4; --note: #e7f3ff; --note-edge: #2196f3; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #fff; color: var(--ink); font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif;
               font-size: 17px; line-height: 1.6; }
        header, nav, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
        header { padding-top: 32px; }
        h1 { font-size: 2em; margin-bottom: 0.2em; }
        .subtitle { color: var(--muted); font-style: italic; }
        nav ol { columns: 2; }
        section { border-top: 1px solid #ddd; margin-top: 40px; padding-top: 8px; }
        h2 { font-size: 1.6em; } h3 { font-size: 1.25em; margin-top: 1.6em; }
        a { color: var(--accent); }
        figure { margin: 24px 0; text-align: center; }
        figure img { max-width: 100%; height: auto; }
        figcaption { color: var(--muted); font-size: 0.92em; margin-top: 4px; }
        .pair { display: flex; flex-wrap: wrap; gap: 16px; justify-content: center; }
        .pair figure { flex: 1 1 420px; margin: 12px 0; }
        table { border-collapse: collapse; margin: 16px auto; font-size: 0.95em; }
        caption { caption-side: bottom; color: var(--muted); font-size: 0.88em; padding-top: 6px; }
        th, td { border: 1px solid #ddd; padding: 6px 12px; text-align: left; vertical-align: top; }
        th { background: #f5f5f5; }
        table.matrix td { text-align: right; font-family: "DejaVu Sans Mono", Consolas, monospace; padding: 3px 8px; }
        .num { font-family: "DejaVu Sans Mono", Consolas, monospace; white-space: nowrap; }
        .eq { text-align: center; font-size: 1.15em; margin: 18px 0; }
        .note { background: var(--note); border-left: 4px solid var(--note-edge); padding: 12px 16px; margin: 16px 0; }
        pre { background: #f6f8fa; padding: 12px 16px; overflow-x: auto; font-size: 0.88em; }
        table.step { width: 100%; }
        table.step td:first-child { white-space: nowrap; }
        h4 { margin: 1.4em 0 0.2em; }
        table.step td:last-child { font-size: 0.92em; }
        .shape { color: var(--muted); font-size: 0.85em; }
        details { margin: 8px 0; } summary { cursor: pointer; color: var(--accent); }
        .maps { display: flex; flex-wrap: wrap; gap: 16px; justify-content: center; align-items: flex-start; }
        .maps figure { flex: 1 1 420px; max-width: 520px; margin: 12px 0; }
        .maps img { width: 100%; height: auto; image-rendering: pixelated; }
        ul.legend { list-style: none; padding: 0; margin: 24px 0; align-self: center; }
        ul.legend li { margin: 6px 0; }
        .swatch { display: inline-block; width: 1.1em; height: 1.1em; margin-right: 0.5em; vertical-align: -0.15em; border: 1px solid #999; }
        footer { color: var(--muted); font-size: 0.9em; padding: 40px 24px; }

        """;
}
