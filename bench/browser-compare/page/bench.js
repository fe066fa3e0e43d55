// bench/browser-compare's page: one worker per library, never both busy at once. For each batch size, both get the
// same network, weights and patches (EdgeNet's Setup, seed 42); one epoch each checks that they learn the same
// (weights compared); then rounds alternate between them, each round timing `epochs` epochs in the worker.
'use strict';

const edge = new Worker('bench-edgenet.js');
const conv = new Worker('bench-convnet.js');

function call(worker, message) {
  return new Promise((resolve, reject) => {
    const once = event => {
      worker.removeEventListener('message', once);
      if (event.data && event.data.error) reject(new Error(event.data.error));
      else resolve(event.data);
    };
    worker.addEventListener('message', once);
    worker.postMessage(message);
  });
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function compare(batch, { samples, lr, rounds, targetMs }) {
  const data = await call(edge, { cmd: 'setup', samples, batch, lr });
  await call(conv, { cmd: 'setup', data, batch, lr });
  const first = [await call(edge, { cmd: 'train', epochs: 1 }), await call(conv, { cmd: 'train', epochs: 1 })];
  const [we, wc] = [await call(edge, { cmd: 'weights' }), await call(conv, { cmd: 'weights' })];
  const agreement = Math.max(...we.map((w, i) => Math.abs(w - wc[i]) / Math.max(1, Math.abs(w))));
  const epochs = Math.max(1, Math.round(targetMs / Math.max(first[0].ms, first[1].ms)));
  const steps = epochs * Math.ceil(samples / batch);
  await call(edge, { cmd: 'train', epochs });                       // warm-up: the jiterpreter's and V8's tiers
  await call(conv, { cmd: 'train', epochs });
  const edgeNs = [], convNs = [];
  for (let r = 0; r < rounds; r++) {
    edgeNs.push((await call(edge, { cmd: 'train', epochs })).ms * 1e6 / steps);
    convNs.push((await call(conv, { cmd: 'train', epochs })).ms * 1e6 / steps);
  }
  return {
    batch, samples, epochs, rounds, plan: JSON.parse(data).plan,
    edgeNsPerStep: median(edgeNs), convNsPerStep: median(convNs), edgeAll: edgeNs, convAll: convNs,
    firstEpochLoss: [first[0].loss, first[1].loss], weightsAfterOneEpoch: agreement,
  };
}

window.benchDone = (async () => {
  const settings = Object.fromEntries(new URLSearchParams(location.search));
  const options = { samples: Number(settings.samples || 1024), lr: 0.1, rounds: Number(settings.rounds || 7), targetMs: Number(settings.ms || 300) };
  const results = [];
  for (const batch of [1, 64]) results.push(await compare(batch, options));
  document.getElementById('out').textContent = JSON.stringify(results, null, 2);
  return results;
})();
