// EdgeNet playground page: plain JavaScript, no build step. The server runs the engine; this file only draws
// what it sends and sends what the user does. Settings live in the URL's query string.
'use strict';

// The settings form. A new engine option is one line here (and one in RunSettings.Parse on the server).
// key: query-string name; panel: where it shows; when: shown only for some data.
const FIELDS = [
  { key: 'data', label: 'Data', panel: 'data', kind: 'select', options: [['tutorial', "The tutorial's patches"], ['varied', 'Varied patches'], ['csv', 'Your CSV']] },
  { key: 'seed', label: 'Seed', panel: 'data', kind: 'text', mode: 'numeric' },
  { key: 'train', label: 'Training samples', panel: 'data', kind: 'text', mode: 'numeric', when: s => s.data !== 'csv' },
  { key: 'test', label: 'Test samples', panel: 'data', kind: 'text', mode: 'numeric', when: s => s.data !== 'csv' },
  { key: 'task', label: 'Task', panel: 'data', kind: 'select', options: [['edge', 'edge or not'], ['orientation', 'orientation']], when: s => s.data === 'varied' },
  { key: 'patch', label: 'Patch size', panel: 'data', kind: 'text', mode: 'numeric', when: s => s.data === 'varied' },
  { key: 'noise', label: 'Noise σ', panel: 'data', kind: 'text', mode: 'decimal', when: s => s.data === 'varied' },
  { key: 'contrast', label: 'Minimum contrast', panel: 'data', kind: 'text', mode: 'decimal', when: s => s.data === 'varied' },
  { key: 'softness', label: 'Edge softness', panel: 'data', kind: 'text', mode: 'decimal', when: s => s.data === 'varied' },
  { key: 'lr', label: 'Learning rate', panel: 'train', kind: 'text', mode: 'decimal' },
  { key: 'batch', label: 'Batch size', panel: 'train', kind: 'text', mode: 'numeric' },
  { key: 'epochs', label: 'Epochs', panel: 'train', kind: 'text', mode: 'numeric' },
  { key: 'shuffle', label: 'Shuffle', panel: 'train', kind: 'check' },
  { key: 'activation', label: 'Hidden activation', panel: 'train', kind: 'select', options: [['relu', 'ReLU'], ['leaky-relu', 'leaky ReLU (slope 0.01)'], ['tanh', 'tanh'], ['sigmoid', 'sigmoid']] },
  { key: 'init', label: 'Initial weights', panel: 'train', kind: 'select', options: [['tutorial', "tutorial's randn·0.3"], ['he', 'He: randn·√(2/fan-in)'], ['xavier', 'Xavier: randn·√(2/(fan-in + fan-out))']] },
  { key: 'optimizer', label: 'Optimizer', panel: 'train', kind: 'select', options: [['sgd', 'SGD'], ['momentum', 'momentum'], ['nesterov', 'Nesterov momentum'], ['adagrad', 'Adagrad'], ['rmsprop', 'RMSprop'], ['adam', 'Adam'], ['adamw', 'AdamW']] },
  { key: 'momentum', label: 'Momentum μ', panel: 'train', kind: 'text', mode: 'decimal', when: s => ['momentum', 'nesterov'].includes(s.optimizer) },
  { key: 'rms-decay', label: 'RMSprop decay ρ', panel: 'train', kind: 'text', mode: 'decimal', when: s => s.optimizer === 'rmsprop' },
  { key: 'beta1', label: 'β1', panel: 'train', kind: 'text', mode: 'decimal', when: s => ['adam', 'adamw'].includes(s.optimizer) },
  { key: 'beta2', label: 'β2', panel: 'train', kind: 'text', mode: 'decimal', when: s => ['adam', 'adamw'].includes(s.optimizer) },
  { key: 'eps', label: 'ε', panel: 'train', kind: 'text', mode: 'decimal', when: s => ['adagrad', 'rmsprop', 'adam', 'adamw'].includes(s.optimizer) },
  { key: 'weight-decay', label: 'Weight decay λ', panel: 'train', kind: 'text', mode: 'decimal' },
];

