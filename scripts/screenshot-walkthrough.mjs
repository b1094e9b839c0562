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
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ensureBuilt, l10nBundle, launchChromium, loadHarness, newWatchedPage, option, root, startHarnessServer } from './lib/webviewScreenshots.mjs';

const lang = option('lang', 'en');
const suffix = lang === 'en' ? '' : `-${lang}`;
const outDir = join(root, 'media/walkthrough');
const themes = ['dark', 'light'];
/** Walkthrough image → the training panel card it shows (data-card of webview/training/chartCard.ts). */
const CARDS = { 'training-loss': 'loss', 'gradient-decay': 'decay', 'gradient-clipping': 'updates' };

const { harness, dispose: disposeHarness } = loadHarness('trainingPage');
ensureBuilt('dist/webview/training.js', true);

const record = harness.addingRunRecord({ ...harness.DEFAULT_ADDING_RUN, cell: 'rnn' });
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
    const { page, problems } = await newWatchedPage(browser, { width: 780, height: 900 });
    await page.goto(`${server.origin}/`);
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
  disposeHarness();
}
if (!failed) {
  execFileSync(process.execPath, [join(root, 'scripts/screenshot-explain.mjs'), '--topic', 'lstm', '--height', '640', '--lang', lang], { cwd: root, stdio: 'inherit' });
  const topologiesDir = mkdtempSync(join(tmpdir(), 'rnn-lab-walkthrough-topologies-'));
  execFileSync(process.execPath, [join(root, 'scripts/screenshot-topologies.mjs'), '--lang', lang, '--width', '1100', '--out', topologiesDir], { cwd: root, stdio: 'inherit' });
  for (const theme of themes) copyFileSync(join(topologiesDir, `topologies-${theme}.png`), join(outDir, `topologies${suffix}-${theme}.png`));
  rmSync(topologiesDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
