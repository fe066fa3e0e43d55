// Panel 5: one update on the patch in the editor, shown (on a copy) or applied to the run, as `edgenet step --full`
// prints it.
import { $, fmt } from './draw.js';
import * as Messages from './messages.js';
import { send } from './transport.js';
import { state } from './state.js';
import { probe } from './probe-panel.js';

/** @param {import('./messages.js').Run} m */
export function showRun(m) {
  $('step-hint').textContent = m.tutorialStep
    ? 'One SGD update on the patch in the editor, every number of the forward and backward pass, as edgenet step --full prints it.'
    : `One ${m.optimizer} update on the patch in the editor with this run's optimizer state (its velocity or moments and its step count t) before and after, as edgenet step --optimizer ${m.rule} --full prints it.`;
}

/** @param {import('./messages.js').Trace} m */
export function drawTrace(m) {
  $('step-text').textContent = m.text;
  const summary = $('step-summary');
  summary.textContent = (m.applied ? 'Applied. ' : '') + `Loss before ${fmt(m.loss, 4)}, after ${fmt(m.lossAfter, 4)}: ${m.verdict}`;
  summary.dataset.loss = String(m.loss);
  summary.dataset.lossAfter = String(m.lossAfter);
  if (m.applied) probe();
}

function label() { return Number(/** @type {HTMLSelectElement} */ ($('step-label')).value); }

export function wire() {
  $('show-step').addEventListener('click', () => send(Messages.step(state.pixels, label(), false)));
  $('apply-step').addEventListener('click', () => send(Messages.step(state.pixels, label(), true)));
}
