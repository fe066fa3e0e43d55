// Panels 1 and 2: the data and the network's settings, built from the form the engine sends (hello.fields), the
// hidden layers, the training buttons, the CSV uploads and the downloads. Every change goes into the address and to
// the engine, which starts a new run.
import { $, el, showMessage } from './draw.js';
import * as Messages from './messages.js';
import { send } from './transport.js';
import { state, valueOf, setExplicit, settings, shown } from './state.js';

/** Builds the form from hello's fields. */
export function buildForm() {
  for (const panel of ['data', 'train']) $(panel + '-fields').replaceChildren();
  for (const f of state.hello.fields) {
    let input;
    if (f.kind === 'select') {
      input = el('select');
      for (const [value, text] of f.options) input.append(new Option(text, value));
    } else if (f.kind === 'check') {
      input = el('input', { type: 'checkbox' });
    } else {
      input = el('input', { type: 'text', inputmode: f.mode, autocomplete: 'off' });
    }
    input.id = 'field-' + f.key;
    input.name = f.key;
    const label = el('label', { for: input.id, text: f.label });
    const box = el('span', { class: f.kind === 'check' ? 'field check' : 'field', 'data-key': f.key });
    if (f.kind === 'check') box.append(input, label); else box.append(label, input);
    input.addEventListener('change', () => {
      setExplicit(f.key, f.kind === 'check' ? String(input.checked) : input.value.trim());
      if (f.kind === 'select') showFields();   // the data and the rule decide which fields show
      sendSettings();
    });
    $(f.panel + '-fields').append(box);
  }
  showFields();
}

/** Puts the current values into the form and shows the fields this data and rule read. */
export function showFields() {
  const s = {};
  for (const f of state.hello.fields) s[f.key] = valueOf(f.key);
  for (const f of state.hello.fields) {
    const input = /** @type {HTMLInputElement} */ ($('field-' + f.key));
    const value = valueOf(f.key);
    if (f.kind === 'check') input.checked = value === 'true'; else input.value = value;
    input.closest('.field').hidden = !shown(f, s);
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
    const input = el('input', { type: 'text', inputmode: 'numeric', id: 'hidden-' + (i + 1) });
    input.value = size.trim();
    input.addEventListener('change', () => {
      const now = valueOf('hidden').split(',');
      now[i] = input.value.trim();
      setExplicit('hidden', now.join(','));
      sendSettings();
    });
    box.append(el('label', {}, `Hidden layer ${i + 1} neurons`, input));
  });
  $('remove-layer').disabled = sizes.length <= 1;
  $('add-layer').disabled = state.hello && sizes.length >= state.hello.limits.maxHiddenLayers;
}

let settingsTimer = 0;
/** Sends the settings a moment after the last change (typing in a field sends once). */
export function sendSettings() {
  clearTimeout(settingsTimer);
  settingsTimer = setTimeout(sendSettingsNow, 150);
}

export function sendSettingsNow() {
  clearTimeout(settingsTimer);
  send(Messages.settings(settings()));
}

/** The run's lines: what the data is and the network's shape. @param {import('./messages.js').Run} m */
export function showRun(m) {
  $('data-summary').textContent = `${m.dataName}: ${m.trainCount} training and ${m.testCount} test patches, classes ${m.classNames.join(', ')}.`;
  $('shape').textContent = `Network ${m.shape.join('→')}, ${m.parameters} parameters, ${state.hello.activations[m.activation].name} hidden units, ${m.init} initial weights; optimizer ${m.optimizer}.`;
}

/** The buttons that follow the frame: Play while it can, Pause while it plays. @param {import('./messages.js').Frame} m */
export function showPlaying(m) {
  $('play').disabled = m.playing || m.finished;
  $('pause').disabled = !m.playing;
}

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
  if (file.size > state.hello.limits.maxCsvBytes) {
    showMessage(`${file.name} is ${file.size} bytes; the playground takes CSV files up to ${state.hello.limits.maxCsvBytes} bytes.`);
  } else {
    send(Messages.csv(role, file.name, String(await readFile(file, true))));
  }
  input.value = '';
}

/** Reads a photo file and sends it (the photo panel's input). */
export async function uploadPhoto(input) {
  const file = input.files[0];
  if (!file) return;
  if (file.size > state.hello.limits.maxPhotoBytes) {
    showMessage(`${file.name} is ${file.size} bytes; the playground takes photos up to ${state.hello.limits.maxPhotoBytes} bytes.`);
  } else {
    const url = String(await readFile(file, false));
    send(Messages.photo(file.name, url.slice(url.indexOf(',') + 1)));
  }
  input.value = '';
}

/** Saves a download message's text as a file. @param {import('./messages.js').Download} m */
export function save(m) {
  const url = URL.createObjectURL(new Blob([m.text], { type: m.mime }));
  const a = el('a', { href: url, download: m.name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function wire() {
  for (const type of ['play', 'pause', 'step', 'epoch', 'reset']) $(type).addEventListener('click', () => send(Messages.control(type)));
  $('download-model').addEventListener('click', () => send(Messages.download('model')));
  $('download-metrics').addEventListener('click', () => send(Messages.download('metrics')));
  $('speed').addEventListener('change', () => {
    setExplicit('speed', $('speed').value);
    send(Messages.speed(Number($('speed').value)));
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
}
