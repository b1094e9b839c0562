#!/usr/bin/env node
// Screenshots of the built "RNN Lab: Explain" webview for the walkthrough, in headless Chromium outside VS Code: the
// host's HTML shell with the same CSP, fed the host's state message for one lecture topic by a stub acquireVsCodeApi
// (test/harness/explanationPage.ts), themed with Dark+ / Light+ variables. Fails (exit 1) on any CSP violation,
// console error, or a page that does not show the topic's formula, sources and experiment button.
//
//   node scripts/screenshot-explain.mjs --topic gradient-clipping        → media/walkthrough/explain-gradient-clipping-{dark,light}.png
//   node scripts/screenshot-explain.mjs --topic lstm --lang es --out /tmp/shots
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureBuilt, l10nBundle, launchChromium, loadHarness, newWatchedPage, option, root, startHarnessServer } from './lib/webviewScreenshots.mjs';

const lang = option('lang', 'en');
const topic = option('topic', 'vanishing-gradient');
const outDir = resolve(root, option('out', 'media/walkthrough'));
const width = Number(option('width', '900'));
const height = Number(option('height', '760'));
const themes = option('themes', 'dark,light').split(',');

const { harness, dispose: disposeHarness } = loadHarness('explanationPage');
ensureBuilt('dist/webview/explain.js');
const bundle = l10nBundle(lang);
const state = harness.harnessExplanationState(bundle, topic);

const server = await startHarnessServer({
  page: (origin) => harness.explanationHarnessPage(origin, lang),
  themeCss: (theme) => harness.explanationThemeStylesheet(theme),
  stub: (theme) => harness.explanationStubScript(state, theme),
});
const browser = await launchChromium();
let failed = false;
try {
  mkdirSync(outDir, { recursive: true });
  for (const theme of themes) {
    server.setTheme(theme);
    const { page, problems } = await newWatchedPage(browser, { width, height });
    await page.goto(`${server.origin}/`);
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
  disposeHarness();
}
process.exit(failed ? 1 : 0);
