// The page's state and its address, in one module (as tensorflow/playground's state.ts): typed fields for what the
// user chose and what the engine last sent. The address carries what a shared link must reproduce: the settings that
// differ from the engine's defaults and the speed in the query string, `embed=1` and `hide=…` for a page that shows
// less, and the lesson in the hash (#lesson=3). Nothing here computes: defaults come from the hello message.

/** @typedef {import('./messages.js').Hello} Hello */
/** @typedef {import('./messages.js').Run} Run */
/** @typedef {import('./messages.js').Frame} Frame */
/** @typedef {import('./messages.js').Probe} Probe */
/** @typedef {import('./messages.js').Field} Field */

/** Query-string keys that are not engine settings. */
const PAGE_KEYS = ['speed', 'hidden', 'embed', 'hide'];

export const state = {
  /** @type {Hello|null} what the engine sent first: defaults, caps, the form, the activations */
  hello: null,
  /** @type {Record<string, string>} settings the user set (the query string); all others are the defaults */
  explicit: {},
  /** @type {boolean} embedded in another page: no header or footer */
  embed: false,
  /** @type {string[]} panels hidden by the address (`hide=step,photo`) */
  hide: [],
  /** @type {boolean} the "show everything" switch: hide flags and lessons' focus off */
  showAll: false,
  /** @type {number|null} the open lesson (#lesson=N), or null */
  lesson: null,
  /** @type {Run|null} */
  run: null,
  /** @type {number} the run's version: messages of older runs are dropped */
  version: 0,
  /** @type {Frame|null} the last frame */
  frame: null,
  /** @type {Frame['points']} every epoch's numbers so far */
  points: [],
  /** @type {Frame['layers']|null} */
  layers: null,
  /** @type {Probe|null} the forward pass of the patch in the editor */
  probe: null,
  /** @type {number[]|null} the patch in the editor */
  pixels: null,
  /** @type {number} frames drawn */
  frames: 0,
};

/** Reads the address into the state; settings keys are checked against the form once hello arrives. */
export function readUrl() {
  const query = new URLSearchParams(location.search);
  state.explicit = {};
  for (const [key, value] of query) if (!['embed', 'hide'].includes(key)) state.explicit[key] = value;
  state.embed = query.get('embed') === '1';
  state.hide = (query.get('hide') || '').split(',').map(s => s.trim()).filter(s => s !== '');
  const lesson = /(?:^#|&)lesson=(\d+)/.exec(location.hash);
  state.lesson = lesson ? Number(lesson[1]) : null;
}

/** Keeps only the query keys the engine's form (or the page) knows. */
export function knownSettingsOnly() {
  for (const key of Object.keys(state.explicit)) {
    if (!PAGE_KEYS.includes(key) && !field(key)) delete state.explicit[key];
  }
}

/** Writes the state back into the address (replacing it: the back button leaves the page). */
export function writeUrl() {
  const query = new URLSearchParams();
  if (state.embed) query.set('embed', '1');
  if (state.hide.length) query.set('hide', state.hide.join(','));
  for (const [key, value] of Object.entries(state.explicit)) query.set(key, value);
  const text = query.toString();
  const hash = state.lesson === null ? '' : `#lesson=${state.lesson}`;
  history.replaceState(null, '', (text ? '?' + text : location.pathname) + hash);
}

/** @param {string} key @returns {Field|undefined} */
export function field(key) { return state.hello ? state.hello.fields.find(f => f.key === key) : undefined; }

/** The engine's default of a setting, for the chosen data and optimizer. @param {string} key @returns {string} */
export function defaultOf(key) {
  const d = state.hello.defaults;
  const kind = valueOfExplicit('data') === 'varied' ? d.varied : d.tutorial;
  if (key in kind) return String(kind[key]);
  if (key !== 'optimizer') {
    const rule = d.optimizers[valueOf('optimizer')];
    if (rule && key in rule) return String(rule[key]);
  }
  return d[key] === undefined ? '' : String(d[key]);
}

function valueOfExplicit(key) { return key in state.explicit ? state.explicit[key] : state.hello.defaults[key]; }

/** @param {string} key @returns {string} */
export function valueOf(key) { return key in state.explicit ? state.explicit[key] : defaultOf(key); }

/** Sets one setting; a value equal to the default leaves the address. */
export function setExplicit(key, value) {
  if (String(value) === defaultOf(key)) delete state.explicit[key]; else state.explicit[key] = String(value);
  writeUrl();
}

/** Sets several settings at once (a lesson's), dropping every other. @param {Record<string, string>} values */
export function replaceSettings(values) {
  const speed = state.explicit.speed;
  state.explicit = {};
  if (speed !== undefined) state.explicit.speed = speed;
  for (const [key, value] of Object.entries(values)) state.explicit[key] = String(value);
  writeUrl();
}

/** Whether a field shows for these settings (its `when`). @param {Field} f @param {Record<string, string>} s */
export function shown(f, s) { return !f.when || f.when.values.includes(s[f.when.key]); }

/** The settings message's fields: only what this data and rule read. @returns {Record<string, string>} */
export function settings() {
  const s = {};
  for (const f of state.hello.fields) s[f.key] = valueOf(f.key);
  s.hidden = valueOf('hidden');
  for (const f of state.hello.fields) if (!shown(f, s)) delete s[f.key];
  return s;
}

/** @param {string} panel @returns {boolean} */
export function hidden(panel) { return !state.showAll && state.hide.includes(panel); }
