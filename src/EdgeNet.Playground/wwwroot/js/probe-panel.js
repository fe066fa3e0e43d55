// Panel 4: the patch editor (mouse, touch, or the keyboard: arrows move the cursor, Space or Enter paints) and the
// forward pass of the patch in it, as the engine computed it.
import { $, el, fmt } from './draw.js';
import * as Messages from './messages.js';
import { send } from './transport.js';
import { state } from './state.js';
import { askNeuron } from './formula.js';

let probeSent = 0;
/** The cursor of keyboard painting: the cell index, shown while the editor has focus. */
let cursor = 0;
/** @type {[string, number[]][]} */
let examples = [];

function exampleList(m) {
  const side = m.patchSide;
  const list = [];
  if (side === 5) list.push(["Part 1's edge", [0.1, 0.1, 0.5, 0.9, 0.9]]);   // the tutorial's perfect edge, row by row
  list.push(['Dark → bright', Array.from({ length: side }, (_, c) => (c < side / 2 ? 0.1 : 0.9))]);
  list.push(['Bright → dark', Array.from({ length: side }, (_, c) => (c < side / 2 ? 0.9 : 0.1))]);
  list.push(['Uniform gray', Array.from({ length: side }, () => 0.5)]);
  return list.map(([name, row]) => [name, Array.from({ length: side * side }, (_, i) => row[i % side])])
    .concat(m.samples.slice(0, 6).map((s, i) => [`Training patch ${i} (${m.classNames[s.label]})`, s.pixels]));
}

/** A new run: its examples, the first in the editor. @param {import('./messages.js').Run} m */
export function setupEditor(m) {
  const select = $('example');
  select.replaceChildren();
  $('step-label').replaceChildren(...m.classNames.map((c, i) => new Option(`${i} (${c})`, String(i))));
  const editable = !!m.patchSide;
  for (const id of ['example', 'brush', 'pixels', 'show-step', 'apply-step']) $(id).disabled = !editable;
  $('editor').tabIndex = editable ? 0 : -1;
  if (!editable) { state.pixels = null; drawEditor(); return; }
  examples = exampleList(m);
  examples.forEach(([name], i) => select.append(new Option(name, String(i))));
  state.pixels = examples[0][1].slice();
  cursor = Math.min(cursor, m.patchSide * m.patchSide - 1);
  drawEditor();
  probe();
}

/** Puts pixels in the editor and probes them. @param {number[]} pixels */
export function setPixels(pixels) {
  state.pixels = pixels.slice();
  drawEditor();
  probe();
}

function drawEditor() {
  const canvas = /** @type {HTMLCanvasElement} */ ($('editor'));
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const side = state.run && state.run.patchSide;
  if (!state.pixels || !side) return;
  const size = canvas.width / side;
  for (let i = 0; i < side * side; i++) {
    const g = Math.round(255 * Math.min(1, Math.max(0, state.pixels[i])));
    ctx.fillStyle = `rgb(${g},${g},${g})`;
    ctx.fillRect((i % side) * size, Math.floor(i / side) * size, size, size);
  }
  ctx.strokeStyle = 'rgba(128,128,128,0.5)';
  for (let k = 1; k < side; k++) {
    ctx.beginPath(); ctx.moveTo(k * size, 0); ctx.lineTo(k * size, canvas.height); ctx.stroke();
    ctx.beginPath(); ctx.moveTo(0, k * size); ctx.lineTo(canvas.width, k * size); ctx.stroke();
  }
  if (document.activeElement === canvas) {
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#b35900';
    ctx.strokeRect((cursor % side) * size + 2, Math.floor(cursor / side) * size + 2, size - 4, size - 4);
    ctx.lineWidth = 1;
  }
  canvas.setAttribute('aria-label', `Patch editor, ${side}×${side}: arrow keys move, Space or Enter paints with the brush; `
    + `row ${Math.floor(cursor / side) + 1}, column ${(cursor % side) + 1} is ${state.pixels[cursor]}`);
  if (document.activeElement !== $('pixels')) /** @type {HTMLInputElement} */ ($('pixels')).value = state.pixels.map(v => String(v)).join(', ');
}