// h = f(z) of each hidden activation, for the probe's lines and a neuron's formula.
const ACTIVATIONS = {
  relu: { name: 'ReLU', value: z => `max(0, ${z})` },
  'leaky-relu': { name: 'LeakyReLU', value: z => `max(0.01·${z}, ${z})` },
  tanh: { name: 'tanh', value: z => `tanh(${z})` },
  sigmoid: { name: 'sigmoid', value: z => `1 / (1 + e^−(${z}))` },
};

// matplotlib's RdBu and Blues (ColorBrewer), as the guide draws weights and counts.
const RDBU = ['#67001f', '#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#f7f7f7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061'].map(hex);
const BLUES = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'].map(hex);

const $ = id => document.getElementById(id);
const state = {
  socket: null, worker: null, defaults: null, limits: null, explicit: {}, run: null, version: 0,
  points: [], layers: null, probe: null, probeSent: 0, probePending: false, frames: 0, pixels: null,
};

function hex(h) { return [1, 3, 5].map(i => parseInt(h.slice(i, i + 2), 16)); }

function ramp(stops, t) {
  t = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0.5)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(t)), f = t - i;
  return stops[i].map((c, k) => Math.round(c + (stops[i + 1][k] - c) * f));
}

// ---------- settings, form and URL ----------

function readUrl() {
  const query = new URLSearchParams(location.search);
  for (const [key, value] of query) {
    if (key === 'speed' || key === 'hidden' || FIELDS.some(f => f.key === key)) state.explicit[key] = value;
  }
}

function defaultOf(key) {
  const d = state.defaults;
  const kind = state.explicit.data === 'varied' ? d.varied : d.tutorial;
  if (key in kind) return String(kind[key]);
  if (key !== 'optimizer') {
    const rule = d.optimizers[valueOf('optimizer')];
    if (rule && key in rule) return String(rule[key]);
  }
  return d[key] === undefined ? '' : String(d[key]);
}

function valueOf(key) { return key in state.explicit ? state.explicit[key] : defaultOf(key); }

function settings() {
  const s = {};
  for (const f of FIELDS) s[f.key] = valueOf(f.key);
  s.hidden = valueOf('hidden');
  for (const f of FIELDS) if (f.when && !f.when(s)) delete s[f.key];   // only what this data and rule read
  return s;
}

function writeUrl() {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(state.explicit)) query.set(key, value);
  const text = query.toString();
  history.replaceState(null, '', text ? '?' + text : location.pathname);
}

function setExplicit(key, value) {
  if (String(value) === defaultOf(key)) delete state.explicit[key]; else state.explicit[key] = String(value);
  writeUrl();
}

function buildForm() {
  for (const panel of ['data', 'train']) $(panel + '-fields').replaceChildren();
  for (const f of FIELDS) {
    const field = document.createElement('span');
    field.className = f.kind === 'check' ? 'field check' : 'field';
    field.dataset.key = f.key;
    let input;
    if (f.kind === 'select') {
      input = document.createElement('select');
      for (const [value, text] of f.options) input.append(new Option(text, value));
    } else if (f.kind === 'check') {
      input = document.createElement('input');
      input.type = 'checkbox';
    } else {
      input = document.createElement('input');
      input.type = 'text';
      input.inputMode = f.mode;
      input.autocomplete = 'off';
    }
    input.id = 'field-' + f.key;
    input.name = f.key;
    const label = document.createElement('label');
    label.htmlFor = input.id;
    label.textContent = f.label;
    if (f.kind === 'check') field.append(input, label); else field.append(label, input);
    input.addEventListener('change', () => {
      setExplicit(f.key, f.kind === 'check' ? String(input.checked) : input.value.trim());
      if (f.kind === 'select') showFields();   // the data and the rule decide which fields show
      sendSettings();
    });
    $(f.panel + '-fields').append(field);
  }
  showFields();
}

