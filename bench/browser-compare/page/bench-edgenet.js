// bench/browser-compare: EdgeNet's engine in a Web Worker, as the static playground runs it (.NET's WebAssembly
// runtime from the exported site's _framework/), driven through WorkerBenchmark's exports. Timed here, in the worker,
// around each call, as bench-convnet.js times ConvNetJS.
'use strict';

const ready = (async () => {
  const { dotnet } = await import('./_framework/dotnet.js');
  const runtime = await dotnet.create();
  const exports = await runtime.getAssemblyExports(runtime.getConfig().mainAssemblyName);
  return exports.EdgeNet.Playground.WorkerBenchmark;
})();

addEventListener('message', async event => {
  const m = event.data;
  try {
    const bench = await ready;
    if (m.cmd === 'setup') postMessage(bench.Setup(m.samples, m.batch, m.lr));
    else if (m.cmd === 'train') {
      const start = performance.now();
      const loss = bench.Train(m.epochs);
      postMessage({ ms: performance.now() - start, loss });
    } else if (m.cmd === 'weights') postMessage(JSON.parse(bench.Weights()));
  } catch (error) {
    postMessage({ error: String(error && error.message ? error.message : error) });
  }
});
