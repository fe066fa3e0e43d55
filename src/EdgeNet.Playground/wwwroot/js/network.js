// The network, drawn: the probed patch (its pixels are the inputs) → each hidden neuron as its incoming weights (a
// heatmap: patch-shaped for the first layer, a strip for deeper ones) with its activation for the probed patch → the
// output neurons with p. Links are coloured by the weight's sign and drawn thicker by its size; a wide layer draws its
// strongest links and says so. Hover a link: its weight and dL/dW over the training set at these weights (sent while paused); click (or Enter on) a neuron:
// its formula with the live numbers. The picture maps the numbers the engine sends to places, colours and widths.
import { $, el, svg, fmt, symmetric, weightColour, NEGATIVE, POSITIVE } from './draw.js';
import { state } from './state.js';
import { askNeuron } from './formula.js';

/** Links drawn per layer at most; past it, the strongest. */
export const MAX_LINKS = 320;

const WIDTH = 760, HEIGHT = 440, PAD = 16, RIGHT = 170;

/** @typedef {{x: number, y: number, size: number}} Place */

let shapeKey = '';
/** @type {Place[][]} */
let places = [];
/** @type {{image: SVGImageElement, canvas: HTMLCanvasElement, value: SVGTextElement}[][]} */
let nodes = [];

function columnPlaces(count, x, maxSize) {
  const spacing = Math.min(maxSize * 1.25, (HEIGHT - 2 * PAD) / count);
  const size = Math.min(maxSize, spacing * 0.86);
  const top = (HEIGHT - spacing * count) / 2 + spacing / 2;
  return Array.from({ length: count }, (_, i) => ({ x, y: top + i * spacing, size }));
}

// Where everything goes: the patch as a grid (or a column when the inputs are not a square), then one column per layer.
function layout(layers, side) {
  const columns = layers.length + 1;
  const step = (WIDTH - RIGHT - 2 * PAD) / (columns - 1 + 0.5);
  const result = [];
  if (side) {
    const cell = Math.min(34, 170 / side);
    const left = PAD, top = (HEIGHT - cell * side) / 2;
    result.push(Array.from({ length: side * side }, (_, i) => ({ x: left + (i % side + 0.5) * cell, y: top + (Math.floor(i / side) + 0.5) * cell, size: cell })));
  } else {
    result.push(columnPlaces(layers[0].inputs, PAD + 8, 14));
  }
  layers.forEach((layer, l) => {
    const last = l === layers.length - 1;
    result.push(columnPlaces(layer.outputs, PAD + step * (l + 1.5), last ? 30 : l === 0 && side ? 46 : 30));
  });
  return result;
}

/** Draws (or redraws in place) from the last frame and probe. */
export function drawNetwork() {
  const layers = state.layers;
  if (!layers || !state.run) return;
  const picture = $('network');
  const side = state.run.patchSide;
  const key = state.version + ':' + side + ':' + layers.map(l => l.inputs + 'x' + l.outputs).join(',');
  if (key !== shapeKey) build(picture, layers, side, key);
  drawLinks(layers);
  drawNodes(layers);
}

function build(picture, layers, side, key) {
  shapeKey = key;
  places = layout(layers, side);
  picture.replaceChildren();
  picture.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  picture.append(svg('g', { id: 'links' }));
  nodes = [];
  const inputs = svg('g', { id: 'inputs', role: 'img', 'aria-label': 'The probed patch: the network\'s inputs' });
  for (const p of places[0]) inputs.append(svg('rect', { x: p.x - p.size / 2, y: p.y - p.size / 2, width: p.size, height: p.size, class: 'pixel' }));
  picture.append(inputs);
  picture.append(label(places[0][0].x - places[0][0].size / 2, 14, side ? `x: the probed ${side}×${side} patch` : 'x'));
  layers.forEach((layer, l) => {
    const last = l === layers.length - 1;
    const group = svg('g', { class: 'layer' });
    const column = [];
    places[l + 1].forEach((p, j) => {
      const name = last ? `Output neuron ${j} (${state.run.classNames[j]})` : `Neuron ${j} of hidden layer ${l + 1}`;
      const node = svg('g', { class: last ? 'neuron output' : 'neuron', role: 'button', tabindex: 0, 'aria-label': name, 'data-layer': l, 'data-index': j });
      const x = p.x - p.size / 2, y = p.y - p.size / 2;
      const heatmap = !last;
      const rows = l === 0 && side ? side : 1, columns = l === 0 && side ? side : layer.inputs;
      const canvas = el('canvas');
      canvas.width = columns;
      canvas.height = rows;
      const h = heatmap && rows === 1 ? Math.max(6, p.size / 3) : p.size;
      const image = svg('image', { x, y: p.y - h / 2, width: p.size, height: h, preserveAspectRatio: 'none', class: 'heatmap' });
      node.append(svg('rect', { x: x - 2, y: p.y - h / 2 - 2, width: p.size + 4, height: h + 4, class: 'frame' }));
      if (heatmap) node.append(image);
      else node.append(svg('rect', { x, y, width: p.size, height: p.size, class: 'p-bar-back' }), svg('rect', { x, y, width: 0, height: p.size, class: 'p-bar' }));
      const value = svg('text', { x: p.x + p.size / 2 + 5, y: p.y + 4, class: last ? 'value output-value' : 'value' });
      node.append(value);
      node.addEventListener('click', () => askNeuron(l, j));
      node.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); askNeuron(l, j); } });
      group.append(node);
      column.push({ image, canvas, value, rows, columns });
    });
    picture.append(group);
    const top = places[l + 1][0];
    picture.append(label(top.x - top.size / 2, 14, last ? 'p = softmax(z)' : layers.length > 2 ? `h${l + 1}` : 'h'));
    nodes.push(column);
  });
}

