#!/usr/bin/env node
// Screenshots of the built training panel for the README, in headless Chromium outside VS Code: the host's HTML shell
// with the same CSP, served over a local HTTP origin, fed the host's state message for a REAL run (the adding problem
// trained by the worker's training loop, test/harness/trainingRunRecord.ts) by a stub acquireVsCodeApi, themed with
// Dark+ / Light+ variables. Fails (exit 1) on any CSP violation, console error, missing accessible name, or a chart
// that reports no data.
//
//   node scripts/screenshot-training.mjs                      → media/screenshots/training-panel-{dark,light}.png
//   node scripts/screenshot-training.mjs --cell lstm --lang es --out /tmp/shots --themes dark
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureBuilt, l10nBundle, launchChromium, loadHarness, newWatchedPage, option, root, startHarnessServer } from './lib/webviewScreenshots.mjs';

const lang = option('lang', 'en');
const cell = option('cell', 'rnn');
const outDir = resolve(root, option('out', 'media/screenshots'));
const width = Number(option('width', '1200'));
const themes = option('themes', 'dark,light').split(',');
const suffix = cell === 'rnn' ? '' : `-${cell}`;

const { harness, dispose: disposeHarness } = loadHarness('trainingPage');
ensureBuilt('dist/webview/training.js');
const trainingStarted = Date.now();
const record = harness.addingRunRecord({ ...harness.DEFAULT_ADDING_RUN, cell });
console.log(`trained ${record.name}: ${record.epochs.length} epochs in ${Date.now() - trainingStarted} ms`);
const bundle = l10nBundle(lang);
const state = harness.trainingStateMessage(harness.bundleTranslator(bundle), record);

const server = await startHarnessServer({
  page: (origin) => harness.trainingHarnessPage(origin, lang),
  themeCss: (theme) => harness.themeStylesheet(theme),
  stub: (theme) => harness.trainingStubScript(state, theme),
});
const browser = await launchChromium();
let failed = false;
try {
  mkdirSync(outDir, { recursive: true });
  for (const theme of themes) {
    server.setTheme(theme);
    const { page, problems } = await newWatchedPage(browser, { width, height: 900 });
    const started = Date.now();
    await page.goto(`${server.origin}/`);
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
  disposeHarness();
}
process.exit(failed ? 1 : 0);
