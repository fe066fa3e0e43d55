// The playground's engine in a Web Worker: the same C# session as the local server's, on .NET's WebAssembly runtime.
// The page posts the JSON texts it would send on the WebSocket; this worker posts back exactly the texts the server
// would send (the session's hello first). No training, formula or option table lives here: the worker only carries
// messages, decodes photos with the browser's own decoder, and calls the session again when it says it is due.
'use strict';

let engine = null;            // the C# exports (WorkerEngine), once the runtime is up
const inbox = [];             // messages not yet handed over, in the order the page sent them
let draining = false;
let timer = 0;                // a paced run's next call
let soon = false;             // a call at once is queued on the channel
let unhandled = 0;            // messages posted that the page has not yet acknowledged (transport.js)
const AHEAD = 2;              // more than this unhandled: training waits for the page, as the server's waits on its socket
const channel = new MessageChannel();   // runs the session again at once, after messages already waiting (no 4 ms clamp)

function post(texts) {
  for (const text of texts) postMessage(text);
  unhandled += texts.length;
}

function schedule() {
  clearTimeout(timer);
  timer = 0;
  if (unhandled > AHEAD) return;          // the page's next acknowledgement schedules again
  const due = engine.Due();
  if (due < 0) return;
  if (due === 0) {
    if (!soon) { soon = true; channel.port2.postMessage(0); }
  } else {
    timer = setTimeout(run, due);
  }
}

function run() {
  soon = false;
  if (unhandled > AHEAD) return;
  post(engine.Run());
  schedule();
}
channel.port1.onmessage = run;

// A photo is decoded here by the browser (upright as its EXIF says, no colour management, alpha not premultiplied),
// at the size the engine asks for, and handed over as RGBA bytes; the engine turns them to gray as edgenet's decoder
// does. A file the browser cannot decode goes to the engine as sent, which says so.
async function photo(text, message) {
  let bitmap;
  try {
    const bytes = Uint8Array.from(atob(message.data), c => c.charCodeAt(0));
    const blob = new Blob([bytes]);
    const options = { imageOrientation: 'from-image', premultiplyAlpha: 'none', colorSpaceConversion: 'none' };
    const probe = await createImageBitmap(blob, options);
    const [width, height] = engine.PhotoSize(probe.width, probe.height);
    bitmap = width === probe.width && height === probe.height
      ? probe
      : await createImageBitmap(blob, { ...options, resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(bitmap, 0, 0);
    const rgba = new Uint8Array(context.getImageData(0, 0, width, height).data.buffer);
    post(engine.ReceivePhoto(String(message.name ?? 'upload'), rgba, width, height, probe.width, probe.height));
  } catch {
    post(engine.Receive(text));
  }
}

// Hands the waiting messages over in order; a photo being decoded holds back the ones after it.
async function drain() {
  if (draining || !engine) return;
  draining = true;
  while (inbox.length > 0) {
    const text = inbox.shift();
    let message = null;
    try { message = JSON.parse(text); } catch { /* the engine answers what is not JSON */ }
    if (message && message.type === 'photo' && typeof message.data === 'string') await photo(text, message);
    else post(engine.Receive(text));
    schedule();
  }
  draining = false;
}

// A listener, not onmessage: .NET's runtime, loaded into this worker, must not find (or replace) a handler of ours.
addEventListener('message', event => {
  if (typeof event.data === 'number') {
    unhandled = Math.max(0, unhandled - event.data);
    if (engine && !draining) schedule();
    return;
  }
  if (typeof event.data !== 'string') return;
  inbox.push(event.data);
  drain();
});

(async () => {
  const { dotnet } = await import('./_framework/dotnet.js');
  const runtime = await dotnet.create();
  const exports = await runtime.getAssemblyExports(runtime.getConfig().mainAssemblyName);
  engine = exports.EdgeNet.Playground.WorkerEngine;
  post(engine.Start());
  drain();
})().catch(error => {
  postMessage(JSON.stringify({ type: 'error', message: `The engine could not start in this browser: ${error && error.message ? error.message : error}`, fatal: true }));
});
