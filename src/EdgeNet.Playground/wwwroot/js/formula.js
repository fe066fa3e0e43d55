// One neuron's arithmetic with the probed patch's numbers, as the engine sends it: z = Σ input[i]·W[i, j] + b[j], then
// the activation (its formula from hello) or softmax. Shown when a neuron is clicked, in the picture or the probe.
import { $, fmt } from './draw.js';
import * as Messages from './messages.js';
import { send } from './transport.js';
import { state } from './state.js';

/** @type {{layer: number, index: number}|null} the neuron whose formula shows; it follows the probe */
let selected = null;

/** @param {number} layer @param {number} index */
export function askNeuron(layer, index) {
  selected = { layer, index };
  if (state.pixels) send(Messages.neuron(layer, index));
}

/** A new forward pass (a painted pixel, a trained network): the shown formula takes its numbers. */
export function refreshFormula() {
  if (selected && state.layers && selected.layer < state.layers.length && selected.index < state.layers[selected.layer].outputs) {
    askNeuron(selected.layer, selected.index);
  }
}

/** A new run: no formula until a neuron is chosen again. */
export function clearFormula() {
  selected = null;
  $('formula').textContent = '';
}

/** @param {import('./messages.js').Neuron} m */
export function drawFormula(m) {
  const layers = state.layers ? state.layers.length : 2;
  const input = m.layer === 0 ? 'x' : (layers === 2 ? 'h' : `h${m.layer}`);
  const z = `z${m.layer + 1}[${m.index}]`;
  const terms = m.inputs.map((v, i) => `(${fmt(v, 2)})(${fmt(m.weights[i], 3)})`);
  let text = `${z} = Σᵢ ${input}[i]·W${m.layer + 1}[i, ${m.index}] + b${m.layer + 1}[${m.index}]\n   = ${terms.join(' + ')} + (${fmt(m.bias, 3)})\n   = ${fmt(m.z, 4)}`;
  const act = state.hello.activations[state.run.activation];
  if (!m.last) text += `\n${layers === 2 ? 'h' : 'h' + (m.layer + 1)}[${m.index}] = ${act.name}(${z}) = ${act.formula.replaceAll('{z}', fmt(m.z, 4))} = ${fmt(m.h, 4)}`;
  else text += `\np[${m.index}] = e^${z} / Σₖ e^z${m.layer + 1}[k] = ${fmt(m.p, 4)}  (${state.run.classNames[m.index]})`;
  const box = $('formula');
  box.textContent = text;
  box.dataset.layer = String(m.layer);
  box.dataset.index = String(m.index);
}
