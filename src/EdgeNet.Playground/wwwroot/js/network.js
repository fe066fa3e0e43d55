// The network: each hidden neuron as its incoming weights (patch-shaped for the first layer, a strip for deeper ones)
// and the output weights. Built once per run and repainted in place on every frame.
import { $, el, symmetric, weightCanvas, paintWeights } from './draw.js';
import { state } from './state.js';
import { askNeuron } from './formula.js';

/** @param {import('./messages.js').LayerData[]} layers */
export function drawHidden(layers) {
  const box = $('hidden');
  const run = state.run;
  const hidden = layers.slice(0, -1);
  const limit = symmetric(layers[0].w);
  const key = state.version + ':' + hidden.map(l => l.inputs + 'x' + l.outputs).join(',');
  const rebuild = box.dataset.key !== key;
  const items = [];
  let k = 0;
  hidden.forEach((layer, l) => {
    const side = l === 0 ? run.patchSide : null;
    const lim = l === 0 ? limit : symmetric(layer.w);
    for (let j = 0; j < layer.outputs; j++, k++) {
      const column = new Array(layer.inputs);
      for (let i = 0; i < layer.inputs; i++) column[i] = layer.w[i * layer.outputs + j];
      if (!rebuild) {
        paintWeights(box.children[k].firstChild, column, lim);
        continue;
      }
      const canvas = side ? weightCanvas(column, side, side, lim, Math.max(2, Math.floor(60 / side)))
        : weightCanvas(column, 1, layer.inputs, lim, Math.max(3, Math.floor(120 / layer.inputs)));
      items.push(el('button', { type: 'button', 'aria-label': `Neuron ${j} of hidden layer ${l + 1}`, onclick: () => askNeuron(l, j) },
        canvas, el('span', { text: hidden.length > 1 ? `h${l + 1}[${j}]` : `h[${j}]` })));
    }
  });
  if (rebuild) {
    box.replaceChildren(...items);
    box.dataset.key = key;
  }
  box.dataset.limit = String(limit);
}

/** @param {import('./messages.js').LayerData[]} layers */
export function drawOutput(layers) {
  const last = layers[layers.length - 1];
  const box = $('output-weights');
  const key = state.version + ':' + last.inputs + 'x' + last.outputs;
  if (box.dataset.key === key) {
    paintWeights(box.firstChild, last.w, symmetric(last.w));
    return;
  }
  const classes = state.run.classNames;
  const canvas = weightCanvas(last.w, last.inputs, last.outputs, symmetric(last.w), Math.max(6, Math.floor(160 / Math.max(last.inputs, last.outputs))));
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `Output weights: ${last.inputs} hidden neurons (rows) × ${last.outputs} classes (columns)`);
  box.replaceChildren(canvas, el('div', { class: 'hint', text: `rows: hidden neurons; columns: ${classes.join(', ')}` }));
  box.dataset.key = key;
}
