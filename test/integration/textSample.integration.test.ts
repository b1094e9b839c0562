// The training panel's "Text sample" card in a real extension host (issue 6, chart 6): a tiny character model trained
// on a selection of samples/cuento-del-faro.txt is sampled through the panel's host entry point (what the card's
// "Sample" button calls: model.json read, drawn in a worker) and the text is made only of characters of the story;
// the slider's lowest temperature works too; a run that is not a character model is refused with a message.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { PROJECT_ROOT } from '../host/projectPaths';
import { extensionUnderTest } from './extensionUnderTest';

const SAMPLE_TEXT = 'rnnLab.sampleText';
const SHOW_GRADIENT_DECAY = 'rnnLab.showGradientDecay';
const FIXTURE_RUN = '2026-11-27T21-00-00-000Z-adding-lstm';

interface TextSampleResult {
  readonly text: string;
  readonly temperature: number;
  readonly seed: number;
  readonly greedy: boolean;
  readonly skippedPrimeCharacters: readonly string[];
  readonly elapsedMs: number;
  /** What the webview's card reported showing. */
  readonly shownCharacters: number | null;
}

describe('Text sample of a character model (training panel)', () => {
  let directory: string;

  before(async () => {
    await extensionUnderTest().activate();
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-text-sample-'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('trains on a story, then samples text made of its characters', async function () {
    this.timeout(180_000);
    const storyPath = path.join(PROJECT_ROOT, 'samples', 'cuento-del-faro.txt');
    const story = fs.readFileSync(storyPath, 'utf8');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(storyPath));
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, document.lineCount, 0);
    const result = await vscode.commands.executeCommand<{ status: string; runId?: string; modelJsonPath?: string | null }>('rnnLab.trainOnSelection', {
      name: 'text sample',
      silent: true,
      whenBusy: 'both',
      settings: { training: { epochs: 3 }, model: { hiddenSize: 12, window: 25 } },
    });
    assert.strictEqual(result?.status, 'completed', JSON.stringify(result));
    assert.ok(typeof result.runId === 'string');

    const characters = new Set(Array.from(story.replace(/\r\n/g, '\n')));
    const sample = await vscode.commands.executeCommand<TextSampleResult | undefined>(SAMPLE_TEXT, { runId: result.runId, temperature: 0.8, prime: 'El faro', length: 200 });
    assert.ok(sample !== undefined, 'the panel returned no sample');
    const drawn = Array.from(sample.text);
    assert.strictEqual(drawn.length, 200);
    const foreign = drawn.filter((c) => !characters.has(c));
    assert.deepStrictEqual(foreign, [], 'every sampled character comes from the training text');
    assert.strictEqual(sample.greedy, false);
    assert.strictEqual(sample.shownCharacters, 200, 'the webview card shows the whole sample');
    assert.deepStrictEqual(sample.skippedPrimeCharacters, []);
    if (this.test !== undefined) this.test.title += ` — 200 characters in ${Math.round(sample.elapsedMs)} ms`;

    // The slider's lowest temperature (τ = 0.1, nearly greedy) with a one-letter prime.
    const cold = await vscode.commands.executeCommand<TextSampleResult | undefined>(SAMPLE_TEXT, { runId: result.runId, temperature: 0.1, prime: 'a', length: 50 });
    assert.ok(cold !== undefined && Array.from(cold.text).length === 50);
    assert.ok(Array.from(cold.text).every((c) => characters.has(c)));
  });

  it('refuses a run that is not a character model, with a message instead of a crash', async () => {
    const runFolder = path.join(directory, 'runs', FIXTURE_RUN);
    fs.mkdirSync(runFolder, { recursive: true });
    const runJsonPath = path.join(runFolder, 'run.json');
    fs.copyFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'runs', FIXTURE_RUN, 'run.json'), runJsonPath);
    const report = await vscode.commands.executeCommand<{ runId: string } | undefined>(SHOW_GRADIENT_DECAY, { runJsonPath });
    assert.ok(report !== undefined);
    const refused = await vscode.commands.executeCommand<unknown>(SAMPLE_TEXT, { runId: report.runId, temperature: 1, prime: '', length: 20 });
    assert.strictEqual(refused, undefined);
    const badArgument = await vscode.commands.executeCommand<unknown>(SAMPLE_TEXT, { runId: report.runId, temperature: 9 });
    assert.strictEqual(badArgument, undefined);
  });
});
