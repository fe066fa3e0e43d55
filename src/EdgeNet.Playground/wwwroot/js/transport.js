// The page talks to "an engine" with JSON text messages; this module hides where the engine runs. engine.json, beside
// the page, says which: {"transport":"websocket"} is the native server's session at /ws; {"transport":"worker",
// "worker":"engine-worker.js"} is the same session in a Web Worker (the static WebAssembly build). Either way the
// page sends exactly the text the session reads and receives exactly the text it writes, hello first.

/**
 * @typedef {object} Engine
 * @property {(text: string) => void} send   dropped when the engine is gone
 * @property {string} kind                   'websocket' or 'worker'
 */

/**
 * @param {{message: (text: string) => void, open: (kind: string) => void, closed: (why: string) => void}} on
 * @returns {Promise<Engine>}
 */
export async function connect(on) {
  const config = await engineConfig();
  if (config.transport === 'worker') current = worker(config, on);
  else if (config.transport === 'websocket') current = socket(on);
  else throw new Error(`engine.json names a transport this page does not know: ${config.transport}`);
  return current;
}

/** @type {Engine|null} */
let current = null;

/** Sends one message's text to the engine (before it is connected, or after it is gone: dropped). @param {string} text */
export function send(text) { if (current) current.send(text); }

async function engineConfig() {
  const response = await fetch(new URL('engine.json', location.href), { cache: 'no-store' });
  if (!response.ok) throw new Error(`engine.json: ${response.status} ${response.statusText}`);
  return response.json();
}

function socket(on) {
  const url = new URL('ws', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(url);
  ws.addEventListener('open', () => on.open('websocket'));
  ws.addEventListener('close', () => on.closed('Disconnected from the playground server. Reload the page to start again.'));
  ws.addEventListener('message', event => on.message(String(event.data)));
  return { kind: 'websocket', send: text => { if (ws.readyState === WebSocket.OPEN) ws.send(text); } };
}

function worker(config, on) {
  const url = new URL(config.worker, location.href);
  const engine = new Worker(url, config.module ? { type: 'module' } : undefined);
  let alive = true;
  // Each message handled is acknowledged (a number, outside the session's texts): the worker keeps at most a couple
  // of frames ahead of the page, so a slow page (a phone, a busy machine) is not buried under queued frames; the
  // socket gets the same from TCP's flow control.
  engine.addEventListener('message', event => {
    try { on.message(String(event.data)); } finally { engine.postMessage(1); }
  });
  engine.addEventListener('error', event => {
    alive = false;
    on.closed(`The engine stopped: ${event.message || 'the worker failed to load'}. Reload the page to start again.`);
  });
  on.open('worker');
  return { kind: 'worker', send: text => { if (alive) engine.postMessage(text); } };
}
