// `npm run test:e2e`: the packaged extension (rnn-lab-<version>.vsix) installed into the code-server VS Code, driven
// through the real web workbench in headless Chromium like a student would: train on the sine sample from the palette,
// check the gradient-decay chart drew, read the topology lens of a config, and see the Spanish command titles.
// Screenshots go to test/e2e/screenshots/; with RNN_LAB_E2E_REFRESH_README_SCREENSHOTS=1 (`npm run screenshots`) the
// panel shots are also copied into media/screenshots/. Last line: "N passed, M failed"; exit 1 on any failure.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { installVsixIntoCodeServer } from '../host/codeServerProcess';
import { PROJECT_ROOT } from '../host/projectPaths';
import { measureCanvasInk } from './canvasPixels';
import { DARK_THEME, LIGHT_THEME, openE2eSession, userDataDirOf } from './e2eSession';
import type { E2eSession } from './e2eSession';
import { saveFailureEvidence } from './failureEvidence';
import { activeWebview, findInPalette, notificationButton, quickInputTitle, quickInputVisible, quickOpen, runCommand, selectAllInEditor, sleep } from './workbenchDriver';

const SCREENSHOTS_DIR = path.join(PROJECT_ROOT, 'test', 'e2e', 'screenshots');
const README_SCREENSHOTS_DIR = path.join(PROJECT_ROOT, 'media', 'screenshots');
/** Training on the sine sample takes seconds alone, far longer on a loaded 2-core CI machine. */
const TRAINING_TIMEOUT_MS = 240_000;
/** The gradient-decay chart with a plotted curve: thousands of inked pixels in at least 3 colours (axes, grid, line). */
const MIN_INKED_PIXELS = 2_000;
const MIN_INK_COLOURS = 3;
/** Coloured curve pixels in the plot band: eight epochs × 20 timesteps of line segments give thousands. */
const MIN_CURVE_PIXELS = 300;

interface TestOutcome {
  readonly name: string;
  readonly passed: boolean;
  readonly detail: string;
  readonly seconds: number;
}

const outcomes: TestOutcome[] = [];

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

async function runTest(name: string, session: E2eSession | undefined, body: (session: E2eSession) => Promise<string>): Promise<boolean> {
  const started = Date.now();
  const seconds = (): number => Math.round((Date.now() - started) / 100) / 10;
  if (session === undefined) {
    outcomes.push({ name, passed: false, detail: 'not run: the workbench session did not start', seconds: 0 });
    console.log(`  ✗ ${name} (not run: no session)`);
    return false;
  }
  try {
    const detail = await body(session);
    outcomes.push({ name, passed: true, detail, seconds: seconds() });
    console.log(`  ✓ ${name} (${seconds()} s) ${detail}`);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const evidence = await saveFailureEvidence(session.page, session.userDataDir, SCREENSHOTS_DIR, slug(name));
    outcomes.push({ name, passed: false, detail: message, seconds: seconds() });
    console.log(`  ✗ ${name} (${seconds()} s)\n      ${message.split('\n').join('\n      ')}`);
    for (const file of evidence) console.log(`      saved ${path.relative(PROJECT_ROOT, file)}`);
    return false;
  }
}

function packagedVsix(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(PROJECT_ROOT, `${manifest.name}-${manifest.version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first (npm run test:e2e does).`);
  return vsix;
}

/** Answers the questions Train on Selection may ask with the defaults a student would give: keep the preselected
 *  number columns, predict `value`, and press Train on the shape preview's notification (not a modal dialog since
 *  issue 13); returns once the panel's decay canvas exists. */
async function answerTrainingQuestions(page: Page): Promise<void> {
  const canvas = activeWebview(page).locator('canvas#chart-decay-0');
  const deadline = Date.now() + TRAINING_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await canvas.count().catch(() => 0)) > 0) return;
    const train = notificationButton(page, /^\s*(Train|Entrenar)\s*$/);
    if (await train.first().isVisible().catch(() => false)) {
      await train.first().click();
    } else if (await quickInputVisible(page)) {
      const title = await quickInputTitle(page);
      if (/predict|predecir/i.test(title)) {
        await page.keyboard.type('value', { delay: 10 });
        await sleep(500);
      }
      await page.keyboard.press('Enter');
    }
    await sleep(1_000);
  }
  throw new Error(`the training panel's gradient-decay canvas did not appear within ${TRAINING_TIMEOUT_MS / 1000} s`);
}