function paintCell(index) {
  const value = Number(/** @type {HTMLSelectElement} */ ($('brush')).value);
  if (state.pixels[index] === value) return;
  state.pixels[index] = value;
  drawEditor();
  probe();
}

function paint(event) {
  const side = state.run && state.run.patchSide;
  if (!state.pixels || !side) return;
  const rect = $('editor').getBoundingClientRect();
  const column = Math.floor((event.clientX - rect.left) / rect.width * side);
  const row = Math.floor((event.clientY - rect.top) / rect.height * side);
  if (column < 0 || row < 0 || column >= side || row >= side) return;
  cursor = row * side + column;
  paintCell(cursor);
}

function key(event) {
  const side = state.run && state.run.patchSide;
  if (!state.pixels || !side) return;
  const row = Math.floor(cursor / side), column = cursor % side;
  const moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
  if (event.key in moves) {
    const [dr, dc] = moves[event.key];
    cursor = Math.min(side - 1, Math.max(0, row + dr)) * side + Math.min(side - 1, Math.max(0, column + dc));
    drawEditor();
  } else if (event.key === ' ' || event.key === 'Enter') {
    paintCell(cursor);
  } else {
    return;
  }
  event.preventDefault();
}

/** Sends the patch in the editor for its forward pass. */
export function probe() {
  if (!state.pixels) return;
  probeSent = performance.now();
  send(Messages.probe(state.pixels));
}

/**
 * The forward pass follows the network: while training a few times a second at most, and always on a frame after
 * training stopped (the last weights). @param {import('./messages.js').Frame} m
 */
export function reprobe(m) {
  if (state.pixels && (!m.playing || performance.now() - probeSent > 150)) probe();
}

function vectorLine(name, values, layer, digits, clickable) {
  const div = el('div', { class: 'vector' }, `${name} = [`);
  values.forEach((v, j) => {
    if (j > 0) div.append(', ');
    if (clickable) {
      div.append(el('button', {
        type: 'button', text: fmt(v, digits), 'aria-label': `${name}[${j}] = ${fmt(v, digits)}: show its formula`,
        onclick: () => askNeuron(layer, j),
      }));
    } else {
      div.append(fmt(v, digits));
    }
  });
  div.append(']');
  return div;
}

/** @param {import('./messages.js').Probe} m */
export function drawForward(m) {
  const layers = m.layers.length;
  const activation = state.hello.activations[state.run.activation].name;
  const parts = [vectorLine('x', m.x, 0, 2, false)];
  m.layers.forEach((l, i) => {
    const input = i === 0 ? 'x' : (layers === 2 ? 'h' : `h${i}`);
    parts.push(el('div', { class: 'hint', text: `z${i + 1} = ${input}·W${i + 1} + b${i + 1}` + (l.h ? `, then ${activation}` : ', then softmax') }),
      vectorLine(`z${i + 1}`, l.z, i, 4, true));
    if (l.h) parts.push(vectorLine(layers === 2 ? 'h' : `h${i + 1}`, l.h, i, 4, true));
  });
  parts.push(vectorLine('p', m.p, layers - 1, 4, true));
  const classes = state.run.classNames;
  const prediction = el('p', { class: 'prediction', id: 'prediction', text: `→ Prediction: ${classes[m.predicted]} (p = ${fmt(100 * m.p[m.predicted], 1)}%)` });
  prediction.dataset.p = JSON.stringify(m.p);
  parts.push(prediction);
  $('forward').replaceChildren(...parts);
  $('predict-text').textContent = m.text;
}

export function wire() {
  const editor = $('editor');
  editor.addEventListener('pointerdown', e => { editor.setPointerCapture(e.pointerId); paint(e); });
  editor.addEventListener('pointermove', e => { if (e.buttons & 1) paint(e); });
  editor.addEventListener('keydown', key);
  editor.addEventListener('focus', drawEditor);
  editor.addEventListener('blur', drawEditor);
  $('example').addEventListener('change', () => setPixels(examples[Number(/** @type {HTMLSelectElement} */ ($('example')).value)][1]));
  $('pixels').addEventListener('change', () => {
    // the engine checks the count and the values, and says what is wrong
    setPixels(/** @type {HTMLInputElement} */ ($('pixels')).value.split(/[\s,]+/).filter(t => t !== '').map(Number));
  });
}
