#!/usr/bin/env node
// Screenshots of the built "RNN Lab: Explain" webview for the walkthrough, in headless Chromium outside VS Code: the
// host's HTML shell with the same CSP, fed the host's state message for one lecture topic by a stub acquireVsCodeApi
// (test/harness/explanationPage.ts), themed with Dark+ / Light+ variables. Fails (exit 1) on any CSP violation,
// console error, or a page that does not show the topic's formula, sources and experiment button.
//
//   node scripts/screenshot-explain.mjs --topic gradient-clipping        → media/walkthrough/explain-gradient-clipping-{dark,light}.png
//   node scripts/screenshot-explain.mjs --topic lstm --lang es --out /tmp/shots
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
const topic = option('topic', 'vanishing-gradient');
const outDir = resolve(root, option('out', 'media/walkthrough'));
const width = Number(option('width', '900'));
const height = Number(option('height', '760'));
const themes = option('themes', 'dark,light').split(',');

const harnessDir = mkdtempSync(join(tmpdir(), 'rnn-lab-explain-harness-'));
const harnessFile = join(harnessDir, 'explanationPage.cjs');
esbuild.buildSync({
  entryPoints: [join(root, 'test/harness/explanationPage.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: harnessFile,
  logLevel: 'warning',
});
const harness = require(harnessFile);
if (!existsSync(join(root, 'dist/webview/explain.js'))) execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });

const bundle = lang === 'en' ? {} : JSON.parse(readFileSync(join(root, `l10n/bundle.l10n.${lang}.json`), 'utf8'));
const state = harness.harnessExplanationState(bundle, topic);

const CONTENT_TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
let currentTheme = 'dark';
const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const send = (status, type, body) => {
    response.writeHead(status, { 'Content-Type': type });
    response.end(body);
  };
  if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
  if (url.pathname === '/') return send(200, 'text/html', harness.explanationHarnessPage(origin, lang));
  if (url.pathname === '/theme.css') return send(200, 'text/css', harness.explanationThemeStylesheet(currentTheme));
  if (url.pathname === '/stub.js') return send(200, 'text/javascript', harness.explanationStubScript(state, currentTheme));
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
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${origin}/`);
    await page.waitForSelector('article[data-topic] .formula-line', { timeout: 10_000 });
    const shown = await page.evaluate(() => ({
      topic: document.querySelector('article')?.getAttribute('data-topic'),
      formulaLines: document.querySelectorAll('.formula-line').length,
      sources: document.querySelectorAll('.sources li').length,
      button: document.getElementById('run-experiment')?.textContent ?? '',
      violations: window.__rnnLabCspViolations,
      posted: window.__rnnLabPosted,
    }));
    if (shown.topic !== topic) problems.push(`shows topic ${shown.topic}, expected ${topic}`);
    if (shown.formulaLines !== state.topic.formula.length) problems.push(`${shown.formulaLines} formula lines, expected ${state.topic.formula.length}`);
    if (shown.sources !== state.topic.sources.length) problems.push(`${shown.sources} sources, expected ${state.topic.sources.length}`);
    if (shown.button !== state.topic.experimentLabel) problems.push(`button "${shown.button}"`);
    if (shown.posted[0]?.type !== 'ready') problems.push(`first message ${JSON.stringify(shown.posted[0])}, expected ready`);
    problems.push(...shown.violations.map((v) => `CSP violation: ${v}`));
    const file = join(outDir, `explain-${topic}${lang === 'en' ? '' : `-${lang}`}-${theme}.png`);
    await page.screenshot({ path: file, fullPage: false });
    console.log(`${theme}: ${topic} | ${shown.formulaLines} formula lines | ${shown.sources} sources | ${file} (${(statSync(file).size / 1024).toFixed(0)} KB)`);
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
