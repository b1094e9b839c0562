#!/usr/bin/env node
// Screenshots of the built "Lecture Topologies" webview for the README, taken in headless Chromium outside VS Code:
// the page is the host's own HTML shell with the same CSP, served over a local HTTP origin, fed the host's state
// message by a stub acquireVsCodeApi (test/harness/topologyPage.ts), themed with Dark+ / Light+ variables.
// Fails (exit 1) on any CSP violation, console error, or if the page does not report the expected diagrams.
//
//   node scripts/screenshot-topologies.mjs                    → media/screenshots/topologies-{dark,light}.png
//   node scripts/screenshot-topologies.mjs --lang es --out /tmp/shots --focus many-to-one:200:1
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureBuilt, l10nBundle, launchChromium, loadHarness, newWatchedPage, option, root, startHarnessServer } from './lib/webviewScreenshots.mjs';

const lang = option('lang', 'en');
const outDir = resolve(root, option('out', 'media/screenshots'));
const focusOption = option('focus', '');
const width = Number(option('width', '1100'));
const themes = option('themes', 'dark,light').split(',');

const { harness, dispose: disposeHarness } = loadHarness('topologyPage');

ensureBuilt('dist/webview/topology.js');

const bundle = l10nBundle(lang);
const focus = focusOption === '' ? null : harness.parseFocusOption(focusOption);
const state = harness.harnessStateMessage(harness.bundleTranslator(bundle), focus);

const server = await startHarnessServer({
  page: (origin) => harness.harnessPage(origin, lang),
  themeCss: (theme) => harness.themeStylesheet(theme),
  stub: (theme) => harness.stubScript(state, theme), extraFolders: ['media'],
});
const browser = await launchChromium();
let failed = false;
try {
  mkdirSync(outDir, { recursive: true });
  for (const theme of themes) {
    server.setTheme(theme);
    const { page, problems } = await newWatchedPage(browser, { width, height: 700 });
    const started = Date.now();
    await page.goto(`${server.origin}/`);
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
  disposeHarness();
}
process.exit(failed ? 1 : 0);
