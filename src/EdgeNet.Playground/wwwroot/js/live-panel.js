// Panel 3: the live numbers, the loss and accuracy curves (uPlot), the test confusion matrix and the test patches the
// network gets wrong.
import { $, el, fmt, setOutput, countColour, css, patchCanvas, cell } from './draw.js';
import { state } from './state.js';

/** @param {import('./messages.js').Frame} m */
export function showNumbers(m) {
  setOutput('epoch-count', m.epoch, String(m.epoch));
  setOutput('epoch-total', m.epochs, String(m.epochs));
  const last = state.points[state.points.length - 1];
  setOutput('train-loss', last && last[1], last ? fmt(last[1], 6) : '–');
  setOutput('train-accuracy', last && last[2], last ? fmt(100 * last[2], 1) + '%' : '–');
  setOutput('test-loss', last && last[3], last && last[3] !== null ? fmt(last[3], 6) : '–');
  setOutput('test-accuracy', last && last[4], last && last[4] !== null ? fmt(100 * last[4], 1) + '%' : '–');
}

let lossChart = null, accuracyChart = null;

function chart(element, title, series, yRange) {
  element.replaceChildren();
  const width = Math.max(240, Math.min(460, element.parentElement.clientWidth || 460));
  return new uPlot({
    width, height: 200, legend: { show: true },
    scales: { x: { time: false }, y: yRange ? { range: yRange } : {} },
    axes: [{ label: 'epoch' }, { label: title }],
    series: [{ label: 'epoch' }, ...series],
  }, [[], ...series.map(() => [])], element);
}

// Train blue, test orange: Okabe–Ito's pair, told apart by every colour vision.
const SERIES = [{ label: 'train', stroke: '#0072b2', width: 2 }, { label: 'test', stroke: '#d55e00', width: 2, dash: [6, 3] }];

export function resetCharts() {
  if (typeof uPlot === 'undefined') return;
  lossChart = chart($('loss-chart'), 'loss', SERIES);
  accuracyChart = chart($('accuracy-chart'), 'accuracy %', SERIES, [0, 100]);
}

export function updateCharts() {
  if (!lossChart) return;
  const p = state.points;
  const x = p.map(r => r[0]);
  lossChart.setData([x, p.map(r => r[1]), p.map(r => r[3])]);
  accuracyChart.setData([x, p.map(r => 100 * r[2]), p.map(r => r[4] === null ? null : 100 * r[4])]);
}

/** @param {import('./messages.js').Frame} m */
export function drawConfusion(m) {
  const box = $('confusion');
  if (!m.confusion) { box.textContent = 'No test set.'; return; }
  const key = JSON.stringify(m.confusion);
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  const classes = state.run.classNames;
  const max = Math.max(1, ...m.confusion.flat());
  const table = el('table', { class: 'confusion' });
  table.append(el('caption', { class: 'sr-only', text: 'Confusion matrix of the test patches: rows the true class, columns the predicted one' }));
  const head = table.insertRow();
  head.append(el('th', { scope: 'col', text: 'true \\ predicted' }));
  for (const c of classes) head.append(el('th', { scope: 'col', text: c }));
  m.confusion.forEach((row, t) => {
    const tr = table.insertRow();
    tr.append(el('th', { scope: 'row', text: classes[t] }));
    row.forEach(count => {
      const td = tr.insertCell();
      td.textContent = String(count);
      td.style.background = css(countColour(count, max));
      td.style.color = count / max > 0.45 ? '#fff' : '#000';
    });
  });
  box.replaceChildren(table);
}

/** @param {import('./messages.js').Frame} m */
export function drawWrong(m) {
  const box = $('wrong');
  const run = state.run;
  if (!m.wrong) { box.replaceChildren(); $('wrong-count').textContent = ''; return; }
  $('wrong-count').textContent = `(${m.wrongCount} of ${m.testCount})`;
  $('wrong-count').dataset.value = String(m.wrongCount);
  const key = state.version + ':' + m.wrong.map(w => w.index + '>' + w.predicted).join(',');
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  if (!run.patchSide) { box.replaceChildren(); return; }
  box.replaceChildren(...m.wrong.map(w => {
    const text = `#${w.index}: ${run.classNames[w.label]} → ${run.classNames[w.predicted]}`;
    return cell(patchCanvas(w.pixels, run.patchSide, Math.max(2, Math.floor(40 / run.patchSide)), `Test patch ${text}`), text);
  }));
}

/** The strip of training patches. @param {import('./messages.js').Run} m */
export function drawSamples(m) {
  const box = $('samples');
  box.replaceChildren();
  if (!m.patchSide) return;
  for (const s of m.samples) {
    box.append(cell(patchCanvas(s.pixels, m.patchSide, Math.max(2, Math.floor(40 / m.patchSide)), `Training patch: ${m.classNames[s.label]}`), m.classNames[s.label]));
  }
}
