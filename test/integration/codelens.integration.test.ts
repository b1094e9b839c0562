// Issue 7 in a real extension host: a sample *.rnn.json (copied to a temp folder) shows the topology lens with its
// step counts, and invoking the lens opens the topology panel focused on it; remedy lenses name the problem and
// measure λ₁γ at init; a Keras model JSON gets its topology; malformed JSON gets no lens; the settings turn lenses
// off; semantic diagnostics carry exact ranges; hovers explain fields; New Model Config scaffolds a config; and
// "Train with this config" trains with the config's values, which "Show gradient decay of last run" then shows.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { extensionUnderTest } from './extensionUnderTest';
import { dismissSaveDialog } from './saveDialog';

const projectRoot = path.resolve(__dirname, '../../..');
let folder = '';
const createdRunFolders: string[] = [];

function copyInto(relative: string, name = path.basename(relative)): vscode.Uri {
  const target = path.join(folder, name);
  fs.copyFileSync(path.join(projectRoot, relative), target);
  return vscode.Uri.file(target);
}

function writeInto(name: string, content: unknown): vscode.Uri {
  const target = path.join(folder, name);
  fs.writeFileSync(target, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  return vscode.Uri.file(target);
}

async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

async function lensesOf(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
}

/** Polls the lenses until `accept` holds (providers register on activation; λ₁ is measured after the first call). */
async function lensesUntil(uri: vscode.Uri, accept: (lenses: vscode.CodeLens[]) => boolean, what: string): Promise<vscode.CodeLens[]> {
  const deadline = Date.now() + 20_000;
  let lenses: vscode.CodeLens[] = [];
  while (Date.now() < deadline) {
    lenses = await lensesOf(uri);
    if (accept(lenses)) return lenses;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${what}; lenses: ${JSON.stringify(lenses.map((lens) => lens.command?.title))}`);
}

const titled = (lenses: vscode.CodeLens[], prefix: string): vscode.CodeLens | undefined =>
  lenses.find((lens) => lens.command?.title.startsWith(prefix) === true);
const topologyLens = (lenses: vscode.CodeLens[]) => titled(lenses, '⟲');

async function diagnosticsUntil(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const found = vscode.languages.getDiagnostics(uri).find((d) => d.source === 'RNN Lab' && d.code === code);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`no ${code} diagnostic; got ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.code))}`);
}

describe('Model config code lenses, diagnostics and hovers (issue 7)', () => {
  before(async () => {
    await extensionUnderTest().activate();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-codelens-'));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.workspace.getConfiguration('rnnLab.codeLens').update('enabled', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('rnnLab.codeLens').update('topology', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(folder, { recursive: true, force: true });
    for (const run of createdRunFolders) fs.rmSync(run, { recursive: true, force: true });
  });

  it('shows the topology lens of a sample config; invoking it opens the topology panel focused on 50 → 1 steps', async () => {
    const uri = copyInto('samples/configs/many-to-one.rnn.json');
    await open(uri);
    const lenses = await lensesUntil(uri, (l) => topologyLens(l) !== undefined, 'no topology lens on many-to-one.rnn.json');
    const lens = topologyLens(lenses) as vscode.CodeLens;
    assert.strictEqual(lens.command?.title, '⟲ many-to-one · sentiment analysis (sequence in → one output)');
    assert.strictEqual(lens.range.start.line, 0, 'above the model (the root object)');
    assert.deepStrictEqual(lens.command?.arguments, [{ topology: 'many-to-one', inputLength: 50, outputLength: 1 }]);
    assert.ok(titled(lenses, '▶ Train with this config'), 'train lens');
    assert.ok(titled(lenses, 'Show gradient decay of last run'), 'last-run lens');
    const report = await vscode.commands.executeCommand<{ rendered: string[] }>(lens.command?.command as string, ...(lens.command?.arguments ?? []));
    assert.deepStrictEqual(report.rendered, ['many-to-one']);
  });

  it('puts remedy lenses on the remedy fields, with λ₁γ measured on the initial weights', async () => {
    const uri = copyInto('samples/configs/many-to-one.rnn.json', 'remedies.rnn.json');
    const document = await open(uri);
    const lenses = await lensesUntil(uri, (l) => titled(l, 'vanishing gradient: weight initialisation')?.command?.title.includes('λ₁γ = 1.00') === true, 'init lens never showed λ₁γ');
    const clip = titled(lenses, 'exploding gradient: gradient clipping by norm');
    assert.strictEqual(clip?.command?.title, 'exploding gradient: gradient clipping by norm · ‖g‖ ≥ 1 → g ← 1·g/‖g‖');
    assert.strictEqual(document.lineAt(clip.range.start.line).text.trim().startsWith('"clipNorm"'), true);
    assert.ok(titled(lenses, 'vanishing gradient: LSTM'), 'cell lens');
    assert.match(titled(lenses, 'vanishing gradient: weight initialisation')?.command?.title ?? '', /orthogonal.*λ₁γ = 1\.00 at init \(gate g\) → critical/);
  });

  it('names the topology of a Keras model JSON, without a train lens', async () => {
    const uri = copyInto('test/fixtures/models/tfkeras-video-frame-labelling.json', 'model.json');
    await open(uri);
    const lenses = await lensesUntil(uri, (l) => topologyLens(l) !== undefined, 'no lens on a Keras model');
    assert.strictEqual(topologyLens(lenses)?.command?.arguments?.[0]?.topology, 'many-to-many-synced');
    assert.strictEqual(titled(lenses, '▶'), undefined);
  });

  it('gives malformed JSON no lens and no error', async () => {
    const uri = writeInto('broken.json', '{"class_name": "Sequential", "config": [ {"class_name": "LSTM"');
    await open(uri);
    const good = copyInto('samples/configs/one-to-one.rnn.json');
    await open(good);
    await lensesUntil(good, (l) => topologyLens(l) !== undefined, 'providers not ready');
    assert.deepStrictEqual(await lensesOf(uri), []);
  });

  it('removes every lens when rnnLab.codeLens.enabled is off, brings them back, and turns off one kind alone', async () => {
    const uri = copyInto('samples/configs/one-to-many.rnn.json');
    await open(uri);
    await lensesUntil(uri, (l) => topologyLens(l) !== undefined, 'no lens before disabling');
    const settings = vscode.workspace.getConfiguration('rnnLab.codeLens');
    await settings.update('enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await lensesUntil(uri, (l) => l.length === 0, 'lenses remained with rnnLab.codeLens.enabled = false');
    } finally {
      await settings.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await lensesUntil(uri, (l) => topologyLens(l) !== undefined, 'lenses did not come back');
    // Per kind: the model lenses off, the remedy lenses (gru cell, clipNorm 5) stay.
    await settings.update('topology', false, vscode.ConfigurationTarget.Global);
    try {
      const lenses = await lensesUntil(uri, (l) => topologyLens(l) === undefined && l.length > 0, 'topology lens remained with rnnLab.codeLens.topology = false');
      assert.ok(titled(lenses, 'vanishing gradient: GRU'), 'the cell lens stays');
      assert.strictEqual(titled(lenses, 'exploding gradient: gradient clipping by norm')?.command?.title, 'exploding gradient: gradient clipping by norm · ‖g‖ ≥ 5 → g ← 5·g/‖g‖');
      assert.strictEqual(titled(lenses, 'Show gradient decay'), undefined);
    } finally {
      await settings.update('topology', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('reports semantic diagnostics with exact ranges, and explains fields on hover', async () => {
    const text = '{\n  "topology": "many-to-one",\n  "inputLength": 20,\n  "clipNorm": 0,\n  "data": { "path": "missing.csv" }\n}\n';
    const uri = writeInto('bad.rnn.json', text);
    const document = await open(uri);
    const clip = await diagnosticsUntil(uri, 'clip-norm-not-positive');
    assert.strictEqual(clip.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(document.getText(clip.range), '0');
    assert.strictEqual(clip.range.start.line, 3);
    const data = await diagnosticsUntil(uri, 'data-path-missing');
    assert.strictEqual(document.getText(data.range), '"missing.csv"');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(3, 5));
    const texts = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
    assert.ok(texts.some((value) => value.includes('τ·g/‖g‖')), JSON.stringify(texts));
  });

  it('scaffolds a new config for a chosen topology from the lecture example', async () => {
    // inside the workspace folder (a throwaway copy of samples/): a target outside it opens the save dialog (next test)
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(workspace !== undefined, 'the test window opens a folder');
    const target = path.join(workspace, 'scaffold.rnn.json');
    const result = await vscode.commands.executeCommand<{ uri: string; topology: string }>('rnnLab.newModelConfig', {
      topology: 'many-to-many-synced',
      target,
    });
    assert.strictEqual(result.topology, 'many-to-many-synced');
    const written = JSON.parse(fs.readFileSync(target, 'utf8')) as Record<string, unknown>;
    assert.strictEqual(written['topology'], 'many-to-many-synced');
    assert.strictEqual(written['$schema'], undefined);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, target);
    const lenses = await lensesUntil(vscode.Uri.file(target), (l) => topologyLens(l) !== undefined, 'no lens on the new config');
    assert.ok(topologyLens(lenses)?.command?.title.startsWith('⟲ many-to-many-synced · video frame labelling'));
  });

  it('does not write a new config outside the workspace without asking: the save dialog opens instead (issue 13)', async () => {
    const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-outside-')), 'elsewhere.rnn.json');
    const creating = vscode.commands.executeCommand<unknown>('rnnLab.newModelConfig', { topology: 'many-to-one', target: outside });
    assert.strictEqual(await dismissSaveDialog(creating, outside), undefined);
  });

  it('"Train with this config" trains with the config values overriding settings; the last-run lens shows that run', async () => {
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(workspace && fs.existsSync(path.join(workspace, 'sine.csv')), 'the test window opens the samples folder');
    const uri = writeInto('sine-train.rnn.json', {
      topology: 'many-to-one',
      cell: 'rnn',
      hiddenSize: 6,
      inputLength: 12,
      outputLength: 1,
      optimizer: 'sgd',
      learningRate: 0.03,
      epochs: 3,
      batch: 8,
      seed: 5,
      clipNorm: 2,
      data: { path: path.join(workspace, 'sine.csv'), column: 'value' },
    });
    await open(uri);
    const result = await vscode.commands.executeCommand<{ status: string; runJsonPath?: string; message?: string }>('rnnLab.trainWithConfig', {
      config: uri,
      silent: true,
    });
    assert.strictEqual(result.status, 'completed', result.message);
    assert.ok(result.runJsonPath);
    createdRunFolders.push(path.dirname(result.runJsonPath));
    const run = JSON.parse(fs.readFileSync(result.runJsonPath, 'utf8')) as {
      name: string;
      config: Record<string, Record<string, { value: unknown; source: string }>>;
      epochs: unknown[];
    };
    assert.strictEqual(run.config['model']?.['hiddenSize']?.value, 6);
    assert.strictEqual(run.config['model']?.['hiddenSize']?.source, 'configFile');
    assert.strictEqual(run.config['model']?.['window']?.value, 12);
    assert.strictEqual(run.config['model']?.['cell']?.value, 'rnn');
    assert.strictEqual(run.config['training']?.['epochs']?.value, 3);
    assert.strictEqual(run.config['training']?.['optimizer']?.value, 'sgd');
    assert.strictEqual(run.config['training']?.['seed']?.value, 5);
    assert.strictEqual(run.config['remedies']?.['clipNorm']?.value, 2);
    assert.strictEqual(run.epochs.length, 3);

    const lenses = await lensesUntil(uri, (l) => titled(l, 'Show gradient decay of last run') !== undefined, 'no last-run lens');
    const lastRun = titled(lenses, 'Show gradient decay of last run')?.command as vscode.Command;
    const shown = await vscode.commands.executeCommand<{ runJsonPath: string }>(lastRun.command, ...(lastRun.arguments ?? []));
    assert.strictEqual(shown.runJsonPath, result.runJsonPath);
  });

  it('refuses a config whose data path leads outside the workspace (dot-dot or a link), without prompts (issue 13)', async () => {
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(workspace);
    const secret = path.join(folder, 'secret.csv');
    fs.writeFileSync(secret, `value\n${Array.from({ length: 60 }, (_, i) => Math.sin(i).toFixed(4)).join('\n')}\n`);
    const link = path.join(workspace, 'linked-secret.csv');
    fs.symlinkSync(secret, link);
    try {
      const runsBefore = fs.existsSync(path.join(workspace, '.rnn-lab', 'runs')) ? fs.readdirSync(path.join(workspace, '.rnn-lab', 'runs')).length : 0;
      for (const dataPath of [path.relative(workspace, secret), link]) {
        const uri = writeInto('stealing.rnn.json', { topology: 'many-to-one', cell: 'rnn', hiddenSize: 4, inputLength: 5, outputLength: 1, epochs: 1, data: { path: dataPath, column: 'value' } });
        // the config sits in the workspace, so a relative path resolves from there
        const inWorkspace = path.join(workspace, 'stealing.rnn.json');
        fs.copyFileSync(uri.fsPath, inWorkspace);
        try {
          const result = await vscode.commands.executeCommand<{ status: string; message?: string }>('rnnLab.trainWithConfig', { config: vscode.Uri.file(inWorkspace), silent: true });
          assert.strictEqual(result.status, 'invalid-settings', dataPath);
          assert.match(result.message ?? '', /outside the workspace folders/);
          assert.ok(result.message?.includes(fs.realpathSync(secret)), `names the resolved path: ${result.message}`);
        } finally {
          fs.rmSync(inWorkspace, { force: true });
        }
      }
      const runsAfter = fs.existsSync(path.join(workspace, '.rnn-lab', 'runs')) ? fs.readdirSync(path.join(workspace, '.rnn-lab', 'runs')).length : 0;
      assert.strictEqual(runsAfter, runsBefore, 'no run was saved');
    } finally {
      fs.rmSync(link, { force: true });
    }
  });
});
