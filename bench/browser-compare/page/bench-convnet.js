// bench/browser-compare: ConvNetJS 0.3.0 (npm) in a Web Worker on the same 25→8→2 network (fc, ReLU, fc, softmax),
// the same initial weights and patches as EdgeNet's (from its Setup), trained by ConvNetJS's own Trainer with plain
// SGD (no momentum, no decay) at the same batch size and learning rate.
'use strict';

self.window = self;           // convnet.js 0.3.0 ends by attaching a second library to window, which a worker lacks
importScripts('convnet.js');

let net = null, trainer = null, samples = [], labels = [];

function setup(data, batch, lr) {
  const [hidden, output] = data.layers;
  net = new convnetjs.Net();
  net.makeLayers([
    { type: 'input', out_sx: 1, out_sy: 1, out_depth: hidden.inputs },
    { type: 'fc', num_neurons: hidden.outputs, activation: 'relu' },
    { type: 'softmax', num_classes: output.outputs },
  ]);
  const dense = net.layers.filter(l => l.layer_type === 'fc');
  dense.forEach((layer, l) => {
    const { inputs, outputs, weights, bias } = data.layers[l];
    for (let o = 0; o < outputs; o++) {
      for (let i = 0; i < inputs; i++) layer.filters[o].w[i] = weights[i * outputs + o];
      layer.biases.w[o] = bias[o];
    }
  });
  trainer = new convnetjs.Trainer(net, { method: 'sgd', learning_rate: lr, momentum: 0, batch_size: batch, l2_decay: 0, l1_decay: 0 });
  const features = hidden.inputs;
  samples = data.labels.map((_, n) => {
    const v = new convnetjs.Vol(1, 1, features, 0);
    for (let i = 0; i < features; i++) v.w[i] = data.x[n * features + i];
    return v;
  });
  labels = data.labels;
}

function train(epochs) {
  let loss = 0;
  for (let e = 0; e < epochs; e++) {
    loss = 0;
    for (let n = 0; n < samples.length; n++) loss += trainer.train(samples[n], labels[n]).loss;
  }
  return loss / samples.length;
}

function weights() {
  const all = [];
  for (const layer of net.layers.filter(l => l.layer_type === 'fc')) {
    const outputs = layer.filters.length, inputs = layer.filters[0].w.length;
    for (let i = 0; i < inputs; i++) for (let o = 0; o < outputs; o++) all.push(layer.filters[o].w[i]);
    for (let o = 0; o < outputs; o++) all.push(layer.biases.w[o]);
  }
  return all;
}

addEventListener('message', event => {
  const m = event.data;
  try {
    if (m.cmd === 'setup') { setup(JSON.parse(m.data), m.batch, m.lr); postMessage('ready'); }
    else if (m.cmd === 'train') {
      const start = performance.now();
      const loss = train(m.epochs);
      postMessage({ ms: performance.now() - start, loss });
    } else if (m.cmd === 'weights') postMessage(weights());
  } catch (error) {
    postMessage({ error: String(error && error.message ? error.message : error) });
  }
});