function showFields() {
  const s = settings();
  for (const f of FIELDS) {
    const input = $('field-' + f.key);
    const value = valueOf(f.key);
    if (f.kind === 'check') input.checked = value === 'true'; else input.value = value;
    input.closest('.field').hidden = f.when ? !f.when(s) : false;
  }
  document.querySelector('.csv-only').hidden = s.data !== 'csv';
  $('speed').value = valueOf('speed') || '20';
  buildLayers();
}

function buildLayers() {
  const sizes = valueOf('hidden').split(',').filter(x => x.trim() !== '');
  const box = $('layers');
  box.replaceChildren();
  sizes.forEach((size, i) => {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'text';
    input.inputMode = 'numeric';
    input.id = 'hidden-' + (i + 1);
    input.value = size.trim();
    input.addEventListener('change', () => {
      const now = valueOf('hidden').split(',');
      now[i] = input.value.trim();
      setExplicit('hidden', now.join(','));
      sendSettings();
    });
    label.append(`Hidden layer ${i + 1} neurons`, input);
    box.append(label);
  });
  $('remove-layer').disabled = sizes.length <= 1;
  $('add-layer').disabled = state.limits && sizes.length >= state.limits.maxHiddenLayers;
}

let settingsTimer = 0;
function sendSettings() {
  clearTimeout(settingsTimer);
  settingsTimer = setTimeout(() => send({ type: 'settings', settings: settings() }), 150);
}

// ---------- socket ----------

function send(message) {
  if (state.worker) state.worker.postMessage(JSON.stringify(message));
  else if (state.socket && state.socket.readyState === WebSocket.OPEN) state.socket.send(JSON.stringify(message));
}

function receive(text) {
  let message;
  try { message = JSON.parse(text); } catch { return; }
  const handler = HANDLERS[message.type];
  if (handler) handler(message);
}

// The engine is the local server (a WebSocket) or, on a static site (edgenet playground --export), the same session
// in a Web Worker: engine.json says which. (A stopgap until transport.js.)
async function connect() {
  let engine = { transport: 'websocket' };
  try { engine = await (await fetch('engine.json', { cache: 'no-store' })).json(); } catch { /* an older server: the socket */ }
  if (engine.transport === 'worker') {
    const worker = new Worker(engine.worker);
    state.worker = worker;
    $('connection').textContent = 'This tab runs its own engine (WebAssembly, in a worker).';
    worker.addEventListener('message', event => receive(event.data));
    worker.addEventListener('error', event => {
      $('connection').textContent = `The engine stopped: ${event.message}. Reload the page to start again.`;
      document.body.dataset.connected = 'false';
    });
    return;
  }
  const socket = new WebSocket(`ws://${location.host}/ws`);
  state.socket = socket;
  socket.addEventListener('open', () => { $('connection').textContent = 'Connected: this tab has its own session.'; });
  socket.addEventListener('close', () => {
    $('connection').textContent = 'Disconnected from the playground server. Reload the page to start again.';
    document.body.dataset.connected = 'false';
  });
  socket.addEventListener('message', event => receive(event.data));
}

function showMessage(text) {
  const box = $('message');
  box.textContent = text;
  box.dataset.count = String(Number(box.dataset.count || 0) + 1);
}

