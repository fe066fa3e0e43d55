// Panel 6: a photo scanned by the network, patch by patch: its edge map.
import { $, fmt } from './draw.js';
import { uploadPhoto } from './settings-panel.js';

/** @param {import('./messages.js').Photo} m */
export function drawPhoto(m) {
  /** @type {HTMLImageElement} */ ($('photo-input')).src = m.input;
  /** @type {HTMLImageElement} */ ($('photo-map')).src = m.map;
  $('photo-summary').textContent = `${m.name}: ${m.width}×${m.height} pixels; ${fmt(100 * m.edgeFraction, 1)}% of them edges (p > 0.5); agreement with Sobel r = ${fmt(m.correlation, 3)}.`;
}

export function wire() {
  $('photo').addEventListener('change', e => uploadPhoto(e.target));
}
