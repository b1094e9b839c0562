#!/usr/bin/env node
// Screenshots of the built training panel for the README, in headless Chromium outside VS Code: the host's HTML shell
// with the same CSP, served over a local HTTP origin, fed the host's state message for a REAL run (the adding problem
// trained by the worker's training loop, test/harness/trainingRunRecord.ts) by a stub acquireVsCodeApi, themed with
// Dark+ / Light+ variables. Fails (exit 1) on any CSP violation, console error, missing accessible name, or a chart
// that reports no data.
//
//   node scripts/screenshot-training.mjs                      → media/screenshots/training-panel-{dark,light}.png
//   node scripts/screenshot-training.mjs --cell lstm --lang es --out /tmp/shots --themes dark
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, dirname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const esbuild = require('esbuild');
const { chromium } = require('playwright-core');

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && index + 1 < process.argv.length ? process.argv[index + 1] : fallback;
}

const lang = option('lang', 'en');
const cell = option('cell', 'rnn');
const outDir = resolve(root, option('out', 'media/screenshots'));
const width = Number(option('width', '1200'));
const themes = option('themes', 'dark,light').split(',');
const suffix = cell === 'rnn' ? '' : `-${cell}`;

const harnessDir = mkdtempSync(join(tmpdir(), 'rnn-lab-training-harness-'));
const harnessFile = join(harnessDir, 'trainingPage.cjs');
esbuild.buildSync({
  entryPoints: [join(root, 'test/harness/trainingPage.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: harnessFile,
  logLevel: 'warning',
});
const harness = require(harnessFile);
if (!existsSync(join(root, 'dist/webview/training.js'))) execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });

const trainingStarted = Date.now();
const record = harness.addingRunRecord({ ...harness.DEFAULT_ADDING_RUN, cell });
console.log(`trained ${record.name}: ${record.epochs.length} epochs in ${Date.now() - trainingStarted} ms`);
const bundle = lang === 'en' ? {} : JSON.parse(readFileSync(join(root, `l10n/bundle.l10n.${lang}.json`), 'utf8'));
const state = harness.trainingStateMessage(harness.bundleTranslator(bundle), record);

const CONTENT_TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.png': 'image/png' };
let currentTheme = 'dark';
const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const send = (status, type, body) => {
    response.writeHead(status, { 'Content-Type': type });
    response.end(body);
  };
  if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
  if (url.pathname === '/') return send(200, 'text/html', harness.trainingHarnessPage(origin, lang));
  if (url.pathname === '/theme.css') return send(200, 'text/css', harness.themeStylesheet(currentTheme));
  if (url.pathname === '/stub.js') return send(200, 'text/javascript', harness.trainingStubScript(state, currentTheme));
  const file = normalize(join(root, url.pathname));
  if (!file.startsWith(join(root, 'dist') + '/') || !existsSync(file)) return send(404, 'text/plain', 'not found');
  return send(200, CONTENT_TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream', readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
let failed = false;
try {
  mkdirSync(outDir, { recursive: true });
  for (const theme of themes) {
    currentTheme = theme;
    const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const started = Date.now();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.__rnnLabPosted?.some((m) => m.type === 'rendered' && m.requestId === 0), null, { timeout: 15_000 });
    const elapsed = Date.now() - started;
    const posted = await page.evaluate(() => window.__rnnLabPosted);
    const violations = await page.evaluate(() => window.__rnnLabCspViolations);
    const report = posted.find((m) => m.type === 'rendered' && m.requestId === 0);
    if (posted[0]?.type !== 'ready') problems.push(`first message was ${JSON.stringify(posted[0])}, expected ready`);
    for (const chart of report.charts) if (chart.points === 0) problems.push(`chart ${chart.chart} reported no data`);
    const canvases = await page.evaluate(() =>
      Array.from(document.querySelectorAll('canvas')).filter((c) => !c.closest('[hidden]')).map((c) => ({ id: c.id, role: c.getAttribute('role'), label: c.getAttribute('aria-label') ?? '' })),
    );
    for (const c of canvases) if (c.role !== 'img' || c.label.length < 20) problems.push(`canvas without accessible name: ${JSON.stringify(c)}`);
    problems.push(...violations.map((v) => `CSP violation: ${v}`));
    const file = join(outDir, `training-panel${suffix}-${theme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const kb = (statSync(file).size / 1024).toFixed(0);
    console.log(`${theme}: ${report.charts.map((c) => `${c.chart} ${c.datasets}/${c.points}`).join(', ')} | ${canvases.length} canvases | ${elapsed} ms to report | ${file} (${kb} KB)`);
    if (problems.length > 0) {
      failed = true;
      for (const problem of problems) console.error(`  ✗ ${problem}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(harnessDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