async function waitForRunToFinish(page: Page): Promise<string> {
  const status = activeWebview(page).locator('#run-status');
  const deadline = Date.now() + TRAINING_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const className = (await status.getAttribute('class').catch(() => null)) ?? '';
    if (/status-(completed|cancelled|diverged|failed)/.test(className)) return className.replace(/.*status-/, '');
    await sleep(1_000);
  }
  throw new Error(`the run did not finish within ${TRAINING_TIMEOUT_MS / 1000} s`);
}

/** The panel as shown in its editor group, scrolled so the gradient-decay chart is in view. */
async function panelScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS_DIR, name);
  await activeWebview(page).locator('canvas#chart-decay-0').evaluate((canvas) => canvas.scrollIntoView({ block: 'center' }));
  await sleep(500);
  await page.locator('iframe.webview.ready').last().screenshot({ path: file, timeout: 30_000 });
  return file;
}

async function trainOnSineSelection(session: E2eSession): Promise<string> {
  const { page } = session;
  await quickOpen(page, 'sine.csv');
  await selectAllInEditor(page);
  await runCommand(page, 'RNN Lab: Train on Selection');
  await answerTrainingQuestions(page);
  const status = await waitForRunToFinish(page);
  if (status !== 'completed') throw new Error(`the run ended with status "${status}", expected "completed"`);
  await sleep(1_500); // let Chart.js finish its last redraw
  const ink = await measureCanvasInk(activeWebview(page).locator('canvas#chart-decay-0'));
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'workbench-training-dark.png') });
  await panelScreenshot(page, 'training-panel-sine-dark.png');
  if (ink.width === 0 || ink.height === 0) throw new Error('the gradient-decay canvas has zero size');
  if (ink.inkedPixels < MIN_INKED_PIXELS || ink.inkColours < MIN_INK_COLOURS || ink.curvePixels < MIN_CURVE_PIXELS) {
    throw new Error(
      `the gradient-decay chart looks blank: ${JSON.stringify(ink)} (want ≥ ${MIN_INKED_PIXELS} inked pixels in ≥ ${MIN_INK_COLOURS} colours, ≥ ${MIN_CURVE_PIXELS} curve pixels)`,
    );
  }
  return `run ${status}; decay canvas ${ink.width}×${ink.height}, ${ink.inkedPixels} inked px in ${ink.inkColours} colours, ${ink.curvePixels} curve px`;
}

interface SavedDecay {
  readonly gradientNormsPerTimestep: { epoch: number; layer: number; hiddenNorms: (number | null)[] }[];
  readonly data: { shapes: { inputShape: number[] } };
}

/** ‖∂J/∂h_0‖ / ‖∂J/∂h_49‖ of the newest layer-0 sample of the run whose folder name contains `nameSlug`. */
function gradientReach(workspaceDir: string, nameSlug: string): { reach: number; inputShape: number[] } {
  const runs = path.join(workspaceDir, '.rnn-lab', 'runs');
  const folder = fs.readdirSync(runs).filter((name) => name.includes(nameSlug)).sort().at(-1);
  if (folder === undefined) throw new Error(`no saved run matching "${nameSlug}" in ${runs}`);
  const run = JSON.parse(fs.readFileSync(path.join(runs, folder, 'run.json'), 'utf8')) as SavedDecay;
  const norms = run.gradientNormsPerTimestep.filter((sample) => sample.layer === 0).at(-1)?.hiddenNorms ?? [];
  const first = norms[0] ?? NaN;
  const last = norms[norms.length - 1] ?? NaN;
  return { reach: first / last, inputShape: run.data.shapes.inputShape };
}

/** "Run Lecture Experiment…" from the palette, the experiment's row by its label; waits for its panel to finish. */
async function runExperimentFromPalette(page: Page, filter: string, label: RegExp, screenshot: string): Promise<string> {
  await runCommand(page, 'RNN Lab: Run Lecture Experiment…');
  // Filter the list as a user would (the experiment's row may be below the visible part of the list).
  await page.locator('.quick-input-widget input').waitFor({ timeout: 30_000 });
  await page.keyboard.type(filter, { delay: 10 });
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first().click({ timeout: 30_000 });
  const canvas = activeWebview(page).locator('canvas#chart-decay-0');
  await canvas.waitFor({ timeout: TRAINING_TIMEOUT_MS });
  const status = await waitForRunToFinish(page);
  if (status !== 'completed') throw new Error(`the experiment ended with status "${status}", expected "completed"`);
  await sleep(1_500);
  const ink = await measureCanvasInk(canvas);
  if (ink.inkedPixels < MIN_INKED_PIXELS || ink.curvePixels < MIN_CURVE_PIXELS) throw new Error(`the decay chart looks blank: ${JSON.stringify(ink)}`);
  await panelScreenshot(page, screenshot);
  const badge = activeWebview(page).locator('.badge[role=status]').first();
  const verdict = ((await badge.getAttribute('class')) ?? '').replace(/.*badge-/, '');
  return `${verdict} | ${(await canvas.getAttribute('aria-label')) ?? ''}`;
}

