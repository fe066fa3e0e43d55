// The lessons: the tutorial as guided steps, from the engine's table in hello (text, task, settings, panels). The open
// lesson is #lesson=N in the address; the session checks its task against its own numbers and says "done"; the page
// keeps which lessons are done in localStorage. Also which panels show: a lesson's, the address's hide=…, embed=1,
// or everything (the "show everything" switch).
import { $, el } from './draw.js';
import * as Messages from './messages.js';
import { send } from './transport.js';
import { state, writeUrl, hidden } from './state.js';
import { showFields, sendSettingsNow } from './settings-panel.js';

const STORE = 'edgenet-playground-lessons-done';
/** Panels by name, as lessons and hide=… name them. */
const PANELS = { lessons: 'lesson-panel', data: 'data-panel', train: 'train-panel', network: 'network-panel', live: 'live-panel', probe: 'probe-panel', step: 'step-panel', photo: 'photo-panel' };

/** @returns {number[]} */
function doneList() {
  try { return JSON.parse(localStorage.getItem(STORE) || '[]').filter(Number.isInteger); } catch { return []; }
}

function markDone(n) {
  const done = new Set(doneList());
  done.add(n);
  try { localStorage.setItem(STORE, JSON.stringify([...done].sort((a, b) => a - b))); } catch { /* private mode: progress not kept */ }
}

function lesson() { return state.hello && state.lesson !== null ? state.hello.lessons.find(l => l.number === state.lesson) : undefined; }

/** The settings the open lesson starts from, under those the address sets. @returns {Record<string, string>} */
export function lessonSettings() {
  const l = lesson();
  return l ? { ...l.settings } : {};
}

/** Opens lesson n (or none): its settings replace the page's, its panels show. */
export function open(n, applySettings) {
  state.lesson = n;
  const l = lesson();
  if (!l) state.lesson = null;
  if (l && applySettings) {
    const speed = state.explicit.speed;
    state.explicit = { ...l.settings };
    if (speed !== undefined) state.explicit.speed = speed;
  }
  writeUrl();
  send(Messages.lesson(state.lesson ?? 0));
  if (l && applySettings) {
    showFields();
    sendSettingsNow();
  }
  draw(null);
  applyVisibility();
}

/** Draws the lesson panel: the open lesson (with its status) or the list. @param {{done: boolean, status: string}|null} result */
export function draw(result) {
  const box = $('lesson-panel');
  const done = doneList();
  const l = lesson();
  const list = el('ol', { class: 'lesson-list' }, ...state.hello.lessons.map(x => el('li', {},
    el('a', { href: `#lesson=${x.number}`, 'data-lesson': String(x.number), 'aria-current': x.number === state.lesson ? 'step' : 'false' },
      `${x.part}: ${x.title}`), done.includes(x.number) ? el('span', { class: 'done-mark', text: ' ✓ done' }) : '')));
  if (!l) {
    box.replaceChildren(el('h2', { id: 'lesson-title', text: 'Lessons' }),
      el('p', { class: 'hint', text: 'The tutorial, step by step: each lesson sets the page up, gives you a task, and the engine checks it.' }), list);
    return;
  }
  const next = state.hello.lessons.find(x => x.number === l.number + 1);
  const status = el('p', { id: 'lesson-status', class: result && result.done ? 'lesson-status done' : 'lesson-status', role: 'status' },
    result ? (result.done ? 'Done! ' : 'Not yet. ') + result.status : 'Checking…');
  status.dataset.done = result ? String(result.done) : '';
  box.replaceChildren(
    el('h2', { id: 'lesson-title', text: `Lesson ${l.number}: ${l.title}` }),
    el('p', { class: 'hint', text: `${l.part} of the tutorial` }),
    el('p', { class: 'lesson-text', text: l.text }),
    el('p', { class: 'lesson-task' }, el('strong', { text: 'Task: ' }), l.task),
    status,
    el('div', { class: 'buttons' },
      ...(next ? [el('button', { type: 'button', id: 'next-lesson', text: `Next: ${next.title}`, onclick: () => open(next.number, true) })] : []),
      el('button', { type: 'button', text: 'Close the lesson', onclick: () => open(null, false) })),
    el('details', {}, el('summary', { text: 'All lessons' }), list));
}

/** The session's check of the open lesson. @param {{lesson: number, done: boolean, status: string}} m */
export function result(m) {
  if (m.lesson !== state.lesson) return;
  if (m.done) markDone(m.lesson);
  draw(m);
}

/** Shows the panels the lesson, the address and the switch ask for. */
export function applyVisibility() {
  const l = lesson();
  const focus = l && !state.showAll ? l.panels : null;
  for (const [name, id] of Object.entries(PANELS)) {
    const off = hidden(name) || (focus !== null && name !== 'lessons' && !focus.includes(name));
    $(id).hidden = off;
  }
  document.querySelector('.controls').hidden = $('data-panel').hidden && $('train-panel').hidden && $('lesson-panel').hidden;
  document.querySelector('.tools').hidden = ['probe', 'step', 'photo'].every(n => $(PANELS[n]).hidden);
  document.body.classList.toggle('embed', state.embed && !state.showAll);
  $('layout').classList.toggle('no-live', $('live-panel').hidden);
  const partial = state.embed || state.hide.length > 0 || l !== undefined;
  $('view-bar').hidden = !partial;
  /** @type {HTMLInputElement} */ ($('show-all')).checked = state.showAll;
}

export function wire() {
  window.addEventListener('hashchange', () => {
    const m = /(?:^#|&)lesson=(\d+)/.exec(location.hash);
    const n = m ? Number(m[1]) : null;
    if (n !== state.lesson) open(n, true);
  });
  $('show-all').addEventListener('change', e => {
    state.showAll = /** @type {HTMLInputElement} */ (e.target).checked;
    applyVisibility();
  });
}