const HANDLERS = {
  hello(m) {
    state.defaults = m.defaults;
    state.limits = m.limits;
    buildForm();
    send({ type: 'speed', value: Number(valueOf('speed') || 20) });
    send({ type: 'settings', settings: settings() });
  },
  error(m) { showMessage(m.message); },
  run(m) {
    state.run = m;
    state.version = m.version;
    state.points = [];
    state.layers = null;
    if (m.data === 'csv' && state.explicit.data !== 'csv') { setExplicit('data', 'csv'); showFields(); }
    $('message').textContent = '';
    $('data-summary').textContent = `${m.dataName}: ${m.trainCount} training and ${m.testCount} test patches, classes ${m.classNames.join(', ')}.`;
    $('shape').textContent = `Network ${m.shape.join('→')}, ${m.parameters} parameters, ${ACTIVATIONS[m.activation].name} hidden units, ${m.init} initial weights; optimizer ${m.optimizer}.`;
    $('step-hint').textContent = m.optimizer === 'sgd' && m.activation === 'relu'
      ? 'One SGD update on the patch in the editor, every number of the forward and backward pass, as edgenet step --full prints it.'
      : `One ${m.optimizer} update on the patch in the editor with this run's optimizer state (its velocity or moments and its step count t) before and after, as edgenet step --optimizer ${m.rule} --full prints it.`;
    drawSamples(m);
    setupEditor(m);
    resetCharts();
  },
  frame(m) {
    if (m.version !== state.version) return;
    state.frames++;
    document.body.dataset.frames = String(state.frames);
    if (m.from === 0) state.points = [];
    state.points.push(...m.points);
    state.layers = m.layers;
    showNumbers(m);
    updateCharts();
    drawHidden(m.layers);
    drawOutput(m.layers);
    drawConfusion(m);
    drawWrong(m);
    document.body.dataset.epoch = String(m.epoch);
    document.body.dataset.playing = String(m.playing);
    document.body.dataset.handSteps = String(m.handSteps);
    $('play').disabled = m.playing || m.finished;
    $('pause').disabled = !m.playing;
    if (state.pixels && performance.now() - state.probeSent > 150) probe();
  },
  probe(m) { state.probePending = false; state.probe = m; drawForward(m); },
  neuron(m) { drawFormula(m); },
  trace(m) {
    $('step-text').textContent = m.text;
    $('step-summary').textContent = (m.applied ? 'Applied. ' : '') + `Loss before ${fmt(m.loss, 4)}, after ${fmt(m.lossAfter, 4)}: ${m.verdict}`;
    $('step-summary').dataset.loss = String(m.loss);
    $('step-summary').dataset.lossAfter = String(m.lossAfter);
    if (m.applied) probe();
  },
  photo(m) {
    $('photo-input').src = m.input;
    $('photo-map').src = m.map;
    $('photo-summary').textContent = `${m.name}: ${m.width}×${m.height} pixels; ${fmt(100 * m.edgeFraction, 1)}% of them edges (p > 0.5); agreement with Sobel r = ${fmt(m.correlation, 3)}.`;
  },
  download(m) {
    const url = URL.createObjectURL(new Blob([m.text], { type: m.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = m.name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  },
};

// ---------- live numbers and charts ----------

function fmt(v, digits) { return v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits); }

function setOutput(id, value, text) {
  const out = $(id);
  out.textContent = text;
  out.dataset.value = value === null || value === undefined ? '' : String(value);
}

function showNumbers(m) {
  setOutput('epoch-count', m.epoch, String(m.epoch));
  setOutput('epoch-total', m.epochs, String(m.epochs));
  const last = state.points[state.points.length - 1];
  setOutput('train-loss', last && last[1], last ? fmt(last[1], 6) : '–');
  setOutput('train-accuracy', last && last[2], last ? fmt(100 * last[2], 1) + '%' : '–');
  setOutput('test-loss', last && last[3], last && last[3] !== null ? fmt(last[3], 6) : '–');
  setOutput('test-accuracy', last && last[4], last && last[4] !== null ? fmt(100 * last[4], 1) + '%' : '–');
}

let lossChart = null, accuracyChart = null;
function chart(element, title, series, yRange) {
  element.replaceChildren();
  return new uPlot({
    width: 460, height: 200, legend: { show: true },
    scales: { x: { time: false }, y: yRange ? { range: yRange } : {} },
    axes: [{ label: 'epoch' }, { label: title }],
    series: [{ label: 'epoch' }, ...series],
  }, [[], ...series.map(() => [])], element);
}

function resetCharts() {
  if (typeof uPlot === 'undefined') return;
  lossChart = chart($('loss-chart'), 'loss', [{ label: 'train', stroke: '#1f77b4', width: 2 }, { label: 'test', stroke: '#ff7f0e', width: 2 }]);
  accuracyChart = chart($('accuracy-chart'), 'accuracy %', [{ label: 'train', stroke: '#1f77b4', width: 2 }, { label: 'test', stroke: '#ff7f0e', width: 2 }], [0, 100]);
}

function updateCharts() {
  if (!lossChart) return;
  const p = state.points;
  const x = p.map(r => r[0]);
  lossChart.setData([x, p.map(r => r[1]), p.map(r => r[3])]);
  accuracyChart.setData([x, p.map(r => 100 * r[2]), p.map(r => r[4] === null ? null : 100 * r[4])]);
}

// ---------- pictures ----------

function patchCanvas(pixels, side, scale, label) {
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  canvas.style.width = canvas.style.height = side * scale + 'px';
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const g = Math.round(255 * Math.min(1, Math.max(0, pixels[i])));
    img.data.set([g, g, g, 255], 4 * i);
  }
  ctx.putImageData(img, 0, 0);
  if (label) canvas.setAttribute('aria-label', label);
  return canvas;
}

function weightCanvas(values, rows, columns, limit, scale) {
  const canvas = document.createElement('canvas');
  canvas.width = columns;
  canvas.height = rows;
  canvas.style.width = columns * scale + 'px';
  canvas.style.height = rows * scale + 'px';
  paintWeights(canvas, values, limit);
  return canvas;
}

// Repaints a weight canvas in place: red negative, white zero, blue positive, on a ±limit scale.
function paintWeights(canvas, values, limit) {
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(canvas.width, canvas.height);
  for (let i = 0; i < canvas.width * canvas.height; i++) img.data.set([...ramp(RDBU, (values[i] / limit + 1) / 2), 255], 4 * i);
  ctx.putImageData(img, 0, 0);
}

function cell(canvas, text) {
  const div = document.createElement('div');
  div.className = 'cell';
  const span = document.createElement('span');
  span.textContent = text;
  div.append(canvas, span);
  return div;
}

function drawSamples(m) {
  const box = $('samples');
  box.replaceChildren();
  if (!m.patchSide) return;
  for (const s of m.samples) box.append(cell(patchCanvas(s.pixels, m.patchSide, Math.max(2, Math.floor(40 / m.patchSide)), m.classNames[s.label]), m.classNames[s.label]));
}

function symmetric(values) {
  let max = 0;
  for (const v of values) if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  return max > 0 ? max : 1;
}

// Each hidden neuron's incoming weights: patch-shaped for the first layer, a strip for deeper ones. The buttons are
// built once per run and repainted in place on every frame.
function drawHidden(layers) {
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
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('aria-label', `Neuron ${j} of hidden layer ${l + 1}`);
      const span = document.createElement('span');
      span.textContent = hidden.length > 1 ? `h${l + 1}[${j}]` : `h[${j}]`;
      button.append(canvas, span);
      button.addEventListener('click', () => askNeuron(l, j));
      button.addEventListener('mouseenter', () => askNeuron(l, j));
      items.push(button);
    }
  });
  if (rebuild) {
    box.replaceChildren(...items);
    box.dataset.key = key;
  }
  box.dataset.limit = String(limit);
}

