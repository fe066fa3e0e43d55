namespace EdgeNet.Playground.Tests.Support;

/// <summary>
/// Script run in a page: opens its own socket to the playground (a second session), sends one raw message, and
/// returns the error it gets back and whether a valid message still works afterwards.
/// </summary>
internal static class RawSocket
{
    public const string Script = """
        async ({ text, size, binary }) => {
          const ws = new WebSocket(`ws://${location.host}/ws`);
          const got = [];
          ws.onmessage = e => got.push(JSON.parse(e.data));
          await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
          const wait = async test => {
            for (let i = 0; i < 400; i++) {
              const m = got.find(test);
              if (m) return m;
              await new Promise(r => setTimeout(r, 50));
            }
            return null;
          };
          await wait(m => m.type === 'hello');
          if (binary) ws.send(new Uint8Array([1, 2, 3]));
          else ws.send(size ? 'x'.repeat(size) : text);
          const error = await wait(m => m.type === 'error');
          ws.send(JSON.stringify({ type: 'settings', settings: {} }));
          const run = await wait(m => m.type === 'run');
          ws.close();
          return { error: error ? error.message : '', alive: run !== null };
        }
        """;

    /// <summary>What the script returns.</summary>
    public sealed class Reply
    {
        public string Error { get; set; } = "";

        public bool Alive { get; set; }
    }
}
