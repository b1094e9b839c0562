#!/usr/bin/env node
// Screenshots of the built "Lecture Topologies" webview for the README, taken in headless Chromium outside VS Code:
// the page is the host's own HTML shell with the same CSP, served over a local HTTP origin, fed the host's state
// message by a stub acquireVsCodeApi (test/harness/topologyPage.ts), themed with Dark+ / Light+ variables.
// Fails (exit 1) on any CSP violation, console error, or if the page does not report the expected diagrams.
//
//   node scripts/screenshot-topologies.mjs                    → media/screenshots/topologies-{dark,light}.png
//   node scripts/screenshot-topologies.mjs --lang es --out /tmp/shots --focus many-to-one:200:1
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
const outDir = resolve(root, option('out', 'media/screenshots'));
const focusOption = option('focus', '');
const width = Number(option('width', '1100'));
const themes = option('themes', 'dark,light').split(',');

// The harness is TypeScript that imports the host's page and string code: bundle it for Node on the fly.
const harnessDir = mkdtempSync(join(tmpdir(), 'rnn-lab-harness-'));
const harnessFile = join(harnessDir, 'topologyPage.cjs');
esbuild.buildSync({
  entryPoints: [join(root, 'test/harness/topologyPage.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: harnessFile,
  logLevel: 'warning',
});
const harness = require(harnessFile);

if (!existsSync(join(root, 'dist/webview/topology.js'))) {
  execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
}

const bundle = lang === 'en' ? {} : JSON.parse(readFileSync(join(root, `l10n/bundle.l10n.${lang}.json`), 'utf8'));
const focus = focusOption === '' ? null : harness.parseFocusOption(focusOption);
const state = harness.harnessStateMessage(harness.bundleTranslator(bundle), focus);

const CONTENT_TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };
let currentTheme = 'dark';
const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const send = (status, type, body) => {
    response.writeHead(status, { 'Content-Type': type });
    response.end(body);
  };
  if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
  if (url.pathname === '/') return send(200, 'text/html', harness.harnessPage(origin, lang));
  if (url.pathname === '/theme.css') return send(200, 'text/css', harness.themeStylesheet(currentTheme));
  if (url.pathname === '/stub.js') return send(200, 'text/javascript', harness.stubScript(state, currentTheme));
  const file = normalize(join(root, url.pathname));
  const allowed = [join(root, 'dist') + '/', join(root, 'media') + '/'];
  if (!allowed.some((prefix) => file.startsWith(prefix)) || !existsSync(file)) return send(404, 'text/plain', 'not found');
  const extension = file.slice(file.lastIndexOf('.'));
  return send(200, CONTENT_TYPES[extension] ?? 'application/octet-stream', readFileSync(file));
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
    const page = await browser.newPage({ viewport: { width, height: 700 }, deviceScaleFactor: 1 });
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const started = Date.now();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.__rnnLabPosted?.some((m) => m.type === 'rendered'), null, { timeout: 10_000 });
    const posted = await page.evaluate(() => window.__rnnLabPosted);
    const violations = await page.evaluate(() => window.__rnnLabCspViolations);
    const report = posted.find((m) => m.type === 'rendered');
    const svgs = await page.evaluate(() =>
      Array.from(document.querySelectorAll('svg')).map((s) => ({ role: s.getAttribute('role'), label: s.getAttribute('aria-label') ?? '' })),
    );
    const elapsed = Date.now() - started;
    if (posted[0]?.type !== 'ready') problems.push(`first message was ${JSON.stringify(posted[0])}, expected ready`);
    if (report.rendered.length !== (focus ? 1 : 5)) problems.push(`rendered ${report.rendered.length} diagrams: ${report.rendered.join(', ')}`);
    if (focus && report.rendered[0] !== focus.topology) problems.push(`focused ${focus.topology} not first: ${report.rendered.join(', ')}`);
    for (const s of svgs) if (s.role !== 'img' || s.label.length < 20) problems.push(`svg without accessible name: ${JSON.stringify(s)}`);
    problems.push(...violations.map((v) => `CSP violation: ${v}`));
    const file = join(outDir, `topologies-${theme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    // A theme switch as VS Code does it (new --vscode-* values, then a new body class) must recolour the drawing.
    const recoloured = await page.evaluate(async () => {
      document.documentElement.style.setProperty('--vscode-charts-green', '#123456');
      document.body.classList.add('vscode-theme-switched');
      const before = window.__rnnLabPosted.length;
      for (let i = 0; i < 50 && window.__rnnLabPosted.length === before; i++) await new Promise((r) => setTimeout(r, 20));
      const stroke = document.querySelector('g.node-hidden rect')?.getAttribute('stroke');
      return { stroke, report: window.__rnnLabPosted[window.__rnnLabPosted.length - 1] };
    });
    if (recoloured.stroke !== '#123456' || recoloured.report?.type !== 'rendered' || recoloured.report.requestId !== null) {
      problems.push(`theme switch not applied: ${JSON.stringify(recoloured)}`);
    }
    const kb = (statSync(file).size / 1024).toFixed(0);
    console.log(`${theme}: ${report.rendered.join(', ')} | ${svgs.length} SVGs with role=img | ${elapsed} ms to report | ${file} (${kb} KB)`);
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