function drawOutput(layers) {
  const last = layers[layers.length - 1];
  const box = $('output-weights');
  const key = state.version + ':' + last.inputs + 'x' + last.outputs;
  if (box.dataset.key === key) {
    paintWeights(box.firstChild, last.w, symmetric(last.w));
    return;
  }
  const classes = state.run.classNames;
  const canvas = weightCanvas(last.w, last.inputs, last.outputs, symmetric(last.w), Math.max(6, Math.floor(160 / Math.max(last.inputs, last.outputs))));
  canvas.setAttribute('aria-label', `Output weights: ${last.inputs} hidden neurons (rows) × ${last.outputs} classes (columns)`);
  const caption = document.createElement('div');
  caption.className = 'hint';
  caption.textContent = `rows: hidden neurons; columns: ${classes.join(', ')}`;
  box.replaceChildren(canvas, caption);
  box.dataset.key = key;
}

function drawConfusion(m) {
  const box = $('confusion');
  if (!m.confusion) { box.textContent = 'No test set.'; return; }
  const key = JSON.stringify(m.confusion);
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  const classes = state.run.classNames;
  const max = Math.max(1, ...m.confusion.flat());
  const table = document.createElement('table');
  table.className = 'confusion';
  const head = table.insertRow();
  head.append(Object.assign(document.createElement('th'), { textContent: 'true \\ predicted' }));
  for (const c of classes) head.append(Object.assign(document.createElement('th'), { textContent: c }));
  m.confusion.forEach((row, t) => {
    const tr = table.insertRow();
    tr.append(Object.assign(document.createElement('th'), { textContent: classes[t] }));
    row.forEach(count => {
      const td = tr.insertCell();
      td.textContent = String(count);
      const [r, g, b] = ramp(BLUES, count / max);
      td.style.background = `rgb(${r},${g},${b})`;
      td.style.color = count / max > 0.5 ? '#fff' : '#000';
    });
  });
  box.replaceChildren(table);
}

