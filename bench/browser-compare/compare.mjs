// bench/browser-compare: drives Debian's Chromium (playwright-core, no downloaded browser) over the exported site with
// the benchmark page copied in, and prints the results as Markdown (run.sh is the way in).
//   node compare.mjs SITE
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const site = process.argv[2];
const loads = Number(process.env.LOADS || 5);
const here = path.dirname(new URL(import.meta.url).pathname);

function serve(precompressed) {
  const child = spawn('python3', [path.join(here, 'serve.py'), site, ...(precompressed ? ['--precompressed'] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', chunk => {
      const port = /PORT (\d+)/.exec(String(chunk));
      if (port) resolve({ url: `http://127.0.0.1:${port[1]}/`, stop: () => child.kill() });
    });
    child.on('exit', code => reject(new Error(`serve.py exited (${code})`)));
  });
}

const executablePath = process.env.EDGENET_CHROMIUM || '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
    '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
});

// From navigation to the page's first frame (the engine's first result drawn), in a fresh context (empty cache): the
// page's own clock (performance.now() counts from the navigation) when body[data-frames] first appears.
async function firstFrame(url) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.firstFrame = new Promise(resolve => {
      new MutationObserver((_, observer) => {
        if (document.body && document.body.dataset.frames) { observer.disconnect(); resolve(performance.now()); }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-frames'] });
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  await fetch(new URL('__served?reset', url));
  await page.goto(url);
  const ms = await page.evaluate(() => window.firstFrame);
  const served = await (await fetch(new URL('__served', url))).json();
  await context.close();
  if (errors.length) throw new Error(errors.join('\n'));
  return { ms, ...served };
}

const rows = [];
for (const precompressed of [false, true]) {
  const server = await serve(precompressed);
  const runs = [];
  for (let i = 0; i < loads; i++) runs.push(await firstFrame(server.url));
  rows.push({ precompressed, runs });
  server.stop();
}

const server = await serve(true);
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(new URL('bench.html', server.url).href);
const speed = await page.evaluate(() => window.benchDone);
await context.close();
server.stop();
await browser.close();

const median = v => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const fmt = (v, d = 0) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1] || os.cpus()[0].model;
const flags = (readFileSync('/proc/cpuinfo', 'utf8').match(/flags\s*:\s*(.*)/) || ['', ''])[1].split(' ');
const version = execFileSync(executablePath, ['--version']).toString().trim();
const out = [];
out.push(`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`bash bench/browser-compare/run.sh\` on ${cpu} (${os.cpus().length} cores, ${flags.includes('avx512f') ? 'AVX-512' : flags.includes('avx2') ? 'AVX2, no AVX-512' : 'no AVX2'}), ${version}, headless; load average at the end ${os.loadavg().map(l => l.toFixed(1)).join(', ')} (1, 5, 15 min).`);
out.push('');
out.push('| per training step (25→8→2, SGD, 1,024 tutorial patches) | EdgeNet (WebAssembly, worker) | ConvNetJS 0.3.0 (worker) | EdgeNet steps/s ÷ ConvNetJS\'s |');
out.push('|---|---:|---:|---:|');
for (const r of speed) {
  out.push(`| batch ${r.batch} (median of ${r.rounds} rounds of ${r.epochs} epochs; EdgeNet's path: ${r.plan}) | ${fmt(r.edgeNsPerStep)} ns | ${fmt(r.convNsPerStep)} ns | ${fmt(r.convNsPerStep / r.edgeNsPerStep, 2)}× |`);
}
out.push('');
out.push(`Same start, same learning: after one epoch the two networks' weights differ by at most ${speed.map(r => r.weightsAfterOneEpoch.toExponential(1)).join(' (batch 1) and ')} (batch 64), relative.`);
out.push('');
out.push('| the playground, from navigation to its first frame (fresh context each load) | median | all loads | transferred |');
out.push('|---|---:|---|---:|');
for (const row of rows) {
  const name = row.precompressed ? 'precompressed host (the .br files, as nginx brotli_static or a CDN serves them)' : '`python3 -m http.server` (no compression)';
  out.push(`| ${name} | ${fmt(median(row.runs.map(r => r.ms)))} ms | ${row.runs.map(r => fmt(r.ms)).join(', ')} ms | ${fmt(row.runs[0].bytes / 1e6, 2)} MB in ${row.runs[0].files} files |`);
}
console.log(out.join('\n'));
