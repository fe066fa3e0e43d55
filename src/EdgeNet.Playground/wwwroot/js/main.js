// The playground page: connects to its engine, hands each message to the panel that draws it, and exposes its state
// (window.state, read-only by convention) for tests and the browser console. No build step: the browser loads these
// modules as they are.
import { $, showMessage } from './draw.js';
import * as Messages from './messages.js';
import { connect, send } from './transport.js';
import { state, readUrl, knownSettingsOnly, valueOf, setExplicit } from './state.js';
import * as Settings from './settings-panel.js';
import * as Live from './live-panel.js';
import * as Probe from './probe-panel.js';
import * as Step from './step-panel.js';
import * as Photo from './photo-panel.js';
import * as Network from './network.js';
import { drawFormula, refreshFormula, clearFormula } from './formula.js';
import * as Lessons from './lessons.js';

/** @type {Record<string, (m: any) => void>} */
const HANDLERS = {
  /** @param {import('./messages.js').Hello} m */
  hello(m) {
    state.hello = m;
    if (state.lesson !== null) state.explicit = { ...Lessons.lessonSettings(), ...state.explicit };
    knownSettingsOnly();
    Lessons.open(state.lesson, false);
    Settings.buildForm();
    send(Messages.speed(Number(valueOf('speed') || 20)));
    Settings.sendSettingsNow();
  },
  /** @param {import('./messages.js').ErrorMessage} m */
  error(m) { showMessage(m.message); },
  /** @param {import('./messages.js').Run} m */
  run(m) {
    state.run = m;
    state.version = m.version;
    state.points = [];
    state.layers = null;
    if (m.data === 'csv' && state.explicit.data !== 'csv') { setExplicit('data', 'csv'); Settings.showFields(); }
    $('message').textContent = '';
    Settings.showRun(m);
    Step.showRun(m);
    Live.drawSamples(m);
    clearFormula();
    Probe.setupEditor(m);
    Live.resetCharts();
  },
  /** @param {import('./messages.js').Frame} m */
  frame(m) {
    if (m.version !== state.version) return;
    state.frames++;
    state.frame = m;
    if (m.from === 0) state.points = [];
    state.points.push(...m.points);
    state.layers = m.layers;
    Live.showNumbers(m);
    Live.updateCharts();
    Network.drawNetwork();
    Live.drawConfusion(m);
    Live.drawWrong(m);
    Settings.showPlaying(m);
    const body = document.body.dataset;
    body.frames = String(state.frames);
    body.epoch = String(m.epoch);
    body.playing = String(m.playing);
    body.handSteps = String(m.handSteps);
    Probe.reprobe(m);
  },
  /** @param {import('./messages.js').Probe} m */
  probe(m) {
    if (m.version !== state.version) return;
    state.probe = m;
    Probe.drawForward(m);
    Network.drawNetwork();
    refreshFormula();
  },
  neuron: drawFormula,
  trace: Step.drawTrace,
  photo: Photo.drawPhoto,
  download: Settings.save,
  lesson: Lessons.result,
};

function receive(text) {
  const message = Messages.parse(text);
  const handler = message && HANDLERS[message.type];
  if (handler) handler(message);
}

readUrl();
Settings.wire();
Probe.wire();
Step.wire();
Photo.wire();
Network.wire();
Lessons.wire();
window.state = state;
connect({
  message: receive,
  open: kind => { $('connection').textContent = kind === 'worker' ? 'Running: the engine is in this tab (WebAssembly).' : 'Connected: this tab has its own session.'; },
  closed: why => { $('connection').textContent = why; document.body.dataset.connected = 'false'; },
}).catch(e => showMessage(`Could not reach the engine: ${e.message}`));