/** Issue 6 "Done when": on the adding problem the vanilla RNN's gradient vanishes across the 50 steps, the LSTM's does not. */
async function addingProblemThroughTheUi(session: E2eSession): Promise<string> {
  const { page } = session;
  const vanillaAria = await runExperimentFromPalette(page, 'vanilla RNN on the adding', /vanilla RNN on the adding problem/, 'training-panel-adding-rnn-light.png');
  const lstmAria = await runExperimentFromPalette(page, 'LSTM on the adding', /LSTM on the adding problem/, 'training-panel-adding-lstm-light.png');
  const vanilla = gradientReach(session.workspaceDir, 'vanishing-gradient-adding');
  const lstm = gradientReach(session.workspaceDir, 'lstm-adding');
  if (vanilla.inputShape.join('×') !== '100×50×2') throw new Error(`the adding problem was not read one sequence per example: ${vanilla.inputShape.join('×')}`);
  if (!(vanilla.reach < 1e-3 && lstm.reach > 100 * vanilla.reach)) {
    throw new Error(`expected the vanilla RNN's gradient to vanish and the LSTM's not to: ‖∂J/∂h_0‖/‖∂J/∂h_49‖ = ${vanilla.reach} vs ${lstm.reach}`);
  }
  // Beside the measured curve the theory: W_hh starts orthogonal at λ₁ = 0.8 < 1/γ, so the badge reads "vanishing guaranteed".
  if (!vanillaAria.startsWith('vanishing-guaranteed |')) throw new Error(`the vanilla RNN's panel verdict is "${vanillaAria.split(' |')[0]}", expected vanishing-guaranteed`);
  if (lstmAria.endsWith('| ')) throw new Error('the LSTM decay chart has no accessible name');
  return `‖∂J/∂h_0‖/‖∂J/∂h_49‖: vanilla RNN ${vanilla.reach.toExponential(2)}, LSTM ${lstm.reach.toExponential(2)}; panel says "${vanillaAria.slice(0, 120)}…"`;
}

async function lightThemePanel(session: E2eSession): Promise<string> {
  const { page } = session;
  const before = await activeWebview(page).locator('body').getAttribute('class');
  await switchColorTheme(page, LIGHT_THEME);
  // The workbench re-themes live; the webview's body class follows (vscode-light).
  await activeWebview(page).locator('body.vscode-light').waitFor({ timeout: 60_000 });
  await sleep(2_000); // the charts re-read the theme colours and redraw
  const ink = await measureCanvasInk(activeWebview(page).locator('canvas#chart-decay-0'));
  if (ink.inkedPixels < MIN_INKED_PIXELS || ink.curvePixels < MIN_CURVE_PIXELS) {
    throw new Error(`after the theme switch the decay chart looks blank: ${JSON.stringify(ink)}`);
  }
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'workbench-training-light.png') });
  await panelScreenshot(page, 'training-panel-sine-light.png');
  return `body class "${before ?? ''}" → vscode-light; ${ink.inkedPixels} inked px, ${ink.curvePixels} curve px`;
}

/** "Preferences: Color Theme" from the palette, then the theme's row, as a user switches themes. */
async function switchColorTheme(page: Page, theme: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme', 60_000);
  await page.keyboard.type(theme, { delay: 10 });
  // Click the theme's own row: Enter would take whichever row is highlighted (possibly "Browse Additional…").
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: theme, hasNotText: /Browse|Buscar|Examinar/ }).first().click({ timeout: 30_000 });
}

async function topologyLens(session: E2eSession): Promise<string> {
  const { page } = session;
  await quickOpen(page, 'many-to-one.rnn.json');
  const lens = page.locator('.editor-group-container.active .codelens-decoration', { hasText: 'many-to-one' }).first();
  await lens.waitFor({ timeout: 90_000 });
  const text = ((await lens.textContent()) ?? '').trim();
  if (!/many-to-one/.test(text) || !/sentiment/i.test(text)) throw new Error(`unexpected topology lens text "${text}"`);
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'codelens-many-to-one.png') });
  return `lens "${text}"`;
}

