using Microsoft.Playwright;

namespace EdgeNet.Playground.Tests.Support;

/// <summary>
/// Script run in a page: opens its own socket to the playground (a second session), sends one raw message, and
/// returns the error it gets back and whether a valid message still works afterwards. Each wait ends with the message
/// it waits for (or with the socket's close), never after a fixed time.
/// </summary>
internal static class RawSocket
{
    private const string Script = """
        async ({ text, size, binary }) => {
          const ws = new WebSocket(`ws://${location.host}/ws`);
          const got = [];
          const waiting = [];
          let closed = false;
          const wake = () => waiting.splice(0).forEach(check => check());
          ws.onmessage = e => { got.push(JSON.parse(e.data)); wake(); };
          ws.onclose = () => { closed = true; wake(); };
          await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
          const wait = test => new Promise(resolve => {
            const check = () => {
              const m = got.find(test);
              if (m || closed) resolve(m || null); else waiting.push(check);
            };
            check();
          });
          await wait(m => m.type === 'hello');
          if (binary) ws.send(new Uint8Array([1, 2, 3]));
          else ws.send(size ? 'x'.repeat(size) : text);
          const error = await wait(m => m.type === 'error');
          if (!closed) ws.send(JSON.stringify({ type: 'settings', settings: {} }));
          const run = await wait(m => m.type === 'run');
          ws.close();
          return { error: error ? error.message : '', alive: run !== null };
        }
        """;

    /// <summary>Runs the script in <paramref name="page"/>; fails after a minute if the server never answers.</summary>
    public static Task<Reply> SendAsync(IPage page, string text, int size = 0, bool binary = false) =>
        page.EvaluateAsync<Reply>(Script, new { text, size, binary }).WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>What the script returns.</summary>
    public sealed class Reply
    {
        public string Error { get; set; } = "";

        public bool Alive { get; set; }
    }
}