function drawWrong(m) {
  const box = $('wrong');
  const run = state.run;
  if (!m.wrong) { box.replaceChildren(); $('wrong-count').textContent = ''; return; }
  $('wrong-count').textContent = `(${m.wrongCount} of ${m.testCount})`;
  $('wrong-count').dataset.value = String(m.wrongCount);
  const key = state.version + ':' + m.wrong.map(w => w.index + '>' + w.predicted).join(',');
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  if (!run.patchSide) { box.replaceChildren(); return; }
  box.replaceChildren(...m.wrong.map(w => cell(patchCanvas(w.pixels, run.patchSide, Math.max(2, Math.floor(40 / run.patchSide))),
    `#${w.index}: ${run.classNames[w.label]} → ${run.classNames[w.predicted]}`)));
}

// ---------- probe: the patch editor and the forward pass ----------

function examples(m) {
  const side = m.patchSide;
  const list = [];
  if (side === 5) list.push(["Part 1's edge", [0.1, 0.1, 0.5, 0.9, 0.9]]);   // the tutorial's perfect edge, row by row
  list.push(['Dark → bright', Array.from({ length: side }, (_, c) => (c < side / 2 ? 0.1 : 0.9))]);
  list.push(['Bright → dark', Array.from({ length: side }, (_, c) => (c < side / 2 ? 0.9 : 0.1))]);
  list.push(['Uniform gray', Array.from({ length: side }, () => 0.5)]);
  return list.map(([name, row]) => [name, Array.from({ length: side * side }, (_, i) => row[i % side])])
    .concat(m.samples.slice(0, 6).map((s, i) => [`Training patch ${i} (${m.classNames[s.label]})`, s.pixels]));
}

function setupEditor(m) {
  const select = $('example');
  select.replaceChildren();
  $('step-label').replaceChildren(...m.classNames.map((c, i) => new Option(`${i} (${c})`, String(i))));
  const editable = !!m.patchSide;
  for (const id of ['example', 'brush', 'pixels', 'show-step', 'apply-step']) $(id).disabled = !editable;
  if (!editable) { state.pixels = null; drawEditor(); return; }
  state.examples = examples(m);
  state.examples.forEach(([name], i) => select.append(new Option(name, String(i))));
  state.pixels = state.examples[0][1].slice();
  drawEditor();
  probe();
}