async function spanishCommandTitle(session: E2eSession): Promise<string> {
  const { page } = session;
  const title = 'RNN Lab: Mostrar topologías de la clase';
  const row = await findInPalette(page, 'topologías', title, 120_000);
  // Under a non-English display language the palette shows the English original as a secondary alias, so check the
  // row's own (accessible) label, which starts with the localized title.
  const label = (await row.getAttribute('aria-label')) ?? '';
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'palette-es.png') });
  await page.keyboard.press('Escape');
  if (!label.startsWith(title)) throw new Error(`the palette row's label is "${label}", expected it to start with "${title}"`);
  const train = await findInPalette(page, 'Entrenar con la selección', 'RNN Lab: Entrenar con la selección', 30_000);
  const trainLabel = (await train.getAttribute('aria-label')) ?? '';
  await page.keyboard.press('Escape');
  return `palette rows "${label}", "${trainLabel}"`;
}

function refreshReadmeScreenshots(): void {
  fs.mkdirSync(README_SCREENSHOTS_DIR, { recursive: true });
  for (const name of ['training-panel-sine-dark.png', 'training-panel-sine-light.png', 'codelens-many-to-one.png', 'training-panel-adding-rnn-light.png', 'training-panel-adding-lstm-light.png']) {
    const from = path.join(SCREENSHOTS_DIR, name);
    if (fs.existsSync(from)) {
      fs.copyFileSync(from, path.join(README_SCREENSHOTS_DIR, name));
      console.log(`[e2e] refreshed media/screenshots/${name}`);
    }
  }
}

async function withSession(
  label: string,
  options: Parameters<typeof openE2eSession>[0],
  tests: readonly [string, (session: E2eSession) => Promise<string>][],
): Promise<void> {
  console.log(`[e2e] ${label}`);
  let session: E2eSession | undefined;
  const started = Date.now();
  try {
    session = await openE2eSession(options);
    console.log(`[e2e]   workbench ready in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (error) {
    console.log(`[e2e]   the workbench did not start: ${error instanceof Error ? error.message : String(error)}`);
    await saveFailureEvidence(undefined, userDataDirOf(options.sessionDir), SCREENSHOTS_DIR, slug(label));
  }
  try {
    for (const [name, body] of tests) await runTest(name, session, body);
  } finally {
    await session?.close();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  fs.rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-e2e-'));
  const extensionsDir = path.join(runDir, 'extensions');
  let keepRunDir = false;
  try {
    const vsix = packagedVsix();
    console.log(`[e2e] installing ${path.basename(vsix)} into the code-server VS Code (${runDir})`);
    installVsixIntoCodeServer(vsix, { userDataDir: path.join(runDir, 'install-profile'), extensionsDir, stateDir: path.join(runDir, 'install-state') });

    await withSession('English workbench, dark theme', { sessionDir: path.join(runDir, 'en'), extensionsDir, colorTheme: DARK_THEME }, [
      ['Train on Selection draws the gradient-decay chart', trainOnSineSelection],
      ['training panel follows the light theme', lightThemePanel],
      ['topology code lens on many-to-one.rnn.json', topologyLens],
      ['adding problem: the vanilla RNN\'s gradient vanishes, the LSTM\'s does not', addingProblemThroughTheUi],
    ]);
    await withSession(
      'Spanish workbench (--locale es)',
      { sessionDir: path.join(runDir, 'es'), extensionsDir, colorTheme: LIGHT_THEME, displayLanguage: 'es' },
      [['command titles are translated to Spanish', spanishCommandTitle]],
    );
  } catch (error) {
    outcomes.push({ name: 'e2e set-up', passed: false, detail: error instanceof Error ? error.message : String(error), seconds: 0 });
    console.log(`  ✗ e2e set-up: ${error instanceof Error ? error.message : String(error)}`);
  }
  const failed = outcomes.filter((outcome) => !outcome.passed).length;
  const passed = outcomes.length - failed;
  if (failed > 0) {
    keepRunDir = true;
    console.log(`[e2e] profiles and server logs kept in ${runDir}`);
  } else if (process.env.RNN_LAB_E2E_REFRESH_README_SCREENSHOTS === '1') {
    refreshReadmeScreenshots();
  }
  if (!keepRunDir) fs.rmSync(runDir, { recursive: true, force: true });
  console.log(`[e2e] screenshots in ${path.relative(PROJECT_ROOT, SCREENSHOTS_DIR)}/; took ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
