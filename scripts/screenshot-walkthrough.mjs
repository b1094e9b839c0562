#!/usr/bin/env node
// The walkthrough's images, cut from real renders of the panels (no mock-ups): the training panel of a real
// adding-problem run (test/harness/trainingPage.ts trains it with the worker's training loop) — its loss, gradient-decay
// and gradient-norm cards — in Dark+ and Light+, then the explanation panel of the LSTM topic
// (scripts/screenshot-explain.mjs). Fails (exit 1) on a CSP violation, a console error or a card that is missing.
//
//   node scripts/screenshot-walkthrough.mjs     → media/walkthrough/{training-loss,gradient-decay,gradient-clipping}-{dark,light}.png
//                                                  media/walkthrough/explain-lstm-{dark,light}.png
//   node scripts/screenshot-walkthrough.mjs --lang es   → the same in Spanish, named …-es-{dark,light}.png
// The first step's image is the Lecture Topologies panel (scripts/screenshot-topologies.mjs), copied in here because
// media/screenshots/ is left out of the VSIX.
import { createServer } from 'node:http';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
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
const suffix = lang === 'en' ? '' : `-${lang}`;
const outDir = join(root, 'media/walkthrough');
const themes = ['dark', 'light'];
/** Walkthrough image → the training panel card it shows (data-card of webview/training/chartCard.ts). */
const CARDS = { 'training-loss': 'loss', 'gradient-decay': 'decay', 'gradient-clipping': 'updates' };

const harnessDir = mkdtempSync(join(tmpdir(), 'rnn-lab-walkthrough-harness-'));
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
execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });

const record = harness.addingRunRecord({ ...harness.DEFAULT_ADDING_RUN, cell: 'rnn' });
const bundle = lang === 'en' ? {} : JSON.parse(readFileSync(join(root, `l10n/bundle.l10n.${lang}.json`), 'utf8'));
const state = harness.trainingStateMessage(harness.bundleTranslator(bundle), record);

let currentTheme = 'dark';
const CONTENT_TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
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
    const page = await browser.newPage({ viewport: { width: 780, height: 900 }, deviceScaleFactor: 1 });
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.__rnnLabPosted?.some((m) => m.type === 'rendered' && m.requestId === 0), null, { timeout: 15_000 });
    const violations = await page.evaluate(() => window.__rnnLabCspViolations);
    problems.push(...violations.map((v) => `CSP violation: ${v}`));
    for (const [name, card] of Object.entries(CARDS)) {
      const locator = page.locator(`section[data-card="${card}"]`);
      if ((await locator.count()) !== 1) {
        problems.push(`card ${card} not found`);
        continue;
      }
      const file = join(outDir, `${name}${suffix}-${theme}.png`);
      await locator.screenshot({ path: file });
      console.log(`${theme}: ${file} (${(statSync(file).size / 1024).toFixed(0)} KB)`);
    }
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
if (!failed) {
  execFileSync(process.execPath, [join(root, 'scripts/screenshot-explain.mjs'), '--topic', 'lstm', '--height', '640', '--lang', lang], { cwd: root, stdio: 'inherit' });
  const topologiesDir = mkdtempSync(join(tmpdir(), 'rnn-lab-walkthrough-topologies-'));
  execFileSync(process.execPath, [join(root, 'scripts/screenshot-topologies.mjs'), '--lang', lang, '--width', '1100', '--out', topologiesDir], { cwd: root, stdio: 'inherit' });
  for (const theme of themes) copyFileSync(join(topologiesDir, `topologies-${theme}.png`), join(outDir, `topologies${suffix}-${theme}.png`));
  rmSync(topologiesDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
