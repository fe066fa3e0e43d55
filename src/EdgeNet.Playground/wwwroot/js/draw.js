// Small helpers every panel uses: elements, number text, and the colours numbers map to. The page maps numbers the
// engine sent to text and colours; it computes nothing else.

/** @param {string} id @returns {HTMLElement} */
export const $ = id => document.getElementById(id);

/** @param {number|null|undefined} v @param {number} digits */
export function fmt(v, digits) { return v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits); }

/** An element with attributes and children. */
export function el(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

/** An SVG element with attributes. */
export function svg(tag, attributes = {}) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
  return e;
}

/** Shows text in the page's alert box (counted, so a test can wait for the n-th). */
export function showMessage(text) {
  const box = $('message');
  box.textContent = text;
  box.dataset.count = String(Number(box.dataset.count || 0) + 1);
}

/** An <output>'s text and, for tests and the lessons, its number. */
export function setOutput(id, value, text) {
  const out = $(id);
  out.textContent = text;
  out.dataset.value = value === null || value === undefined ? '' : String(value);
}

// ColorBrewer's RdBu (diverging, safe for the common colour blindnesses) and Blues, as the guide draws weights and
// counts: red negative, white zero, blue positive.
const RDBU = ['#67001f', '#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#f7f7f7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061'].map(hex);
const BLUES = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'].map(hex);
/** The strong ends of RdBu, for links and signs drawn on white. */
export const NEGATIVE = '#b2182b';
export const POSITIVE = '#2166ac';

function hex(h) { return [1, 3, 5].map(i => parseInt(h.slice(i, i + 2), 16)); }

function ramp(stops, t) {
  t = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0.5)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(t)), f = t - i;
  return stops[i].map((c, k) => Math.round(c + (stops[i + 1][k] - c) * f));
}

/** A weight's colour on a ±limit scale. @returns {number[]} r, g, b */
export const weightColour = (value, limit) => ramp(RDBU, (value / limit + 1) / 2);
/** A count's colour from 0 to max. */
export const countColour = (count, max) => ramp(BLUES, count / max);
export const css = ([r, g, b]) => `rgb(${r},${g},${b})`;

/** The largest |value|, or 1: the scale a set of weights is drawn on. */
export function symmetric(values) {
  let max = 0;
  for (const v of values) if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  return max > 0 ? max : 1;
}

/** A gray patch, one canvas pixel a patch pixel, drawn `scale` times larger. */
export function patchCanvas(pixels, side, scale, label) {
  const canvas = el('canvas');
  canvas.width = canvas.height = side;
  canvas.style.width = canvas.style.height = side * scale + 'px';
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const g = Math.round(255 * Math.min(1, Math.max(0, pixels[i])));
    img.data.set([g, g, g, 255], 4 * i);
  }
  ctx.putImageData(img, 0, 0);
  if (label) { canvas.setAttribute('role', 'img'); canvas.setAttribute('aria-label', label); }
  return canvas;
}

export function weightCanvas(values, rows, columns, limit, scale) {
  const canvas = el('canvas');
  canvas.width = columns;
  canvas.height = rows;
  canvas.style.width = columns * scale + 'px';
  canvas.style.height = rows * scale + 'px';
  paintWeights(canvas, values, limit);
  return canvas;
}

/** Repaints a weight canvas in place on a ±limit scale. */
export function paintWeights(canvas, values, limit) {
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(canvas.width, canvas.height);
  for (let i = 0; i < canvas.width * canvas.height; i++) img.data.set([...weightColour(values[i], limit), 255], 4 * i);
  ctx.putImageData(img, 0, 0);
}

/** A patch with its caption below. */
export function cell(canvas, text) {
  return el('div', { class: 'cell' }, canvas, el('span', { text }));
}