function drawEditor() {
  const canvas = $('editor');
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
  if (document.activeElement !== $('pixels')) $('pixels').value = state.pixels.map(v => String(v)).join(', ');
}

function paint(event) {
  const side = state.run && state.run.patchSide;
  if (!state.pixels || !side) return;
  const canvas = $('editor');
  const rect = canvas.getBoundingClientRect();
  const column = Math.floor((event.clientX - rect.left) / rect.width * side);
  const row = Math.floor((event.clientY - rect.top) / rect.height * side);
  if (column < 0 || row < 0 || column >= side || row >= side) return;
  const value = Number($('brush').value);
  if (state.pixels[row * side + column] === value) return;
  state.pixels[row * side + column] = value;
  drawEditor();
  probe();
}

function probe() {
  if (!state.pixels) return;
  state.probeSent = performance.now();
  send({ type: 'probe', pixels: state.pixels });
}

function vectorLine(name, values, layer, digits, clickable) {
  const div = document.createElement('div');
  div.className = 'vector';
  div.append(`${name} = [`);
  values.forEach((v, j) => {
    if (j > 0) div.append(', ');
    if (clickable) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = fmt(v, digits);
      b.setAttribute('aria-label', `${name}[${j}] = ${fmt(v, digits)}: show its formula`);
      b.addEventListener('click', () => askNeuron(layer, j));
      b.addEventListener('mouseenter', () => askNeuron(layer, j));
      div.append(b);
    } else {
      div.append(fmt(v, digits));
    }
  });
  div.append(']');
  return div;
}

function drawForward(m) {
  const box = $('forward');
  const layers = m.layers.length;
  const parts = [vectorLine('x', m.x, 0, 2, false)];
  m.layers.forEach((l, i) => {
    const input = i === 0 ? 'x' : (layers === 2 ? 'h' : `h${i}`);
    const note = document.createElement('div');
    note.className = 'hint';
    note.textContent = `z${i + 1} = ${input}·W${i + 1} + b${i + 1}` + (l.h ? `, then ${ACTIVATIONS[state.run.activation].name}` : ', then softmax');
    parts.push(note, vectorLine(`z${i + 1}`, l.z, i, 4, true));
    if (l.h) parts.push(vectorLine(layers === 2 ? 'h' : `h${i + 1}`, l.h, i, 4, true));
  });
  parts.push(vectorLine('p', m.p, layers - 1, 4, true));
  const prediction = document.createElement('p');
  prediction.className = 'prediction';
  prediction.id = 'prediction';
  const classes = state.run.classNames;
  prediction.textContent = `→ Prediction: ${classes[m.predicted]} (p = ${fmt(100 * m.p[m.predicted], 1)}%)`;
  prediction.dataset.p = JSON.stringify(m.p);
  parts.push(prediction);
  box.replaceChildren(...parts);
  $('predict-text').textContent = m.text;
}

function askNeuron(layer, index) {
  if (state.pixels) send({ type: 'neuron', layer, index });
}

function drawFormula(m) {
  const layers = state.layers ? state.layers.length : 2;
  const input = m.layer === 0 ? 'x' : (layers === 2 ? 'h' : `h${m.layer}`);
  const z = `z${m.layer + 1}[${m.index}]`;
  const w = `W${m.layer + 1}`;
  const terms = m.inputs.map((v, i) => `(${fmt(v, 2)})(${fmt(m.weights[i], 3)})`);
  let text = `${z} = Σᵢ ${input}[i]·${w}[i, ${m.index}] + b${m.layer + 1}[${m.index}]\n   = ${terms.join(' + ')} + (${fmt(m.bias, 3)})\n   = ${fmt(m.z, 4)}`;
  const act = ACTIVATIONS[state.run.activation];
  if (!m.last) text += `\n${layers === 2 ? 'h' : 'h' + (m.layer + 1)}[${m.index}] = ${act.name}(${z}) = ${act.value(fmt(m.z, 4))} = ${fmt(m.h, 4)}`;
  else text += `\np[${m.index}] = e^${z} / Σₖ e^z${m.layer + 1}[k] = ${fmt(m.p, 4)}  (${state.run.classNames[m.index]})`;
  const box = $('formula');
  box.textContent = text;
  box.style.whiteSpace = 'pre-wrap';
  box.dataset.layer = String(m.layer);
  box.dataset.index = String(m.index);
}