function label(x, y, text) {
  const t = svg('text', { x: Math.max(2, x), y, class: 'column-label' });
  t.textContent = text;
  return t;
}

// Every link of a small layer; the strongest of a wide one. Each line carries its layer, ends and weight.
function drawLinks(layers) {
  const group = $('links');
  const notes = [];
  const lines = [];
  layers.forEach((layer, l) => {
    const limit = symmetric(layer.w);
    let indices = Array.from(layer.w.keys());
    if (indices.length > MAX_LINKS) {
      indices.sort((a, b) => Math.abs(layer.w[b]) - Math.abs(layer.w[a]));
      indices = indices.slice(0, MAX_LINKS);
      notes.push(`Layer ${l + 1}: the ${MAX_LINKS} strongest of ${layer.w.length} links.`);
    }
    for (const k of indices) {
      const i = Math.floor(k / layer.outputs), j = k % layer.outputs;
      const from = places[l][i], to = places[l + 1][j];
      const w = layer.w[k];
      const size = Number.isFinite(w) ? Math.abs(w) / limit : 0;
      lines.push(svg('line', {
        x1: from.x + (l === 0 ? 0 : from.size / 2), y1: from.y, x2: to.x - to.size / 2 - 2, y2: to.y,
        stroke: w < 0 ? NEGATIVE : POSITIVE, 'stroke-width': (0.4 + 3.6 * size).toFixed(3), 'stroke-opacity': (0.25 + 0.75 * size).toFixed(3),
        class: 'link', 'data-layer': l, 'data-i': i, 'data-j': j, 'data-w': w,
      }));
    }
  });
  group.replaceChildren(...lines);
  $('network-note').textContent = notes.join(' ');
}

function drawNodes(layers) {
  const probe = state.probe && state.probe.version === state.version ? state.probe : null;
  places[0].forEach((p, i) => {
    const v = probe ? probe.x[i] : 0.5;
    const g = Math.round(255 * Math.min(1, Math.max(0, v)));
    $('inputs').children[i].setAttribute('fill', `rgb(${g},${g},${g})`);
  });
  layers.forEach((layer, l) => {
    const last = l === layers.length - 1;
    const limit = symmetric(layer.w);
    nodes[l].forEach((node, j) => {
      if (!last) {
        const ctx = node.canvas.getContext('2d');
        const img = ctx.createImageData(node.columns, node.rows);
        for (let i = 0; i < layer.inputs; i++) img.data.set([...weightColour(layer.w[i * layer.outputs + j], limit), 255], 4 * i);
        ctx.putImageData(img, 0, 0);
        node.image.setAttribute('href', node.canvas.toDataURL());
        const h = probe ? probe.layers[l].h[j] : null;
        node.value.textContent = probe ? fmt(h, 2) : '';
        node.value.dataset.value = String(h);
      } else {
        const p = probe ? probe.p[j] : null;
        const bar = node.value.parentElement.querySelector('.p-bar');
        bar.setAttribute('width', String(places[l + 1][j].size * (p ?? 0)));
        node.value.textContent = `${state.run.classNames[j]}: p ${probe ? fmt(p, 3) : '–'}`;
        node.value.dataset.value = String(p);
      }
    });
  });
}

/** The hovered link's weight and gradient, as the engine sent them. */
function showLink(line) {
  const l = Number(line.dataset.layer), i = Number(line.dataset.i), j = Number(line.dataset.j);
  const layer = state.layers[l];
  const w = layer.w[i * layer.outputs + j];
  const g = layer.g ? layer.g[i * layer.outputs + j] : null;
  const from = l === 0 ? `x[${i}]` : state.layers.length > 2 ? `h${l}[${i}]` : `h[${i}]`;
  const to = l === state.layers.length - 1 ? `z${l + 1}[${j}] (${state.run.classNames[j]})` : `z${l + 1}[${j}]`;
  const info = $('link-info');
  info.textContent = `W${l + 1}[${i}, ${j}]: ${from} → ${to}. Weight ${fmt(w, 4)}; `
    + (g === null ? 'its gradient shows when training pauses.' : `dL/dW over the training set ${fmt(g, 6)} (a full-batch step moves it by −α times that).`);
  Object.assign(info.dataset, { layer: String(l), i: String(i), j: String(j), weight: String(w), gradient: String(g) });
}

export function wire() {
  $('network').addEventListener('pointerover', e => {
    const line = /** @type {Element} */ (e.target).closest('.link');
    if (line) showLink(line);
  });
}

