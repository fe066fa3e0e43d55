// Panel 5: one update on the patch in the editor, shown (on a copy) or applied to the run. The numbers as small
// tables, each beside its formula and the part of the tutorial that explains it, in the tutorial's order (the
// engine's StepTrace.Quantities, sent with the trace); the full `edgenet step --full` text one click away.
import { $, el, fmt } from './draw.js';
import * as Messages from './messages.js';
import { send } from './transport.js';
import { state } from './state.js';
import { probe } from './probe-panel.js';

/** Quantities with more numbers than this are folded (one click shows them). */
const SMALL = 16;

/** Headings of the engine's stages (StepStage), in its order. */
const STAGES = { forward: 'Forward pass', loss: 'Loss', backward: 'Backward pass', update: 'Update', after: 'The same patch after the step' };

/** @param {import('./messages.js').Run} m */
export function showRun(m) {
  $('step-hint').textContent = m.tutorialStep
    ? 'One SGD update on the patch in the editor: every number of the forward and backward pass, each with its formula.'
    : `One ${m.optimizer} update on the patch in the editor with this run's optimizer state (its velocity or moments and its step count t) before and after, as edgenet step --optimizer ${m.rule} --full prints it.`;
  $('step-tables').replaceChildren();
  $('step-summary').textContent = '';
  $('step-text').textContent = '';
}

/** @param {import('./messages.js').Trace} m */
export function drawTrace(m) {
  $('step-text').textContent = m.text;
  const summary = $('step-summary');
  summary.textContent = (m.applied ? 'Applied. ' : '') + `Loss before ${fmt(m.loss, 4)}, after ${fmt(m.lossAfter, 4)}: ${m.verdict}`;
  summary.dataset.loss = String(m.loss);
  summary.dataset.lossAfter = String(m.lossAfter);
  summary.dataset.label = String(m.label);
  if (m.quantities) drawTables(m.quantities); else drawParameters(m.ruleLines || [], m.parameters || []);
  if (m.applied) probe();
}

/** @param {import('./messages.js').StepQuantity[]} quantities */
function drawTables(quantities) {
  const side = state.run && state.run.patchSide;
  const groups = [];
  for (const [stage, title] of Object.entries(STAGES)) {
    const items = quantities.filter(q => q.stage === stage);
    if (items.length) groups.push(el('div', { class: 'stage' }, el('h3', { text: title }), ...items.map(q => quantity(q, side))));
  }
  $('step-tables').replaceChildren(...groups);
}

/** One quantity: its name and formula, the tutorial's part, and its numbers as a table (x as the patch's square). */
function quantity(q, side) {
  const square = q.symbol === 'x' && side && q.columns === side * side;
  const rows = square ? side : q.rows, columns = square ? side : q.columns;
  const table = numbers(q, rows, columns);
  const caption = el('figcaption', {}, el('span', { class: 'formula-line', text: q.formula }), ' ', el('span', { class: 'part', text: q.part }));
  const count = rows * columns;
  const body = count > SMALL && !square
    ? el('details', {}, el('summary', { text: `${rows}×${columns} numbers` }), table)
    : table;
  const figure = el('figure', { class: 'quantity' }, caption, body);
  figure.dataset.symbol = q.symbol;
  return figure;
}

/** Another rule's step: its formulas, then one table per parameter, a row per number and a column per quantity. */
function drawParameters(rule, parameters) {
  const tables = parameters.map(p => {
    const count = p.rows * p.columns;
    const head = el('tr', {}, el('th', { scope: 'col', text: 'index' }), ...p.values.map(c => el('th', { scope: 'col', text: c.name })));
    const lines = Array.from({ length: count }, (_, i) => el('tr', {},
      el('th', { scope: 'row', text: p.rows === 1 ? `[${i}]` : `[${Math.floor(i / p.columns)},${i % p.columns}]` }),
      ...p.values.map(c => el('td', { class: c.values[i] < 0 ? 'negative' : '', text: fmt(c.values[i], 4) }))));
    const table = el('table', { class: 'mini', 'aria-label': p.name }, el('thead', {}, head), el('tbody', {}, ...lines));
    const figure = el('figure', { class: 'quantity' }, el('figcaption', {}, el('span', { class: 'formula-line', text: `${p.name} (${p.rows}×${p.columns})` })),
      count > SMALL ? el('details', {}, el('summary', { text: `${count} numbers` }), table) : table);
    figure.dataset.symbol = p.name;
    return figure;
  });
  $('step-tables').replaceChildren(el('div', { class: 'stage' }, el('h3', { text: STAGES.update }),
    ...rule.map(line => el('p', { class: 'formula-line', text: line })), ...tables));
}

function numbers(q, rows, columns) {
  const head = el('tr', {}, el('th', { class: 'corner', 'aria-hidden': 'true' }), ...Array.from({ length: columns }, (_, j) => el('th', { scope: 'col', text: String(j) })));
  const lines = Array.from({ length: rows }, (_, i) => el('tr', {}, el('th', { scope: 'row', text: rows > 1 ? String(i) : '' }),
    ...Array.from({ length: columns }, (_, j) => {
      const v = q.values[i * columns + j];
      return el('td', { class: v < 0 ? 'negative' : '', text: fmt(v, 4) });
    })));
  return el('table', { class: 'mini', 'aria-label': q.symbol }, el('thead', {}, head), el('tbody', {}, ...lines));
}

function label() { return Number(/** @type {HTMLSelectElement} */ ($('step-label')).value); }

export function wire() {
  $('show-step').addEventListener('click', () => send(Messages.step(state.pixels, label(), false)));
  $('apply-step').addEventListener('click', () => send(Messages.step(state.pixels, label(), true)));
}