// ---------- uploads ----------

function readFile(file, asText) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    if (asText) reader.readAsText(file); else reader.readAsDataURL(file);
  });
}

async function uploadCsv(input, role) {
  const file = input.files[0];
  if (!file) return;
  if (file.size > state.limits.maxCsvBytes) {
    showMessage(`${file.name} is ${file.size} bytes; the playground takes CSV files up to ${state.limits.maxCsvBytes} bytes.`);
    input.value = '';
    return;
  }
  send({ type: 'csv', role, name: file.name, text: await readFile(file, true) });
  input.value = '';
}

async function uploadPhoto(input) {
  const file = input.files[0];
  if (!file) return;
  if (file.size > state.limits.maxPhotoBytes) {
    showMessage(`${file.name} is ${file.size} bytes; the playground takes photos up to ${state.limits.maxPhotoBytes} bytes.`);
    input.value = '';
    return;
  }
  const url = await readFile(file, false);
  send({ type: 'photo', name: file.name, data: String(url).slice(String(url).indexOf(',') + 1) });
  input.value = '';
}

// ---------- wiring ----------

function wire() {
  $('play').addEventListener('click', () => send({ type: 'play' }));
  $('pause').addEventListener('click', () => send({ type: 'pause' }));
  $('step').addEventListener('click', () => send({ type: 'step' }));
  $('epoch').addEventListener('click', () => send({ type: 'epoch' }));
  $('reset').addEventListener('click', () => send({ type: 'reset' }));
  $('download-model').addEventListener('click', () => send({ type: 'download', what: 'model' }));
  $('download-metrics').addEventListener('click', () => send({ type: 'download', what: 'metrics' }));
  $('speed').addEventListener('change', () => {
    setExplicit('speed', $('speed').value);
    send({ type: 'speed', value: Number($('speed').value) });
  });
  $('add-layer').addEventListener('click', () => {
    const sizes = valueOf('hidden').split(',');
    sizes.push(sizes[sizes.length - 1] || '8');
    setExplicit('hidden', sizes.join(','));
    buildLayers();
    sendSettings();
  });
  $('remove-layer').addEventListener('click', () => {
    const sizes = valueOf('hidden').split(',');
    if (sizes.length > 1) sizes.pop();
    setExplicit('hidden', sizes.join(','));
    buildLayers();
    sendSettings();
  });
  $('csv-train').addEventListener('change', e => uploadCsv(e.target, 'train'));
  $('csv-test').addEventListener('change', e => uploadCsv(e.target, 'test'));
  $('photo').addEventListener('change', e => uploadPhoto(e.target));
  const editor = $('editor');
  editor.addEventListener('pointerdown', e => { editor.setPointerCapture(e.pointerId); paint(e); });
  editor.addEventListener('pointermove', e => { if (e.buttons & 1) paint(e); });
  $('example').addEventListener('change', () => {
    state.pixels = state.examples[Number($('example').value)][1].slice();
    drawEditor();
    probe();
  });
  $('pixels').addEventListener('change', () => {
    const values = $('pixels').value.split(/[\s,]+/).filter(t => t !== '').map(Number);
    state.pixels = values;        // the server checks the count and the values, and says what is wrong
    drawEditor();
    probe();
  });
  $('show-step').addEventListener('click', () => send({ type: 'trace', pixels: state.pixels, label: Number($('step-label').value) }));
  $('apply-step').addEventListener('click', () => send({ type: 'apply', pixels: state.pixels, label: Number($('step-label').value) }));
}

readUrl();
wire();
connect();
